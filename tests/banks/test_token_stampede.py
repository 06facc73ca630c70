"""Concurrent cold Lambdas do not stampede the bank's token endpoint; the token table is shared."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from finpulse.banks.retry import Deadline
from finpulse.banks.token_store import TokenStore, fingerprint
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from tests.banks.support import bank, cold_provider

pytestmark = pytest.mark.usefixtures("live")


@pytest.mark.usefixtures("atomic_emulator")
def test_20_concurrent_cold_token_requests_make_one_call_to_the_bank(sandbox: Any) -> None:
    vbank = bank("vbank")
    providers = [cold_provider("vbank")] + [cold_provider() for _ in range(19)]
    sandbox.admin("vbank").clear_requests()
    start = threading.Barrier(len(providers))

    def cold_lambda(provider: Any) -> str:
        start.wait()
        token: str = provider.get(vbank, Deadline.after(10))
        return token

    with ThreadPoolExecutor(max_workers=len(providers)) as pool:
        tokens = list(pool.map(cold_lambda, providers))
    assert sandbox.admin("vbank").count("POST /auth/bank-token") == 1
    assert len(set(tokens)) == 1
    stored = TokenStore(settings().tokens_table).read("vbank")
    assert stored is not None
    assert stored.fingerprint == fingerprint(tokens[0])
    assert stored.verified


def test_a_warm_process_and_a_cold_one_share_the_table_token(sandbox: Any) -> None:
    vbank = bank("vbank")
    first = cold_provider("vbank").get(vbank, Deadline.after(5))
    sandbox.admin("vbank").clear_requests()
    assert cold_provider().get(vbank, Deadline.after(5)) == first
    assert sandbox.admin("vbank").count("POST /auth/bank-token") == 0


def test_a_crashed_refresher_s_lease_is_taken_over(sandbox: Any) -> None:
    vbank = bank("vbank")
    store = TokenStore(settings().tokens_table)
    cold_provider("vbank")  # empties the table item
    import time

    assert store.try_lease("vbank", "crashed-lambda", time.time() - tuning().token_lease_seconds - 1, 1, None)
    # The lease above has already run out: a new process takes over instead of waiting forever.
    token = cold_provider().get(vbank, Deadline.after(5))
    assert token
    assert sandbox.admin("vbank").count("POST /auth/bank-token") == 1


def test_a_token_due_for_refresh_is_refreshed_ahead_of_expiry(
    sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.admin("abank").set_settings(token_ttl=60)
    abank = bank("abank")
    provider = cold_provider("abank")
    first = provider.get(abank, Deadline.after(5))
    monkeypatch.setenv("BANK_TOKEN_REFRESH_RATIO", "0.0")  # every token is "due" from birth
    tuning.cache_clear()
    sandbox.admin("abank").clear_requests()
    second = provider.get(abank, Deadline.after(5))
    assert second != first
    assert sandbox.admin("abank").count("POST /auth/bank-token") == 1
    monkeypatch.delenv("BANK_TOKEN_REFRESH_RATIO")
    tuning.cache_clear()


def test_a_refresh_failure_keeps_using_the_still_valid_token(
    sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sbank = bank("sbank")
    provider = cold_provider("sbank")
    first = provider.get(sbank, Deadline.after(5))
    monkeypatch.setenv("BANK_TOKEN_REFRESH_RATIO", "0.0")
    tuning.cache_clear()
    sandbox.admin("sbank").set_faults(error_rate=1.0, paths=["/auth/bank-token"])
    assert provider.get(sbank, Deadline.after(5)) == first
    monkeypatch.delenv("BANK_TOKEN_REFRESH_RATIO")
    tuning.cache_clear()
