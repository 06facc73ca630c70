"""Start and stop the sandbox banks, each in its own process.

>>> from sandbox.runner import start_banks
>>> handle = start_banks(mode="test", base_port=0, data_dir=tmp)   # doctest: +SKIP
>>> handle.urls["vbank"]                                            # doctest: +SKIP
'http://127.0.0.1:40123'
>>> handle.stop()                                                   # doctest: +SKIP

The parent binds every listening socket first (port 0 = a free port) and hands each bank its socket
as an inherited file descriptor, so every bank knows every other bank's URL (for cross-bank
payments) before any of them starts.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from sandbox.config import SandboxConfig, load, worker_payload

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BanksHandle:
    """Running banks: their URLs, the team credentials, and :meth:`stop`."""

    config: SandboxConfig
    urls: dict[str, str]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def team(self) -> str:
        return self.config.team

    @property
    def secret(self) -> str:
        return self.config.secret

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.processes.values())

    def stop(self, timeout: float = 5.0) -> None:
        """Stop every bank (SIGTERM, then SIGKILL after ``timeout``)."""
        for proc in self.processes.values():
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + timeout
        for proc in self.processes.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def __enter__(self) -> BanksHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(512)
    sock.set_inheritable(True)
    return sock


def start_banks(
    config: SandboxConfig | None = None, *, wait: float = 60.0, quiet: bool = False, **overrides: Any
) -> BanksHandle:
    """Start every configured bank and wait until each answers ``/health``.

    ``config`` defaults to :func:`sandbox.config.load` with ``overrides`` (``mode``, ``base_port``,
    ``data_dir``, ``banks``, ``approval``, ``token_mode``, ``faults``, ...). ``base_port=0`` gives every
    bank a free port. Raises RuntimeError (after stopping the others) if a bank fails to start.
    """
    if config is None:
        config = load(**overrides)
    if not config.host.startswith("127.") and config.host != "localhost":
        raise ValueError("the sandbox binds loopback addresses only")
    sockets = {b.id: _listen(config.host, b.port) for b in config.banks}
    config = config.with_ports({bank: s.getsockname()[1] for bank, s in sockets.items()})
    config.data_dir.mkdir(parents=True, exist_ok=True)
    internal = secrets.token_hex(16)
    handle = BanksHandle(config, {b.id: config.base_url(b) for b in config.banks})
    try:
        for bank in config.banks:
            sock = sockets[bank.id]
            env = {
                **os.environ,
                "SANDBOX_WORKER_CONFIG": worker_payload(config, bank, internal).decode(),
                "SANDBOX_WORKER_FD": str(sock.fileno()),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            }
            handle.processes[bank.id] = subprocess.Popen(
                [sys.executable, "-m", "sandbox.worker"],
                env=env,
                pass_fds=(sock.fileno(),),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL if quiet else None,
            )
        _wait_healthy(handle, wait)
    except BaseException:
        handle.stop()
        raise
    finally:
        for sock in sockets.values():
            sock.close()
    return handle


def _wait_healthy(handle: BanksHandle, wait: float) -> None:
    deadline = time.monotonic() + wait
    pending = dict(handle.urls)
    with httpx.Client(timeout=2.0) as client:
        while pending:
            for bank, url in list(pending.items()):
                proc = handle.processes[bank]
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"sandbox bank {bank} exited with code {proc.returncode} while starting"
                    )
                try:
                    if client.get(f"{url}/health").status_code == 200:
                        del pending[bank]
                except httpx.HTTPError:
                    pass
            if pending:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"sandbox banks did not start in {wait:.0f}s: {', '.join(pending)}")
                time.sleep(0.05)
