"""Lambda sandboxes: one `python -m awslambdaric <handler>` process per warm instance.

Like Lambda: a process serves one invocation at a time and is reused while warm; more are started
when invocations overlap (up to a cap); the function's timeout from the template applies to the
handler (the init phase has its own 10 s limit) and a timed-out process is killed and replaced;
a process whose init failed reports Lambda's init error to the invoke and is replaced next time.
`reload()` retires every process so the next invoke runs changed code (a cold start).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from devstack.lambdas.base import (
    InvokeResult,
    error_payload,
    new_request_id,
    runtime_env,
    timeout_payload,
)
from devstack.lambdas.runtime_api import Invocation, RuntimeApi, trace_id
from devstack.resources import LocalFunction

log = logging.getLogger("devstack.lambda")

INIT_TIMEOUT_SECONDS = 10.0  # Lambda's init-phase limit
LogSink = Callable[[str, str], None]  # (function logical id, line)


def _print_sink(function_id: str, line: str) -> None:
    print(f"[{function_id}] {line}", file=sys.stderr, flush=True)


class Sandbox:
    """One execution environment: a Runtime API endpoint and the awslambdaric process polling it."""

    def __init__(self, function: LocalFunction, generation: int, sink: LogSink = _print_sink) -> None:
        self.function = function
        self.generation = generation
        self.api = RuntimeApi()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            **function.environment,
            **runtime_env(function),
            "AWS_LAMBDA_RUNTIME_API": self.api.address,
            "PYTHONPATH": os.pathsep.join(str(p) for p in function.sys_path),
            "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
            [sys.executable, "-m", "awslambdaric", function.handler],
            cwd=function.code_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the stack, which stops us in order
        )
        self.initialised = False
        threading.Thread(
            target=self._pump, args=(sink,), name=f"logs-{function.logical_id}", daemon=True
        ).start()

    def _pump(self, sink: LogSink) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            sink(self.function.logical_id, raw.decode(errors="replace").rstrip())

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_initialised(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.api.polling.wait(0.05):
            if not self.alive() or time.monotonic() > deadline:
                return False
        return True

    def invoke(self, payload: bytes) -> InvokeResult:
        fn = self.function
        request_id = new_request_id()
        started = time.monotonic()
        invocation = self.api.submit(
            Invocation(
                request_id=request_id,
                payload=payload or b"{}",
                deadline_ms=int(time.time() * 1000) + fn.timeout * 1000,
                function_arn=fn.arn,
                trace_id=trace_id(),
            )
        )
        # Phase 1: the process picks the event up (after its init, on a cold start).
        init_deadline = started + INIT_TIMEOUT_SECONDS
        while not invocation.picked_up.wait(0.05):
            if not self.alive() or time.monotonic() > init_deadline:
                return self._failed_init(request_id)
        self.initialised = True
        # Phase 2: the handler runs under the function's timeout.
        handler_started = time.monotonic()
        deadline = handler_started + fn.timeout
        while not invocation.done.wait(0.02):
            if not self.alive():
                return InvokeResult(
                    error_payload(
                        "Runtime.ExitError", f"RequestId: {request_id} Error: Runtime exited", request_id
                    ),
                    "Unhandled",
                    request_id,
                )
            if time.monotonic() > deadline:
                log.warning("%s timed out after %ss: restarting its sandbox", fn.logical_id, fn.timeout)
                self.stop()
                return InvokeResult(
                    timeout_payload(fn, request_id), "Unhandled", request_id, fn.timeout * 1000
                )
        elapsed = (time.monotonic() - handler_started) * 1000
        return InvokeResult(
            invocation.result, "Unhandled" if invocation.error_type else None, request_id, elapsed
        )

    def _failed_init(self, request_id: str) -> InvokeResult:
        payload = self.api.init_error_payload
        self.stop()
        if payload is None:
            payload = error_payload(
                "Runtime.Unknown", f"init did not finish in {INIT_TIMEOUT_SECONDS:.0f}s or the process exited"
            )
        return InvokeResult(payload, "Unhandled", request_id)

    def stop(self) -> None:
        # Lambda ends an execution environment without ceremony; the runtime blocks in a native
        # poll and would sit out a SIGTERM anyway.
        if self.alive():
            self.process.kill()
        self.process.wait()
        self.api.close()


class SandboxPool:
    """The LambdaRunner of `make dev`: warm sandboxes per function, started on demand."""

    def __init__(self, max_per_function: int = 3, sink: LogSink = _print_sink) -> None:
        self._max = max_per_function
        self._sink = sink
        self._idle: dict[str, list[Sandbox]] = {}
        self._count: dict[str, int] = {}
        self._generation = 0
        self._all: set[Sandbox] = set()  # every live process, busy or idle, for close()
        self._cond = threading.Condition()
        self._closed = False

    def _take(self, function: LocalFunction) -> Sandbox:
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the sandbox pool is closed")
                idle = self._idle.setdefault(function.logical_id, [])
                while idle:
                    sandbox = idle.pop()
                    if sandbox.alive() and sandbox.generation == self._generation:
                        return sandbox
                    self._retire(sandbox)
                if self._count.get(function.logical_id, 0) < self._max:
                    self._count[function.logical_id] = self._count.get(function.logical_id, 0) + 1
                    break
                self._cond.wait(1.0)
        try:
            return self._start(function, self._generation)
        except BaseException:
            with self._cond:
                self._count[function.logical_id] -= 1
                self._cond.notify_all()
            raise

    def _start(self, function: LocalFunction, generation: int) -> Sandbox:
        sandbox = Sandbox(function, generation, self._sink)
        with self._cond:
            self._all.add(sandbox)
        return sandbox

    def _retire(self, sandbox: Sandbox) -> None:
        # Caller holds the condition; stopping happens off-lock to keep other invokes flowing.
        self._count[sandbox.function.logical_id] -= 1
        self._all.discard(sandbox)
        threading.Thread(target=sandbox.stop, daemon=True).start()
        self._cond.notify_all()

    def _give_back(self, sandbox: Sandbox) -> None:
        with self._cond:
            if self._closed or not sandbox.alive() or sandbox.generation != self._generation:
                self._retire(sandbox)
            else:
                self._idle.setdefault(sandbox.function.logical_id, []).append(sandbox)
                self._cond.notify_all()

    def invoke(self, function: LocalFunction, payload: bytes) -> InvokeResult:
        sandbox = self._take(function)
        try:
            return sandbox.invoke(payload)
        finally:
            self._give_back(sandbox)

    def prewarm(self, functions: list[LocalFunction]) -> None:
        """Start one sandbox per function, one init at a time: on two cores, twenty parallel
        cold starts would slow down everything else, first requests included."""
        for function in functions:
            with self._cond:
                if self._closed:
                    return
                if self._idle.get(function.logical_id) or self._count.get(function.logical_id, 0):
                    continue
                self._count[function.logical_id] = 1
                generation = self._generation
            sandbox = self._start(function, generation)
            sandbox.wait_initialised(INIT_TIMEOUT_SECONDS)
            self._give_back(sandbox)

    def reload(self) -> None:
        """Code changed: idle sandboxes stop now, busy ones when their invocation ends."""
        with self._cond:
            self._generation += 1
            for sandboxes in self._idle.values():
                for sandbox in sandboxes:
                    self._retire(sandbox)
                sandboxes.clear()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            everything = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._cond.notify_all()
        stoppers = [threading.Thread(target=s.stop, daemon=True) for s in everything]
        for thread in stoppers:
            thread.start()
        for thread in stoppers:
            thread.join(5)
