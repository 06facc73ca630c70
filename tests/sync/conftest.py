"""Sync tests: sandbox banks over real HTTP, AWS emulated from template.yaml (moto, the real ASL).

Step Functions Retry waits are stubbed (the retrier's `time`), bank-call retries shortened through
configuration; everything else runs as deployed.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from devstack.inprocess_stack import InProcessStack
from finpulse.config import settings
from finpulse.data import batch
from finpulse.storage.dynamo import reset_clients
from tests.banks.support import fast_tuning


@pytest.fixture
def no_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

    monkeypatch.setattr(retrier_decl, "time", SimpleNamespace(sleep=lambda _s: None))


@pytest.fixture
def live(aws_stack: InProcessStack, sandbox: Any, no_retry_sleep: None) -> Iterator[InProcessStack]:
    settings.cache_clear()
    reset_clients()
    batch.reset_client()
    with fast_tuning():
        yield aws_stack
    settings.cache_clear()
