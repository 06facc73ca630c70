"""Big histories sync in one run into few, small items: 50,000 transactions in one account, and a
business account's month of 20,000 transactions."""

from __future__ import annotations

import time
from typing import Any

import pytest

from finpulse.data.txbuckets import TARGET_BYTES
from sandbox.pytest_plugin import TEST_TODAY
from tests.sync.support import connect, item_size, part_keys, refresh, tx_items, tx_parts, wait_lock_free

ITEM_LIMIT = 400 * 1024  # DynamoDB's hard limit per item


def _sync_big(live: Any, api_client: Any, make_user: Any, sandbox: Any, count: int, days: int) -> Any:
    customer = f"team200-big{count}d{days}-{time.time_ns()}"
    (account,) = sandbox.admin("vbank").add_big_customer(customer, accounts=1, transactions=count, days=days)
    user = make_user()
    connect(api_client, user, sandbox, customer=customer, banks=["vbank"], products=False)
    done = refresh(api_client, user)
    assert done["state"] == "succeeded", done
    wait_lock_free(live, user.sub)
    return user, account, done


def _assert_small_parts(parts: list[dict[str, Any]]) -> None:
    sizes = [item_size(p) for p in parts]
    assert max(sizes) < ITEM_LIMIT / 4, max(sizes)
    assert all(len(bytes(getattr(p["z"], "value", p["z"]))) <= TARGET_BYTES for p in parts)


@pytest.mark.slow
def test_fifty_thousand_transactions_sync_into_a_few_hundred_small_items(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user, account, done = _sync_big(live, api_client, make_user, sandbox, 50_000, 365)

    bank = done["banks"]["vbank"]
    assert bank["counts"]["transactions_written"] == 50_000
    # Within the per-bank function's 300 s timeout, with a wide margin even on the emulator.
    assert bank["duration_ms"] < 200_000
    stored = tx_items(user.sub)
    assert len(stored) == len({t["transaction_id"] for t in stored}) == 50_000
    assert {t["account_id"] for t in stored} == {account}
    parts = tx_parts(user.sub)
    assert 13 <= len(parts) <= 400  # a year of months, each cut to fit — not 50,000 items
    assert bank["counts"]["transaction_items_written"] == len(parts)
    _assert_small_parts(parts)


@pytest.mark.slow
def test_a_business_month_of_twenty_thousand_transactions_splits_and_stays_incremental(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    # Every transaction in the sandbox's current month (its reference day is the 20th).
    days = int(TEST_TODAY[-2:]) - 1
    user, account, _ = _sync_big(live, api_client, make_user, sandbox, 20_000, days)

    parts = tx_parts(user.sub)
    assert {str(p["sk"])[:7] for p in parts} == {TEST_TODAY[:7]}  # one calendar month…
    assert len(parts) >= 4  # …cut into parts before any nears the item limit
    _assert_small_parts(parts)
    assert sum(int(p["n"]) for p in parts) == 20_000
    before = part_keys(user.sub)
    new_ids = set(sandbox.admin("vbank").add_transactions(account, 10))

    again = refresh(api_client, user, force=True)

    assert again["totals"]["transactions_written"] == 10, again["totals"]
    rewritten = {k for k, v in part_keys(user.sub).items() if before.get(k) != v}
    assert 1 <= len(rewritten) <= 2, rewritten
    assert new_ids <= {t["transaction_id"] for t in tx_items(user.sub)}
    _assert_small_parts(tx_parts(user.sub))
