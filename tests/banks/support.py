"""Helpers shared by the bank and consent tests (sandbox banks over real HTTP, emulated AWS)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from moto.core.botocore_stubber import BotocoreStubber

from devstack.inprocess_stack import InProcessStack
from finpulse.banks.registry import BankConfig, get_bank
from finpulse.banks.token_store import TokenStore
from finpulse.banks.tokens import TokenProvider
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from finpulse.storage.dynamo import reset_clients

CUSTOMER = "team200-1"
# Retries and waits shortened through configuration (the code path is the production one).
FAST = {
    "BANK_RETRY_BASE_DELAY": "0.01",
    "BANK_RETRY_MAX_DELAY": "0.05",
    "BANK_RETRY_AFTER_CAP": "5",
    "BANK_READ_TIMEOUT": "3",
    "BANK_TOKEN_WAIT_POLL": "0.02",
    "CONSENT_POLL_INTERVAL": "3",
    "BANK_STATUS_FLUSH_INTERVAL": "0",
}


@contextmanager
def fast_tuning() -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in FAST}
    os.environ.update(FAST)
    tuning.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        tuning.cache_clear()


def cold_provider(bank_id: str | None = None) -> TokenProvider:
    """A provider as a cold Lambda has one: empty memory; the shared table item removed if asked."""
    store = TokenStore(settings().tokens_table)
    if bank_id is not None:
        from finpulse.storage.dynamo import table

        table(settings().tokens_table).delete_item(Key=store.key(bank_id))
    return TokenProvider(store)


def bank(bank_id: str, /, **changes: Any) -> BankConfig:
    config = get_bank(bank_id)
    return config.model_copy(update=changes) if changes else config


@pytest.fixture
def live(aws_stack: InProcessStack, sandbox: object) -> Iterator[InProcessStack]:
    """The layer configured like a handler (tables, registry, secret) with short retry sleeps."""
    settings.cache_clear()
    reset_clients()
    with fast_tuning():
        yield aws_stack
    settings.cache_clear()


@pytest.fixture
def atomic_emulator(monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB applies each conditional write atomically; moto checks and writes in two steps, so
    threads can interleave between them. Serialising the emulator's request handling restores
    DynamoDB's guarantee (and nothing more): the code under test is unchanged."""
    lock = threading.RLock()
    original = BotocoreStubber.process_request

    def atomic(self: BotocoreStubber, request: Any) -> Any:
        with lock:
            return original(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", atomic)
