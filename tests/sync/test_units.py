"""Pure parts of the pipeline: paging decisions, the bank JSON mapping, applying pages, keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from finpulse.banks.models import AccountItem, BalanceItem, TransactionItem
from finpulse.data import sync_records as records
from finpulse.data.cursors import AccountCursor
from finpulse.data.keys import parse_tx_sk, tx_sk
from finpulse.data.transactions import TxApplier
from finpulse.domain import Transaction, TransactionStatus
from finpulse.sync.pipeline import normalise
from finpulse.sync.pipeline.pager import Pager

NOW = datetime(2025, 11, 20, 12, tzinfo=UTC)


def _times(*days_ago: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days_ago]


# --- paging ---------------------------------------------------------------------------------
def test_first_sync_asks_every_remaining_page_at_once() -> None:
    pager = Pager(since=None, limit=100)
    assert pager.on_page(1, _times(0, 1), {"totalPages": 5}) == [2, 3, 4, 5]
    for page in (2, 3, 4, 5):
        assert pager.on_page(page, _times(10), {}) == []
    assert pager.complete


def test_a_bank_honouring_the_date_filter_is_paged_in_parallel_too() -> None:
    pager = Pager(since=NOW - timedelta(days=3), limit=100)
    assert pager.on_page(1, _times(0, 1, 2), {"totalPages": 3}) == [2, 3]


def test_a_bank_ignoring_the_filter_stops_when_a_newest_first_page_reaches_below_the_window() -> None:
    pager = Pager(since=NOW - timedelta(days=3), limit=3)
    assert pager.on_page(1, _times(0, 1, 5), {"totalPages": 50}) == []
    assert pager.stopped
    assert pager.complete


def test_a_bank_ignoring_the_filter_in_any_order_pages_until_a_page_is_entirely_older() -> None:
    pager = Pager(since=NOW - timedelta(days=3), limit=3)
    assert pager.on_page(1, _times(5, 0, 1), {"totalPages": 50}) == [2]
    assert pager.on_page(2, _times(1, 6, 2), {}) == [3]
    assert pager.on_page(3, _times(7, 8, 9), {}) == []
    assert pager.stopped
    assert pager.complete


def test_without_total_pages_paging_continues_while_pages_are_full() -> None:
    pager = Pager(since=None, limit=2)
    assert pager.on_page(1, _times(0, 1), {}) == [2]
    assert pager.on_page(2, _times(2), {}) == []
    assert pager.complete


# --- mapping --------------------------------------------------------------------------------
def _tx(**over: Any) -> TransactionItem:
    raw = {
        "accountId": "acc-1",
        "transactionId": "tx-1",
        "amount": {"amount": "1234.50", "currency": "RUB"},
        "creditDebitIndicator": "DEBIT",
        "status": "Pending",
        "bookingDateTime": "2025-11-08T18:45:15.285567",
        "transactionInformation": "Zara - Москва",
        "merchant": {"name": "Zara", "mccCode": "565", "category": "clothing"},
        "card": {"cardNumber": "****2802"},
        "counterparty": "ООО Зара",
    }
    raw.update(over)
    return TransactionItem.model_validate(raw)


def test_transactions_are_signed_utc_and_tolerant_of_junk_fields() -> None:
    tx = normalise.transaction("vbank", "acc-1", _tx())
    assert tx.amount == Decimal("-1234.50")
    assert tx.booked_at.tzinfo is not None
    assert tx.booked_at.utcoffset() == timedelta(0)
    assert tx.status is TransactionStatus.PENDING
    assert tx.mcc is None  # a 3-digit MCC is dropped, not fatal
    assert tx.counterparty_name == "ООО Зара"
    credit = normalise.transaction("vbank", "acc-1", _tx(creditDebitIndicator="credit", status="completed"))
    assert credit.amount == Decimal("1234.50")
    assert credit.status is TransactionStatus.BOOKED


def test_both_balance_types_are_kept_apart_and_others_are_dropped() -> None:
    def balance(kind: str, indicator: str = "Credit") -> Any:
        return normalise.balance(
            "vbank",
            BalanceItem.model_validate(
                {
                    "accountId": "acc-1",
                    "type": kind,
                    "amount": {"amount": "10.00", "currency": "RUB"},
                    "creditDebitIndicator": indicator,
                    "dateTime": "2025-11-21T16:01:20Z",
                }
            ),
        )

    assert balance("InterimAvailable").type.value == "InterimAvailable"
    assert balance("interimBooked", "Debit").amount == Decimal("-10.00")
    assert balance("ClosingBooked") is None


def test_accounts_keep_the_full_number_only_for_payments() -> None:
    item = AccountItem.model_validate(
        {
            "accountId": "acc-1",
            "status": "Enabled",
            "currency": "RUB",
            "accountSubType": "Checking",
            "account": [{"schemeName": "RU.CBR.PAN", "identification": "4081781026010066706"}],
        }
    )
    account = normalise.account("vbank", item)
    assert account.kind.value == "current"
    assert account.number == "4081781026010066706"
    assert "4081781026010066706" not in repr(account)


# --- applying pages -------------------------------------------------------------------------
class FakeWriter:
    def __init__(self) -> None:
        self.puts: list[dict[str, Any]] = []
        self.deletes: list[dict[str, Any]] = []

    def put(self, item: dict[str, Any]) -> None:
        self.puts.append(item)

    def delete(self, key: dict[str, Any]) -> None:
        self.deletes.append(key)


def _domain_tx(tx_id: str, at: datetime, status: str = "booked") -> Transaction:
    return Transaction(
        bank_id="vbank",
        account_id="acc-1",
        transaction_id=tx_id,
        booked_at=at,
        amount=Decimal("-5"),
        currency="RUB",
        status=TransactionStatus(status),
    )


def _applier(stored: dict[str, tuple[str, str]], cursor: AccountCursor, since: datetime | None) -> Any:
    writer = FakeWriter()
    applier = TxApplier("u1", "vbank", cursor, stored, writer, "s1", since)  # type: ignore[arg-type]
    return applier, writer


def test_unchanged_items_are_not_rewritten_and_old_pages_are_skipped() -> None:
    from finpulse.data import codec

    kept = _domain_tx("t1", NOW - timedelta(days=1))
    stored = {"t1": (tx_sk(kept.booked_at, "vbank", "acc-1", "t1"), codec.encode(kept)[1])}
    cursor = AccountCursor("acc-1", exists=True, watermark=NOW)
    applier, writer = _applier(stored, cursor, NOW - timedelta(days=3))
    applier.apply([kept, _domain_tx("t0", NOW - timedelta(days=30)), _domain_tx("t2", NOW)])
    assert [p["sk"].split("#")[-1] for p in writer.puts] == ["t2"]
    assert applier.counts.unchanged == 1
    assert applier.counts.outside_window == 1
    assert applier.complete().watermark == NOW


def test_a_booked_transaction_replaces_its_pending_twin_and_vanished_holds_go() -> None:
    held_at = NOW - timedelta(days=1)
    twin_sk = tx_sk(held_at, "vbank", "acc-1", "t1")
    gone_sk = tx_sk(held_at, "vbank", "acc-1", "t9")
    cursor = AccountCursor(
        "acc-1", exists=True, watermark=NOW - timedelta(days=2), pending={"t1": twin_sk, "t9": gone_sk}
    )
    assert cursor.window_start() == NOW - timedelta(days=5)
    applier, writer = _applier({"t1": (twin_sk, "x"), "t9": (gone_sk, "y")}, cursor, cursor.window_start())
    applier.apply([_domain_tx("t1", NOW)])
    finished = applier.complete()
    assert {d["sk"] for d in writer.deletes} == {twin_sk, gone_sk}
    assert len(writer.puts) == 1
    assert finished.pending == {}
    assert applier.counts.replaced == 1


def test_sort_keys_escape_separators_inside_bank_ids() -> None:
    sk = tx_sk(NOW, "vbank", "acc#1", "tx#2")
    assert parse_tx_sk(sk)[1:] == ("vbank", "acc#1", "tx#2")


@pytest.mark.parametrize("bad", ["", "x", "20251126T064600123Z-XYZ", "../20251126T064600123Z-1a2b3c4d"])
def test_sync_ids_are_strict(bad: str) -> None:
    import re

    assert re.match(records.SYNC_ID_PATTERN, records.new_sync_id())
    assert not re.match(records.SYNC_ID_PATTERN, bad)
