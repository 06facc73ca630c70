"""A Lambda Runtime API (2018-06-01) on loopback for one sandbox process.

awslambdaric (AWS's own runtime client) polls `GET /runtime/invocation/next`, runs the handler and
posts `/response` or `/error`; an import failure is posted to `/runtime/init/error`. The client
needs HTTP/1.1 and the `Lambda-Runtime-*` headers on the next-invocation response.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PREFIX = "/2018-06-01/runtime"


@dataclass
class Invocation:
    request_id: str
    payload: bytes
    deadline_ms: int
    function_arn: str
    trace_id: str
    picked_up: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    result: bytes = b""
    error_type: str | None = None  # set when the handler failed


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle + delayed ACKs each poll would
    # cost ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per poll would drown the function's own logs

    def _reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self) -> None:
        if self.path != f"{PREFIX}/invocation/next":
            self._reply(404, b'{"errorMessage":"not found"}')
            return
        invocation = self.server.runtime.next_invocation()
        if invocation is None:  # shutting down: the process is about to be stopped
            self.close_connection = True
            self._reply(503, b'{"errorMessage":"shutting down"}')
            return
        invocation.picked_up.set()
        self._reply(
            200,
            invocation.payload,
            {
                "Lambda-Runtime-Aws-Request-Id": invocation.request_id,
                "Lambda-Runtime-Deadline-Ms": str(invocation.deadline_ms),
                "Lambda-Runtime-Invoked-Function-Arn": invocation.function_arn,
                "Lambda-Runtime-Trace-Id": invocation.trace_id,
            },
        )

    def do_POST(self) -> None:
        body = self._body()
        runtime = self.server.runtime
        if self.path == f"{PREFIX}/init/error":
            runtime.init_error(body)
            self._reply(202, b'{"status":"OK"}')
            return
        parts = self.path[len(PREFIX) :].strip("/").split("/")
        if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
            error_type = None
            if parts[2] == "error":
                error_type = self.headers.get("Lambda-Runtime-Function-Error-Type") or "Unhandled"
            runtime.complete(parts[1], body, error_type)
            self._reply(202, b'{"status":"OK"}')
            return
        self._reply(404, b'{"errorMessage":"not found"}')


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    runtime: RuntimeApi

    def handle_error(self, request: Any, client_address: Any) -> None:
        if sys.exc_info()[0] in (BrokenPipeError, ConnectionResetError):
            return  # the sandbox process was stopped mid-poll: expected
        super().handle_error(request, client_address)


class RuntimeApi:
    """Hands out one invocation at a time to the process polling it, and collects the outcome."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._queue: queue.Queue[Invocation] = queue.Queue()
        self._current: dict[str, Invocation] = {}
        self._closed = threading.Event()
        self.polling = threading.Event()  # the runtime finished init and asked for work
        self.init_error_payload: bytes | None = None
        self._server = _Server((host, 0), _Handler)
        self._server.runtime = self
        self._thread = threading.Thread(target=self._server.serve_forever, name="runtime-api", daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host!s}:{port}"

    def submit(self, invocation: Invocation) -> Invocation:
        self._current[invocation.request_id] = invocation
        self._queue.put(invocation)
        return invocation

    def next_invocation(self) -> Invocation | None:
        self.polling.set()
        while not self._closed.is_set():
            try:
                return self._queue.get(timeout=0.25)
            except queue.Empty:
                continue
        return None

    def complete(self, request_id: str, body: bytes, error_type: str | None) -> None:
        invocation = self._current.pop(request_id, None)
        if invocation is None:
            return  # a late answer for an invocation that already timed out
        invocation.result = body
        invocation.error_type = error_type
        invocation.done.set()

    def init_error(self, body: bytes) -> None:
        self.init_error_payload = body
        try:  # make the error JSON's shape match an invoke error's
            json.loads(body)
        except ValueError:
            self.init_error_payload = json.dumps({"errorMessage": body.decode(errors="replace")}).encode()

    def close(self) -> None:
        self._closed.set()
        self._server.shutdown()
        self._server.server_close()


def trace_id() -> str:
    # X-Ray format, so Powertools/X-Ray SDK parse it even with tracing disabled.
    return f"Root=1-{int(time.time()):08x}-{threading.get_ident() % (1 << 96):024x};Sampled=0"
