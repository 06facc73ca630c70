"""moto's Lambda Invoke reaches the real handler, so a Task's Retry/Catch sees real error names.

The definition here is a probe of the emulation, not of the app: the app's own state machine is
tested in tests/platform/test_local_stack.py with the real ASL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from devstack import moto_bridge
from devstack.inprocess_stack import InProcessStack
from devstack.lambdas.base import InvokeResult
from devstack.lambdas.inprocess import InProcessRunner
from devstack.resources import LocalFunction


class _Counting:
    def __init__(self) -> None:
        self.inner = InProcessRunner()
        self.calls: list[str] = []

    def invoke(self, function: LocalFunction, payload: bytes) -> InvokeResult:
        self.calls.append(function.logical_id)
        return self.inner.invoke(function, payload)


def _probe_definition(function_arn: str) -> str:
    return json.dumps(
        {
            "StartAt": "Call",
            "States": {
                "Call": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": function_arn, "Payload.$": "$"},
                    "OutputPath": "$.Payload",
                    "Retry": [{"ErrorEquals": ["ValueError"], "MaxAttempts": 1, "IntervalSeconds": 1}],
                    "Catch": [{"ErrorEquals": ["ValueError"], "ResultPath": "$.error", "Next": "Handled"}],
                    "End": True,
                },
                "Handled": {"Type": "Pass", "End": True},
            },
        }
    )


def _run(stack: InProcessStack, definition: str, payload: dict[str, Any]) -> dict[str, Any]:
    sfn = stack.client("stepfunctions")
    role = next(iter(stack.resources.physical_ids.values()))
    arn = sfn.create_state_machine(
        name=f"probe-{time.monotonic_ns()}",
        definition=definition,
        roleArn=f"arn:aws:iam::{stack.resources.account_id}:role/{role}",
    )["stateMachineArn"]
    execution = sfn.start_execution(stateMachineArn=arn, input=json.dumps(payload))["executionArn"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        described: dict[str, Any] = sfn.describe_execution(executionArn=execution)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError("probe execution did not finish")


@pytest.fixture
def no_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

    # Only the retrier's own `time`: patching `time.sleep` itself also turns the polling loop above
    # into a busy loop that starves the interpreter's worker threads (CI: "did not finish").
    monkeypatch.setattr(retrier_decl, "time", SimpleNamespace(sleep=lambda _: None))


def test_retry_and_catch_see_the_handlers_error_name(
    aws_stack: InProcessStack, scratch_function: Callable[..., LocalFunction], no_retry_sleep: None
) -> None:
    boom = scratch_function("app.boom")
    runner = _Counting()

    def lookup(name: str) -> LocalFunction | None:
        return boom if boom.name in name else aws_stack.resources.function_for(name)

    with moto_bridge.bridged(lookup, runner):
        done = _run(aws_stack, _probe_definition(boom.arn), {"n": 3})
    assert done["status"] == "SUCCEEDED", done
    output = json.loads(done["output"])
    assert output["error"]["Error"] == "ValueError"
    assert json.loads(output["error"]["Cause"])["errorMessage"] == "bad input: 3"
    assert runner.calls == ["ScratchAppboom", "ScratchAppboom"]  # first try + one retry


def test_a_task_gets_the_real_handlers_result(aws_stack: InProcessStack) -> None:
    health = aws_stack.resources.functions["HealthFunction"]
    event = {
        "version": "2.0",
        "routeKey": "GET /api/health",
        "rawPath": "/api/health",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {
            "http": {"method": "GET", "path": "/api/health"},
            "requestId": "p",
            "stage": "$default",
        },
        "isBase64Encoded": False,
    }
    done = _run(aws_stack, _probe_definition(health.arn), event)
    assert done["status"] == "SUCCEEDED", done
    assert json.loads(json.loads(done["output"])["body"])["status"] == "ok"


def test_bridging_restores_the_previous_routing(aws_stack: InProcessStack) -> None:
    with moto_bridge.bridged(lambda name: None, InProcessRunner()):
        pass
    out = aws_stack.client("lambda").invoke(FunctionName="finpulse-local-MeFunction", Payload=b'"x"')
    assert out["FunctionError"] == "Unhandled"  # still the real handler, not moto's echo
