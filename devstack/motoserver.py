"""The AWS emulation endpoint of `make dev`: moto's server, in this process.

In-process (a thread, not `moto_server` in a subprocess) because Lambda Invoke must reach the
sandboxes through the patched backend (devstack.moto_bridge), and moto's Step Functions
interpreter calls Lambda back through this server (it reads the port from MOTO_PORT).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import requests

from devstack import moto_patches
from devstack.inprocess_stack import MOTO_CONFIG


@dataclass
class MotoServer:
    server: Any
    url: str

    def stop(self) -> None:
        self.server.stop()


def start_moto(port: int = 5000, host: str = "127.0.0.1") -> MotoServer:
    from moto.server import ThreadedMotoServer

    moto_patches.install()
    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
    server.start()
    bound_host, bound_port = server.get_host_and_port()
    url = f"http://{bound_host}:{bound_port}"
    os.environ["MOTO_PORT"] = str(bound_port)
    # The documented switch for server mode: execute state machines, never use Docker for Lambda.
    response = requests.post(f"{url}/moto-api/config", json=MOTO_CONFIG, timeout=10)
    response.raise_for_status()
    return MotoServer(server=server, url=url)
