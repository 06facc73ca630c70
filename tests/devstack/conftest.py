"""Throwaway Lambda functions for the runner tests (not part of the app)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from devstack.resources import LocalFunction

APP = textwrap.dedent(
    """
    import os
    import time

    def ok(event, context):
        return {
            "pid": os.getpid(),
            "echo": event,
            "function_name": context.function_name,
            "remaining_ms": context.get_remaining_time_in_millis(),
            "my_var": os.environ.get("MY_VAR"),
        }

    def boom(event, context):
        raise ValueError("bad input: " + str(event.get("n")))

    def slow(event, context):
        time.sleep(event.get("sleep", 5))
        return "late"
    """
)


@pytest.fixture(scope="session")
def scratch_code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    code = tmp_path_factory.mktemp("fn")
    (code / "app.py").write_text(APP)
    (code / "broken.py").write_text("import module_that_does_not_exist\n")
    return code


@pytest.fixture(scope="session")
def scratch_function(scratch_code: Path):  # type: ignore[no-untyped-def]
    def make(handler: str, timeout: int = 3) -> LocalFunction:
        logical = "Scratch" + handler.replace(".", "").title()
        return LocalFunction(
            logical_id=logical,
            name=f"scratch-{handler.replace('.', '-')}",
            arn=f"arn:aws:lambda:eu-central-1:123456789012:function:scratch-{handler.replace('.', '-')}",
            code_dir=scratch_code,
            handler=handler,
            timeout=timeout,
            memory=128,
            layer_dirs=(),
            environment={"MY_VAR": "from-template", "AWS_REGION": "eu-central-1"},
        )

    return make
