"""Fixes for moto 5.2.5 behaviour that differs from AWS in ways the app can observe.

Internal API: moto is pinned exactly; each patch names what it fixes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from devstack import cognito_mail

_installed = False


def _iso_millis(value: Any) -> Any:
    # AWS renders $$.Execution.StartTime as e.g. "2019-03-26T20:14:13.192Z".
    if isinstance(value, dt.datetime):
        utc = value.astimezone(dt.UTC) if value.tzinfo else value
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
    return value


def install() -> None:
    """Idempotent.

    1. `$$.Execution.StartTime` is a datetime in moto's context object, so any execution whose
       output carries it makes DescribeExecution fail with a JSON error.
    2. With state-machine execution on, StartExecution without a `name` names the execution
       "None" (AWS generates a UUID), so the second unnamed start fails with
       ExecutionAlreadyExists — e.g. every scheduled refresh after the first.
    (DynamoDB is not moto's: the stack and the tests run DynamoDB Local, whose conditional
    writes and transactions are atomic — see devstack.dynamodb.)
    3. Cognito sends no codes and confirms anything: see devstack.cognito_mail.
    """
    global _installed
    if _installed:
        return
    from moto.stepfunctions.parser.backend.execution_worker import ExecutionWorker
    from moto.stepfunctions.parser.models import StepFunctionsParserBackend

    original_start = StepFunctionsParserBackend.start_execution

    def _start_execution(
        self: Any, state_machine_arn: str, name: Any = None, *args: Any, **kwargs: Any
    ) -> Any:
        return original_start(self, state_machine_arn, name or str(uuid.uuid4()), *args, **kwargs)

    StepFunctionsParserBackend.start_execution = _start_execution  # type: ignore[method-assign]

    original = ExecutionWorker._get_evaluation_environment

    def _environment(self: Any) -> Any:
        env = original(self)
        execution = env.states.context_object.context_object_data["Execution"]
        execution["StartTime"] = _iso_millis(execution.get("StartTime"))
        return env

    ExecutionWorker._get_evaluation_environment = _environment  # type: ignore[method-assign]

    cognito_mail.install()
    _installed = True
