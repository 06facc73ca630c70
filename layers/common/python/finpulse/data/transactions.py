"""Stored transactions: loading an account's window, applying fetched pages to it, writing the
parts that changed, and reading a user's transactions over a time range.

Items and their parts are `finpulse.data.txbuckets`'s. A sync loads, per account, the parts from
the month its window starts in (everything, when an earlier sync stopped before setting a
watermark), then per fetched transaction:
- the same id already stored with the same booking time and content → nothing changes;
- the same id stored under another booking time (a pending hold booked later) → it moves: the
  booked transaction replaces its pending twin;
- otherwise → stored.
When every page of the window has arrived, holds of the account that the bank no longer reports
are removed: the hold was released, or booked under a new id that was just stored. Only the parts
whose content changed are written, after the account's last page: a first sync writes each part
once, and a sync that finds nothing new writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from finpulse import clock
from finpulse.data.batch import BatchWriter
from finpulse.data.cursors import AccountCursor
from finpulse.data.keys import MONTH_HIGH, tx_pk
from finpulse.data.table import parallel_queries
from finpulse.data.txbuckets import AccountBuckets, Entry, Part, decode_lines, month_of, parse_line, raw_lines
from finpulse.domain import Transaction, TransactionStatus, to_json
from finpulse.gcpause import collector_paused

# Accounts whose windows load at once (each one Query, usually of a single small item).
LOAD_WORKERS = 8


def _window_query(pk: str, since: datetime | None) -> dict[str, Any]:
    condition = "pk = :pk"
    values: dict[str, Any] = {":pk": {"S": pk}}
    if since is not None:
        condition += " AND sk >= :month"
        values[":month"] = {"S": month_of(clock.iso(since))}
    return {"KeyConditionExpression": condition, "ExpressionAttributeValues": values, "ConsistentRead": True}


def _part_of(item: dict[str, Any]) -> Part:
    lines = decode_lines(item["z"])
    entries = [parse_line(line) for line in lines]
    return Part(sk=str(item["sk"]), entries={e.tx_id: e for e in entries}, stored_hash=str(item.get("h")))


def load_windows(
    user_id: str, bank_id: str, windows: dict[str, datetime | None]
) -> dict[str, AccountBuckets]:
    """What is stored of each account from the month its window starts (None: everything)."""
    accounts = list(windows)
    queries = [_window_query(tx_pk(user_id, bank_id, a), windows[a]) for a in accounts]
    pages = parallel_queries(queries, workers=LOAD_WORKERS)
    return {a: AccountBuckets(_part_of(i) for i in items) for a, items in zip(accounts, pages, strict=True)}


@dataclass
class TxCounts:
    fetched: int = 0
    written: int = 0
    replaced: int = 0  # stored over a twin under another booking time (pending → booked)
    deleted: int = 0
    unchanged: int = 0
    outside_window: int = 0
    items_written: int = 0  # parts (DynamoDB items) put
    items_deleted: int = 0
    write_units: int = 0  # as DynamoDB bills puts: 1 per started KB of each item

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def entry_of(tx: Transaction) -> Entry:
    return Entry(clock.iso(tx.booked_at), tx.transaction_id, to_json(tx).decode())


@dataclass
class TxApplier:
    """Applies one account's fetched transactions to what is stored (see the module docstring)."""

    user_id: str
    bank_id: str
    account_id: str
    cursor: AccountCursor
    stored: AccountBuckets
    sync_id: str
    since: datetime | None
    counts: TxCounts = field(default_factory=TxCounts)
    _seen: set[str] = field(default_factory=set)
    _pending: dict[str, str] = field(default_factory=dict)  # tx id -> booking stamp
    _latest: datetime | None = None

    def apply(self, transactions: Iterable[Transaction]) -> None:
        for tx in transactions:
            self.counts.fetched += 1
            tx_id = tx.transaction_id
            if tx_id in self._seen:  # a page boundary shifted under us: same transaction twice
                continue
            if self.since is not None and tx.booked_at < self.since and tx_id not in self.cursor.pending:
                # A bank that ignores the date filter: older transactions were stored by earlier syncs.
                self.counts.outside_window += 1
                continue
            entry = entry_of(tx)
            self._seen.add(tx_id)
            if tx.status is TransactionStatus.PENDING:
                self._pending[tx_id] = entry.stamp
            elif self._latest is None or tx.booked_at > self._latest:
                self._latest = tx.booked_at
            previous = self.stored.get(tx_id)
            if previous == entry:
                self.counts.unchanged += 1
                continue
            if previous is not None and previous.stamp != entry.stamp:
                self.counts.replaced += 1
            self.stored.put(entry)
            self.counts.written += 1

    def complete(self) -> AccountCursor:
        """Every page of the window arrived: drop vanished holds and move the watermark."""
        for tx_id in self.cursor.pending:
            if tx_id not in self._seen and self.stored.remove(tx_id):
                self.counts.deleted += 1
        watermark = self.cursor.watermark
        if self._latest is not None and (watermark is None or self._latest > watermark):
            watermark = self._latest
        return AccountCursor(
            account_id=self.cursor.account_id, exists=True, watermark=watermark, pending=dict(self._pending)
        )

    def incomplete(self) -> AccountCursor:
        """Some pages are missing: keep the old watermark (the gap is fetched next time), but
        remember holds seen so far so their twins are found later."""
        pending = {**self.cursor.pending, **self._pending}
        for tx_id in self._seen:
            if tx_id not in self._pending:  # booked now: no longer a hold to look for
                pending.pop(tx_id, None)
        return AccountCursor(
            account_id=self.cursor.account_id, exists=True, watermark=self.cursor.watermark, pending=pending
        )

    def write(self, writer: BatchWriter) -> None:
        """Queue the parts whose content changed (split to fit), and deletes of emptied ones."""
        pk = tx_pk(self.user_id, self.bank_id, self.account_id)
        puts, deletes = self.stored.changes()
        for part in puts:
            item = {"pk": pk, "sk": part.sk, "z": part.body, "n": part.count, "h": part.digest}
            item["w"] = self.sync_id
            writer.put(item)
            self.counts.items_written += 1
            self.counts.write_units += write_units(item)
        for sk in deletes:
            writer.delete({"pk": pk, "sk": sk})
            self.counts.items_deleted += 1


