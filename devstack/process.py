"""Run `python -m devstack` (what `make dev` runs) as a child process on free ports, for tests.

A separate process, because the stack's moto server and Invoke routing are process-wide and
would collide with the in-process `mock_aws` of the other tests.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devstack.template import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DevStackProcess:
    process: subprocess.Popen[bytes]
    workdir: Path
    state: dict[str, Any]
    started_in: float  # seconds from spawn until the stack answered

    @property
    def api_url(self) -> str:
        return str(self.state["api_url"])

    @property
    def moto_url(self) -> str:
        return str(self.state["moto_url"])

    @property
    def bank_urls(self) -> dict[str, str]:
        return dict(self.state.get("banks", {}))

    @property
    def outbox(self) -> Path:
        """Where the stack's user pool "e-mails" sign-up and reset codes (devstack.cognito_mail)."""
        return self.workdir / "outbox.jsonl"

    @property
    def log(self) -> str:
        return (self.workdir / "devstack.log").read_text(errors="replace")

    def children(self) -> list[Any]:
        import psutil  # type: ignore[import-untyped]

        return list(psutil.Process(self.process.pid).children(recursive=True))

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM, as a terminal's Ctrl-C or a supervisor would; the stack stops its children."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def start_dev_stack(
    workdir: Path, *, extra_args: tuple[str, ...] = (), timeout: float = 90.0
) -> DevStackProcess:
    state_file = workdir / "state.json"
    log = (workdir / "devstack.log").open("wb")
    args = [
        sys.executable,
        "-m",
        "devstack",
        "--api-port",
        str(_free_port()),
        "--moto-port",
        str(_free_port()),
        "--dynamodb-port",
        "0",
        "--bank-port",
        "0",
        "--bank-data-dir",
        str(workdir / "banks"),
        "--state-file",
        str(state_file),
        "--no-watch",
        *extra_args,
    ]
    started = time.monotonic()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)  # noqa: S603
    log.close()
    deadline = started + timeout
    while not state_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            if process.poll() is None:
                process.kill()
            text = (workdir / "devstack.log").read_text(errors="replace")
            raise RuntimeError(f"python -m devstack did not come up:\n{text[-4000:]}")
        time.sleep(0.1)
    state = json.loads(state_file.read_text())
    return DevStackProcess(process, workdir, state, time.monotonic() - started)
