"""A customer with 50,000 transactions in one account syncs in one run, every item small."""

from __future__ import annotations

import time
from typing import Any

import pytest

from finpulse.data.keys import tx_pk
from tests.sync.support import connect, refresh, stored_items

ITEM_LIMIT = 400 * 1024  # DynamoDB's hard limit per item


@pytest.mark.slow
def test_fifty_thousand_transactions_sync_without_oversized_items_or_timeout(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    customer = f"team200-big50k-{int(time.time())}"
    (account,) = sandbox.admin("vbank").add_big_customer(customer, accounts=1, transactions=50_000)
    user = make_user()
    connect(api_client, user, sandbox, customer=customer, banks=["vbank"], products=False)

    done = refresh(api_client, user)

    assert done["state"] == "succeeded", done
    bank = done["banks"]["vbank"]
    assert bank["counts"]["transactions_written"] == 50_000
    # Within the per-bank function's 300 s timeout, with a wide margin even on the emulator.
    assert bank["duration_ms"] < 200_000
    # Read straight from the emulator's table (the API would page through 50,000 items slowly).
    items = stored_items(live, tx_pk(user.sub))
    assert len(items) == 50_000
    assert {sk.split("#")[2] for sk, _ in items} == {account}
    largest = max(size for _, size in items)
    assert largest < 2048, largest  # a few hundred bytes each, nowhere near ITEM_LIMIT
