"""Pure parts of the pipeline: paging decisions, the bank JSON mapping, applying pages, keys."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from finpulse import clock
from finpulse.banks.models import AccountItem, AgreementItem, BalanceItem
from finpulse.banks.statement import BankTransaction, read_transactions
from finpulse.data import sync_records as records
from finpulse.data.cursors import AccountCursor
from finpulse.data.keys import tx_pk
from finpulse.data.transactions import TxApplier, entry_of
from finpulse.data.txbuckets import (
    TARGET_BYTES,
    AccountBuckets,
    Entry,
    Part,
    decode_lines,
    parse_line,
    part_sk,
    part_start,
)
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
def _tx(**over: Any) -> BankTransaction:
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
    return read_transactions([raw])[0]


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


@pytest.mark.parametrize("repeat", [1, 2])  # the second time, from the per-process memo
@pytest.mark.parametrize(
    ("indicator", "status", "debit", "pending"),
    [
        ("Debit", "completed", True, False),
        (" d-e-b-i-t ", "ON HOLD", True, True),
        ("CREDIT", "Authorised", False, True),
        ("Cr", "booked", False, False),
    ],
)
def test_words_are_judged_the_same_every_time(
    repeat: int, indicator: str, status: str, debit: bool, pending: bool
) -> None:
    for _ in range(repeat):
        tx = normalise.transaction("vbank", "acc-1", _tx(creditDebitIndicator=indicator, status=status))
        assert (tx.amount < 0) is debit
        assert (tx.status is TransactionStatus.PENDING) is pending


def test_the_value_date_is_the_value_times_and_none_without_one() -> None:
    same = normalise.transaction("vbank", "acc-1", _tx(valueDateTime="2025-11-08T18:45:15.285567"))
    assert same.value_date == same.booked_at.date()
    # 01:00 at +05 is the evening before, in UTC.
    later = normalise.transaction("vbank", "acc-1", _tx(valueDateTime="2025-11-10T01:00:00+05:00"))
    assert later.value_date == datetime(2025, 11, 9, tzinfo=UTC).date()
    assert normalise.transaction("vbank", "acc-1", _tx()).value_date is None
    assert normalise.transaction("vbank", "acc-1", _tx(valueDateTime="junk")).value_date is None


def test_card_numbers_are_masked_whatever_their_type() -> None:
    full = normalise.transaction("vbank", "acc-1", _tx(card={"cardNumber": "2200 1234 5678 9012"}))
    assert full.card_masked == "****9012"
    number = normalise.transaction("vbank", "acc-1", _tx(card={"cardNumber": 22001234}))
    assert number.card_masked == "****1234"
    assert normalise.transaction("vbank", "acc-1", _tx(card=None)).card_masked is None


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


def test_a_loans_amount_is_what_was_lent_and_only_outstanding_is_what_is_owed() -> None:
    listed = AgreementItem.model_validate(
        {"agreement_id": "loan-1", "product_id": "p", "product_type": "loan", "amount": 300000.0,
         "status": "Overdue", "account_number": "45507810000000000001"}
    )  # fmt: skip
    plain = normalise.agreement("xbank", listed, {"account_balance": 281000.5})
    assert (plain.principal, plain.outstanding, plain.account_balance) == (300000, None, Decimal("281000.5"))
    assert plain.active  # overdue is the most alive a debt can be
    stated = normalise.agreement("xbank", listed, {"outstanding_amount": "-281000.50"})
    assert stated.outstanding == Decimal("281000.50")


# --- applying pages -------------------------------------------------------------------------
def _domain_tx(tx_id: str, at: datetime, status: str = "booked", amount: str = "-5") -> Transaction:
    return Transaction(
        bank_id="vbank",
        account_id="acc-1",
        transaction_id=tx_id,
        booked_at=at,
        amount=Decimal(amount),
        currency="RUB",
        status=TransactionStatus(status),
    )


def _stored(*txs: Transaction) -> AccountBuckets:
    buckets = AccountBuckets()
    for tx in txs:
        buckets.put(entry_of(tx))
    buckets.changes()  # as if written: nothing left to write
    return buckets


def _applier(stored: AccountBuckets, cursor: AccountCursor, since: datetime | None) -> TxApplier:
    return TxApplier("u1", "vbank", "acc-1", cursor, stored, "s1", since)


def _written_ids(applier: TxApplier) -> set[str]:
    puts, _ = applier.stored.changes()
    return {line.split("\t")[1] for part in puts for line in decode_lines(part.body)}


def test_unchanged_items_are_not_rewritten_and_old_pages_are_skipped() -> None:
    kept = _domain_tx("t1", NOW - timedelta(days=1))
    cursor = AccountCursor("acc-1", exists=True, watermark=NOW)
    applier = _applier(_stored(kept), cursor, NOW - timedelta(days=3))
    applier.apply([kept, _domain_tx("t0", NOW - timedelta(days=30)), _domain_tx("t2", NOW)])
    assert applier.counts.written == 1
    assert applier.counts.unchanged == 1
    assert applier.counts.outside_window == 1
    assert applier.complete().watermark == NOW
    assert "t2" in _written_ids(applier)


def test_nothing_new_writes_nothing() -> None:
    txs = [_domain_tx(f"t{i}", NOW - timedelta(hours=i)) for i in range(20)]
    applier = _applier(_stored(*txs), AccountCursor("acc-1", exists=True, watermark=NOW), None)
    applier.apply(txs)
    applier.complete()
    assert applier.stored.changes() == ([], [])
    assert applier.counts.unchanged == 20


def test_the_same_id_twice_is_stored_once() -> None:
    """Pages shift while a bank is paged: the same transaction may arrive on two pages."""
    applier = _applier(AccountBuckets(), AccountCursor("acc-1"), None)
    tx = _domain_tx("t1", NOW)
    applier.apply([tx, _domain_tx("t2", NOW)])
    applier.apply([_domain_tx("t1", NOW, amount="-6")])  # a later page's copy is ignored
    assert len(applier.stored) == 2
    assert applier.stored.get("t1") == entry_of(tx)


def test_a_booked_transaction_replaces_its_pending_twin_and_vanished_holds_go() -> None:
    held_at = NOW - timedelta(days=1)
    twin, gone = _domain_tx("t1", held_at, "pending"), _domain_tx("t9", held_at, "pending")
    stamp = entry_of(twin).stamp
    cursor = AccountCursor(
        "acc-1", exists=True, watermark=NOW - timedelta(days=2), pending={"t1": stamp, "t9": stamp}
    )
    assert cursor.window_start() == NOW - timedelta(days=5)
    applier = _applier(_stored(twin, gone), cursor, cursor.window_start())
    applier.apply([_domain_tx("t1", NOW)])
    finished = applier.complete()
    assert len(applier.stored) == 1
    booked = applier.stored.get("t1")
    assert booked is not None
    assert '"status":"booked"' in booked.json
    assert finished.pending == {}
    assert applier.counts.replaced == 1
    assert applier.counts.deleted == 1


# --- parts ------------------------------------------------------------------------------------
def _noise(n: int, month_start: datetime) -> list[Entry]:
    rng = random.Random(n)
    return [
        Entry(
            clock.iso(month_start + timedelta(seconds=rng.randrange(0, 28 * 86400))),
            f"tx-{i:06d}-{rng.getrandbits(64):016x}",
            f'{{"description":"{rng.getrandbits(128):032x}","amount":"-{rng.randrange(1, 10**6)}"}}',
        )
        for i in range(n)
    ]


def test_a_part_is_split_before_it_passes_the_target_and_reads_back_in_order() -> None:
    month = datetime(2026, 11, 1, tzinfo=UTC)
    entries = _noise(6000, month)  # incompressible bodies: ~0.5 MB compressed in one month
    buckets = AccountBuckets()
    for e in entries:
        buckets.put(e)
    puts, deletes = buckets.changes()
    assert deletes == []
    assert len(puts) >= 6
    assert all(len(p.body) <= TARGET_BYTES for p in puts)
    assert sum(p.count for p in puts) == 6000
    assert {p.sk[:7] for p in puts} == {"2026-11"}
    # Parts cover consecutive ranges: reading them in key order gives every entry in order.
    lines = [line for p in sorted(puts, key=lambda p: p.sk) for line in decode_lines(p.body)]
    assert [parse_line(line).key for line in lines] == sorted(e.key for e in entries)
    # A new transaction lands in the one part whose range holds it: one item rewritten.
    reloaded = AccountBuckets(
        Part(p.sk, {e.tx_id: e for e in map(parse_line, decode_lines(p.body))}, p.digest) for p in puts
    )
    reloaded.put(Entry(clock.iso(month + timedelta(days=27, hours=23)), "tx-new", '{"n":1}'))
    again, _ = reloaded.changes()
    assert 1 <= len(again) <= 2
    assert all(len(p.body) <= TARGET_BYTES for p in again)


def test_an_emptied_part_is_deleted_and_a_months_first_part_kept_while_others_exist() -> None:
    month = datetime(2026, 11, 1, tzinfo=UTC)
    buckets = AccountBuckets()
    for e in _noise(3000, month):
        buckets.put(e)
    puts, _ = buckets.changes()
    first = min(puts, key=lambda p: p.sk)
    assert part_start(first.sk) is None
    for line in decode_lines(first.body):
        assert buckets.remove(parse_line(line).tx_id)
    again, deletes = buckets.changes()
    assert deletes == []
    assert [(p.sk, p.count) for p in again] == [(first.sk, 0)]  # kept, empty


def test_account_ids_with_separators_get_their_own_partition_key() -> None:
    assert tx_pk("u1", "vbank", "acc#1") != tx_pk("u1", "vbank", "acc")
    assert part_start(part_sk("2026-11", Entry("2026-11-05T00:00:00.000000Z", "t#1", "{}"))) == (
        "2026-11-05T00:00:00.000000Z",
        "t#1",
    )


@pytest.mark.parametrize("bad", ["", "x", "20251126T064600123Z-XYZ", "../20251126T064600123Z-1a2b3c4d"])
def test_sync_ids_are_strict(bad: str) -> None:
    import re

    assert re.match(records.SYNC_ID_PATTERN, records.new_sync_id())
    assert not re.match(records.SYNC_ID_PATTERN, bad)
