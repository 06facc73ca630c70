"""`make dev` reloads when a function's or the layer's source changes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from devstack.watch import CodeWatcher


def test_a_changed_source_file_triggers_one_reload(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text("x = 1\n")
    (tmp_path / "__pycache__").mkdir()
    changed: list[list[str]] = []
    fired = threading.Event()

    def on_change(paths: list[str]) -> None:
        changed.append(paths)
        fired.set()

    watcher = CodeWatcher([tmp_path], on_change, interval=0.05)
    watcher.start()
    try:
        time.sleep(0.15)
        (tmp_path / "__pycache__" / "app.cpython-312.pyc").write_bytes(b"ignored")
        time.sleep(0.15)
        assert not fired.is_set()
        source.write_text("x = 2\n")
        os.utime(source, (time.time() + 5, time.time() + 5))  # coarse mtime clocks
        assert fired.wait(3)
    finally:
        watcher.stop()
    assert changed == [[str(source)]]