def write_units(item: dict[str, Any]) -> int:
    """Write units of a put as DynamoDB bills it: attribute names and values, per started KB."""
    size = 0
    for name, value in item.items():
        size += len(name.encode())
        if isinstance(value, bytes):
            size += len(value)
        elif isinstance(value, str):
            size += len(value.encode())
        else:  # numbers: about one byte per two digits, plus one
            size += len(str(value)) // 2 + 1
    return -(-size // 1024)


# --- reads ------------------------------------------------------------------------------------
@cache
def _transactions_adapter() -> TypeAdapter[list[Transaction]]:
    return TypeAdapter(list[Transaction])


def month_range_query(pk: str, low: datetime | None, high: datetime | None) -> dict[str, Any]:
    """The Query of one account's parts in the months from `low` to `high` (open ends: all)."""
    condition = "pk = :pk"
    values: dict[str, Any] = {":pk": {"S": pk}}
    if low is not None or high is not None:
        condition += " AND sk BETWEEN :lo AND :hi"
        values[":lo"] = {"S": month_of(clock.iso(low)) if low else "0"}
        values[":hi"] = {"S": (month_of(clock.iso(high)) if high else "9999-99") + MONTH_HIGH}
    return {"KeyConditionExpression": condition, "ExpressionAttributeValues": values}


def between(
    user_id: str, low: datetime, high: datetime | None, accounts: Iterable[tuple[str, str]]
) -> list[Transaction]:
    """Every transaction of these (bank, account)s booked in [low, high) (open-ended without
    `high`): one Query per account, all at once."""
    keys = list(accounts)
    lo, hi = clock.iso(low).encode(), clock.iso(high).encode() if high else None
    pages = parallel_queries([month_range_query(tx_pk(user_id, b, a), low, high) for b, a in keys])
    with collector_paused():
        bodies: list[bytes] = []
        for items in pages:
            for item in items:
                for line in raw_lines(item["z"]):
                    stamp = line[: len(lo)]
                    if stamp >= lo and (hi is None or stamp < hi):
                        bodies.append(line.split(b"\t", 2)[2])
        # One validation of a JSON array: several times faster than json.loads + validate per
        # item for the thousands of transactions a year of history holds.
        return _transactions_adapter().validate_json(b"[" + b",".join(bodies) + b"]")
