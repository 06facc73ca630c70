"""What every local Lambda runner shares: the result shape, the runtime env, Lambda's error JSON."""

from __future__ import annotations

import json
import traceback
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

from devstack.resources import LocalFunction


@dataclass(frozen=True)
class InvokeResult:
    """A synchronous invoke's outcome, as the Lambda Invoke API reports it.

    `function_error` is "Unhandled" when the handler raised (or timed out, or failed to init);
    the payload then is Lambda's error JSON: {"errorMessage", "errorType", "requestId", "stackTrace"}.
    """

    payload: bytes
    function_error: str | None = None
    request_id: str = ""
    duration_ms: float = 0.0

    def json(self) -> Any:
        return json.loads(self.payload) if self.payload else None


class LambdaRunner(Protocol):
    def invoke(self, function: LocalFunction, payload: bytes) -> InvokeResult: ...


def new_request_id() -> str:
    return str(uuid.uuid4())


def error_payload(
    error_type: str,
    message: str,
    request_id: str = "",
    stack: list[str] | None = None,
) -> bytes:
    # The shape awslambdaric's make_error builds and Lambda returns for an unhandled error.
    return json.dumps(
        {"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack or []}
    ).encode()


def exception_payload(exc: BaseException, request_id: str) -> bytes:
    tb: TracebackType | None = exc.__traceback__
    frames = traceback.format_list(traceback.extract_tb(tb)[1:])  # drop the runner's own frame
    return error_payload(type(exc).__name__, str(exc), request_id, frames)


def timeout_payload(function: LocalFunction, request_id: str) -> bytes:
    # What Lambda reports when a function runs past its timeout; Step Functions sees
    # the error name "Sandbox.Timedout" (States.Timeout only applies to the Task's own limit).
    return error_payload(
        "Sandbox.Timedout",
        f"{request_id} Task timed out after {function.timeout:.2f} seconds",
        request_id,
    )


def runtime_env(function: LocalFunction) -> dict[str, str]:
    """The variables Lambda's runtime sets for every function (besides the function's own)."""
    return {
        "AWS_LAMBDA_FUNCTION_NAME": function.name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(function.memory),
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function.name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": "local/[$LATEST]devstack",
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
        "LAMBDA_TASK_ROOT": str(function.code_dir),
        "LAMBDA_RUNTIME_DIR": str(function.code_dir),
        "_HANDLER": function.handler,
        "TZ": ":UTC",
        "LANG": "en_US.UTF-8",
    }
