"""One bank process: ``python -m sandbox.worker`` (started by :mod:`sandbox.runner`).

Reads its configuration from ``SANDBOX_WORKER_CONFIG`` (JSON) and serves on the listening socket the
runner passed as file descriptor ``SANDBOX_WORKER_FD`` (bound by the parent, so ports are known
before any bank starts and no port race exists).
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
import time

import orjson
import uvicorn

from sandbox.bank.app import BankApp
from sandbox.bank.context import Bank
from sandbox.bank.settings import Settings


def main() -> int:
    payload = orjson.loads(os.environ["SANDBOX_WORKER_CONFIG"])
    fd = int(os.environ["SANDBOX_WORKER_FD"])
    logging.basicConfig(level=logging.WARNING, format=f"[{payload['bank']['id']}] %(levelname)s %(message)s")
    settings = Settings.from_payload(payload)
    bank = Bank(settings)
    sock = socket.socket(fileno=fd)
    config = uvicorn.Config(
        BankApp(bank),
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=2,
        timeout_keep_alive=30,
        server_header=False,
    )
    server = uvicorn.Server(config)
    _exit_with_parent(server)
    print(f"ready {settings.bank_id} {settings.base_url}", flush=True)
    server.run(sockets=[sock])
    return 0


def _exit_with_parent(server: uvicorn.Server) -> None:
    """Stop when the runner dies (even by SIGKILL), so no bank outlives the process that started it."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        server.should_exit = True

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
