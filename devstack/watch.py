"""Reload on code change: poll the functions' and layers' source trees (cheap for trees this size,
and no inotify limits to hit)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger("devstack.watch")
_SKIP_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", "node_modules"}


def snapshot(roots: Iterable[Path]) -> dict[str, float]:
    """mtime of every source file under the roots."""
    seen: dict[str, float] = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")]
            for name in filenames:
                if name.endswith((".pyc", ".pyo", "~")) or name.startswith("."):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    seen[path] = os.stat(path).st_mtime
                except FileNotFoundError:
                    continue
    return seen


class CodeWatcher:
    def __init__(self, roots: Iterable[Path], on_change: Callable[[list[str]], None], interval: float = 1.0):
        self._roots = [r for r in roots if r.exists()]
        self._on_change = on_change
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="code-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        before = snapshot(self._roots)
        while not self._stop.wait(self._interval):
            after = snapshot(self._roots)
            if after != before:
                paths = sorted({p for p, _ in set(after.items()) ^ set(before.items())})
                before = after
                try:
                    self._on_change(paths)
                except Exception:
                    log.exception("reload failed")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
