"""Run a function's handler inside the test process, with its template env and layer applied.

Each function's `app.py` is imported under a unique module name (every function names its module
`app`), with the function's code dir and its layers' `python/` dirs first on sys.path, as in Lambda.
The environment is process-wide, so invocations are serialised by a re-entrant lock (a handler that
synchronously invokes another function still works). What differs from Lambda: one interpreter for
all functions (module-level state of the shared layer is shared), and the timeout is checked after
the fact (a thread cannot be killed) — the result is still Lambda's timeout error.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from devstack.lambdas.base import (
    InvokeResult,
    error_payload,
    exception_payload,
    new_request_id,
    runtime_env,
    timeout_payload,
)
from devstack.resources import LocalFunction

_LOCK = threading.RLock()


def _reset_layer_caches() -> None:
    # The layer caches its settings from the environment on first use (functools.cache); an
    # earlier test may have read them with another environment.
    config = sys.modules.get("finpulse.config")
    settings = getattr(config, "settings", None)
    if settings is not None and hasattr(settings, "cache_clear"):
        settings.cache_clear()


@contextmanager
def _applied(function: LocalFunction, extra_env: dict[str, str]) -> Iterator[None]:
    changes = {**function.environment, **runtime_env(function), **extra_env}
    changes.pop("TZ", None)  # leave the test process's clock alone
    # Only the keys set here are restored (never a clear-and-refill): other threads of the test
    # process read the environment concurrently, e.g. boto3 looking up the region.
    saved_env = {key: os.environ.get(key) for key in changes}
    saved_path = list(sys.path)
    os.environ.update(changes)
    sys.path[:0] = [str(p) for p in function.sys_path]
    try:
        yield
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        sys.path[:] = saved_path


class InProcessRunner:
    """`invoke(function, payload)` → InvokeResult, like Lambda's synchronous Invoke."""

    def __init__(self, reset_hooks: tuple[Callable[[], None], ...] = (_reset_layer_caches,)) -> None:
        self._modules: dict[str, ModuleType] = {}
        self._reset_hooks = reset_hooks

    def _module(self, function: LocalFunction) -> ModuleType:
        if function.logical_id in self._modules:
            return self._modules[function.logical_id]
        module_path, _, _ = function.handler.rpartition(".")
        file = function.code_dir / (module_path.replace(".", "/") + ".py")
        name = f"_devstack_fn_{function.logical_id}"
        spec = importlib.util.spec_from_file_location(name, file)
        if spec is None or spec.loader is None:
            raise ImportError(f"No module named '{module_path}'")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        self._modules[function.logical_id] = module
        return module

    def forget(self) -> None:
        """Drop imported handlers (the next invoke re-imports them: a cold start)."""
        for logical_id in list(self._modules):
            sys.modules.pop(f"_devstack_fn_{logical_id}", None)
        self._modules.clear()

    def invoke(self, function: LocalFunction, payload: bytes) -> InvokeResult:
        from awslambdaric.lambda_context import LambdaContext
        from awslambdaric.lambda_runtime_marshaller import LambdaMarshaller

        request_id = new_request_id()
        started = time.monotonic()  # reset after init: Lambda's timeout covers the handler only
        with _LOCK, _applied(function, {"_X_AMZN_TRACE_ID": f"Root=1-{request_id[:8]}"}):
            for hook in self._reset_hooks:
                hook()
            try:
                module = self._module(function)
            except Exception as exc:  # what Lambda reports when init fails
                message = f"Unable to import module '{function.handler.rpartition('.')[0]}': {exc}"
                return InvokeResult(
                    error_payload("Runtime.ImportModuleError", message, request_id), "Unhandled", request_id
                )
            handler = getattr(module, function.handler.rpartition(".")[2], None)
            if handler is None:
                message = f"Handler '{function.handler.rpartition('.')[2]}' missing on module"
                return InvokeResult(
                    error_payload("Runtime.HandlerNotFound", message, request_id), "Unhandled", request_id
                )
            deadline_ms = int(time.time() * 1000) + function.timeout * 1000
            context = LambdaContext(request_id, None, None, deadline_ms, function.arn)
            marshaller = LambdaMarshaller()
            started = time.monotonic()
            try:
                event: Any = marshaller.unmarshal_request(payload or b"{}")
                body, _ = marshaller.marshal_response(handler(event, context))
                out = InvokeResult(body.encode() if isinstance(body, str) else body, None, request_id)
            except Exception as exc:
                out = InvokeResult(exception_payload(exc, request_id), "Unhandled", request_id)
        elapsed = time.monotonic() - started
        if elapsed > function.timeout:
            return InvokeResult(
                timeout_payload(function, request_id), "Unhandled", request_id, elapsed * 1000
            )
        return InvokeResult(out.payload, out.function_error, request_id, elapsed * 1000)
