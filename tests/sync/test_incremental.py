"""Incremental sync: watermark + overlap, de-duplication, new items only, pending -> booked."""

from __future__ import annotations

from typing import Any

from tests.sync.support import connect, part_keys, refresh, tx_items, wait_lock_free

TX_OPERATION = "GET /accounts/{account_id}/transactions"


def _accounts(sandbox: Any, bank: str, customer: str) -> list[dict[str, Any]]:
    found = {c["customer_id"]: c for c in sandbox.admin(bank).customers()}[customer]
    return list(found["accounts"])


def test_resync_without_new_data_asks_one_page_per_account_and_writes_no_transaction(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox, customer="team200-2")
    first = refresh(api_client, user)
    assert first["state"] == "succeeded", first
    wait_lock_free(live, user.sub)
    before = part_keys(user.sub)
    for bank in ("vbank", "abank", "sbank"):
        sandbox.admin(bank).clear_requests()

    second = refresh(api_client, user, force=True)

    assert second["state"] == "succeeded", second
    assert second["totals"]["transactions_written"] == 0
    assert second["totals"]["transactions_deleted"] == 0
    assert second["totals"]["transactions_unchanged"] > 0
    assert second["totals"]["transaction_items_written"] == 0
    assert part_keys(user.sub) == before  # not one item rewritten (each keeps the first sync's id in `w`)
    for bank in ("vbank", "abank", "sbank"):
        accounts = len(_accounts(sandbox, bank, "team200-2"))
        assert sandbox.admin(bank).count(TX_OPERATION) <= accounts, bank


def test_ten_new_transactions_at_the_bank_are_stored_rewriting_at_most_two_items(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox, customer="team200-3", banks=["vbank"])
    assert refresh(api_client, user)["state"] == "succeeded"
    wait_lock_free(live, user.sub)
    before = {t["transaction_id"] for t in tx_items(user.sub)}
    parts = part_keys(user.sub)
    account = _accounts(sandbox, "vbank", "team200-3")[0]["account_id"]
    new_ids = set(sandbox.admin("vbank").add_transactions(account, 10))

    done = refresh(api_client, user, force=True)

    assert done["totals"]["transactions_written"] == 10, done["totals"]
    assert 1 <= done["totals"]["transaction_items_written"] <= 2, done["totals"]
    stored = [t["transaction_id"] for t in tx_items(user.sub)]
    assert len(stored) == len(set(stored)) == len(before) + 10
    assert set(stored) - before == new_ids
    rewritten = {k for k, v in part_keys(user.sub).items() if parts.get(k) != v}
    assert 1 <= len(rewritten) <= 2, rewritten
    assert all(account in pk for pk, _ in rewritten)  # only the account that changed


def _customer_with_a_hold(sandbox: Any) -> tuple[str, str, str]:
    admin = sandbox.admin("vbank")
    for customer in admin.customers():
        for account in customer["accounts"]:
            pending = admin.pending_transactions(account["account_id"])
            if pending:
                return customer["customer_id"], account["account_id"], pending[0]
    raise AssertionError("the seed has no pending transaction at vbank")


def test_a_pending_transaction_that_books_replaces_its_twin(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    customer, _, tx_id = _customer_with_a_hold(sandbox)
    user = make_user()
    connect(api_client, user, sandbox, customer=customer, banks=["vbank"])
    assert refresh(api_client, user)["state"] == "succeeded"
    wait_lock_free(live, user.sub)
    held = [t for t in tx_items(user.sub) if t["transaction_id"] == tx_id]
    assert len(held) == 1
    assert held[0]["status"] == "pending"
    count = len(tx_items(user.sub))

    sandbox.admin("vbank").book_pending(tx_id)  # booked now: a new booking time, the same id
    done = refresh(api_client, user, force=True)

    twins = [t for t in tx_items(user.sub) if t["transaction_id"] == tx_id]
    assert len(twins) == 1, twins
    assert twins[0]["status"] == "booked"
    assert twins[0]["booked_at"] != held[0]["booked_at"]
    assert len(tx_items(user.sub)) == count
    assert done["totals"]["transactions_replaced"] == 1


def test_a_bank_that_ignores_the_date_filter_is_paged_only_to_the_window(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox, customer="team200-4", banks=["vbank"], products=False)
    assert refresh(api_client, user)["state"] == "succeeded"
    wait_lock_free(live, user.sub)
    parts = part_keys(user.sub)
    stored = len(tx_items(user.sub))
    admin = sandbox.admin("vbank")
    account = _accounts(sandbox, "vbank", "team200-4")[0]["account_id"]
    new_ids = set(admin.add_transactions(account, 10))
    admin.set_faults(ignore_date_filters=True)  # every page from the newest, whatever `from` says
    admin.clear_requests()

    done = refresh(api_client, user, force=True)

    assert done["state"] == "succeeded", done
    totals = done["totals"]
    assert totals["transactions_written"] == 10, totals
    assert totals["transactions_fetched"] > 10  # older ones came back too…
    assert totals["transaction_items_written"] <= 2  # …and were not rewritten
    accounts = len(_accounts(sandbox, "vbank", "team200-4"))
    assert admin.count(TX_OPERATION) <= accounts  # paging stopped below the window
    ids = [t["transaction_id"] for t in tx_items(user.sub)]
    assert len(ids) == len(set(ids)) == stored + 10
    assert new_ids <= set(ids)
    assert len([k for k, v in part_keys(user.sub).items() if parts.get(k) != v]) <= 2
