"""Both local Lambda runners honour the same contract: Lambda's result, error JSON, init errors and
timeouts; the awslambdaric sandboxes also reuse warm processes and replace timed-out ones."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

import pytest

from devstack.lambdas.base import LambdaRunner
from devstack.lambdas.inprocess import InProcessRunner
from devstack.lambdas.sandboxes import SandboxPool
from devstack.resources import LocalFunction

MakeFunction = Callable[..., LocalFunction]


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    sandboxes = SandboxPool(sink=lambda fn, line: None)
    yield sandboxes
    sandboxes.close()


@pytest.fixture(params=["in-process", "awslambdaric"])
def runner(request: pytest.FixtureRequest, pool: SandboxPool) -> LambdaRunner:
    return InProcessRunner() if request.param == "in-process" else pool


def test_result_context_and_env(runner: LambdaRunner, scratch_function: MakeFunction) -> None:
    fn = scratch_function("app.ok")
    result = runner.invoke(fn, json.dumps({"hello": "world"}).encode())
    assert result.function_error is None
    body = result.json()
    assert body["echo"] == {"hello": "world"}
    assert body["function_name"] == fn.name
    assert body["my_var"] == "from-template"
    assert 0 < body["remaining_ms"] <= fn.timeout * 1000


def test_handler_exception_is_lambdas_error_json(
    runner: LambdaRunner, scratch_function: MakeFunction
) -> None:
    result = runner.invoke(scratch_function("app.boom"), b'{"n": 7}')
    assert result.function_error == "Unhandled"
    error = result.json()
    assert error["errorType"] == "ValueError"
    assert error["errorMessage"] == "bad input: 7"
    assert error["stackTrace"]


def test_import_failure_is_an_init_error(runner: LambdaRunner, scratch_function: MakeFunction) -> None:
    result = runner.invoke(scratch_function("broken.handler"), b"{}")
    assert result.function_error == "Unhandled"
    error = result.json()
    assert error["errorType"] == "Runtime.ImportModuleError"
    assert "module_that_does_not_exist" in error["errorMessage"]


def test_timeout_is_reported_as_lambda_does(runner: LambdaRunner, scratch_function: MakeFunction) -> None:
    fn = scratch_function("app.slow", timeout=1)
    started = time.monotonic()
    result = runner.invoke(fn, b'{"sleep": 1.5}')
    assert time.monotonic() - started < 4
    assert result.function_error == "Unhandled"
    assert result.json()["errorType"] == "Sandbox.Timedout"
    assert "Task timed out after 1.00 seconds" in result.json()["errorMessage"]


def test_sandboxes_stay_warm(pool: SandboxPool, scratch_function: MakeFunction) -> None:
    fn = scratch_function("app.ok")
    first = pool.invoke(fn, b"{}").json()["pid"]
    started = time.monotonic()
    second = pool.invoke(fn, b"{}")
    assert second.json()["pid"] == first
    assert time.monotonic() - started < 0.5  # a warm invoke does not re-import


def test_a_timed_out_sandbox_is_replaced(pool: SandboxPool, scratch_function: MakeFunction) -> None:
    fn = scratch_function("app.slow", timeout=1)
    assert pool.invoke(fn, b'{"sleep": 3}').function_error == "Unhandled"
    assert pool.invoke(fn, b'{"sleep": 0}').json() == "late"


def test_reload_starts_fresh_processes(pool: SandboxPool, scratch_function: MakeFunction) -> None:
    fn = scratch_function("app.ok")
    before = pool.invoke(fn, b"{}").json()["pid"]
    pool.reload()
    assert pool.invoke(fn, b"{}").json()["pid"] != before


def test_overlapping_invokes_get_separate_sandboxes(
    pool: SandboxPool, scratch_function: MakeFunction
) -> None:
    import concurrent.futures

    fn = scratch_function("app.slow", timeout=3)
    with concurrent.futures.ThreadPoolExecutor(2) as executor:
        started = time.monotonic()
        results = list(executor.map(lambda _: pool.invoke(fn, b'{"sleep": 0.8}'), range(2)))
    assert [r.json() for r in results] == ["late", "late"]
    assert time.monotonic() - started < 1.5 + 1.5  # in parallel (plus one cold start), not 1.6 s in a row
