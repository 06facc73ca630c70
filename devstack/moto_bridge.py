"""Route moto's Lambda Invoke (from boto3, and from Step Functions Task states) to a local runner.

moto's Docker-less Lambda backend only echoes the payload (getmoto/moto#9916). Replacing
`LambdaSimpleBackend.invoke` makes every Invoke of a template function run the real handler; a
handler error comes back as Lambda's error JSON with `x-amz-function-error: Unhandled`, so a Task's
Retry/Catch sees the real error name, as in AWS. Internal API: moto is pinned exactly (5.2.5).
Invokes of functions the template does not define keep moto's behaviour.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from moto.awslambda_simple.models import LambdaSimpleBackend

from devstack.lambdas.base import LambdaRunner
from devstack.resources import LocalFunction

log = logging.getLogger("devstack.lambda")

Lookup = Callable[[str], LocalFunction | None]

_ORIGINAL = LambdaSimpleBackend.invoke
_active: tuple[Lookup, LambdaRunner] | None = None
_guard = threading.Lock()


def _to_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    return body if isinstance(body, bytes) else str(body).encode()


def _invoke(
    backend: LambdaSimpleBackend,
    function_name: str,
    qualifier: str | None,
    body: Any,
    headers: Any,
    response_headers: Any,
) -> str | bytes | None:
    active = _active
    function = active[0](function_name) if active else None
    if active is None or function is None:
        return _ORIGINAL(backend, function_name, qualifier, body, headers, response_headers)
    runner = active[1]
    payload = _to_bytes(body)
    invocation_type = (headers or {}).get("X-Amz-Invocation-Type", "RequestResponse")
    if invocation_type == "DryRun":
        return b""
    if invocation_type == "Event":
        # Asynchronous invoke: Lambda accepts at once (202) and runs the function later.
        threading.Thread(
            target=runner.invoke, args=(function, payload), name=f"async-{function.logical_id}", daemon=True
        ).start()
        return b""
    result = runner.invoke(function, payload)
    if result.function_error:
        response_headers["x-amz-function-error"] = result.function_error
        log.info("%s failed: %s", function.logical_id, result.payload[:300].decode(errors="replace"))
    response_headers["x-amz-executed-version"] = "$LATEST"
    return result.payload


def install(lookup: Lookup, runner: LambdaRunner) -> None:
    """Route invokes of the functions `lookup` knows to `runner` (replaces an earlier install)."""
    global _active
    with _guard:
        _active = (lookup, runner)
        LambdaSimpleBackend.invoke = _invoke  # type: ignore[method-assign,assignment]


def uninstall() -> None:
    global _active
    with _guard:
        _active = None
        LambdaSimpleBackend.invoke = _ORIGINAL  # type: ignore[method-assign]


@contextmanager
def bridged(lookup: Lookup, runner: LambdaRunner) -> Iterator[None]:
    """Route invokes for the duration; the routing in place before (if any) comes back after."""
    previous = _active
    install(lookup, runner)
    try:
        yield
    finally:
        if previous is None:
            uninstall()
        else:
            install(*previous)
