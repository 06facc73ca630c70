"""Transaction items: what is stored in the sync window, and applying fetched pages to it.

One item per transaction, `pk TX#<uid>`, `sk <booked_at>#<bank>#<acct>#<tx id>`, attributes `d`
(the domain object's JSON), `h` (its hash) and `w` (the sync that last wrote it). A user's
transactions in a date range are one Query on `sk BETWEEN`.

Applying a page of one account, per transaction:
- same id already stored with the same sort key and hash → nothing is written;
- same id stored under another sort key (a pending hold booked at a different time) → the old
  item is deleted and the new one written: the booked transaction replaces its pending twin;
- otherwise → written.
When every page of the window has arrived, pending items of the account that the bank no longer
reports are deleted: the hold was released, or booked under a new id that was just written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from finpulse.data import codec
from finpulse.data.batch import BatchWriter
from finpulse.data.cursors import AccountCursor
from finpulse.data.keys import TX_HIGH, parse_tx_sk, tx_pk, tx_sk, tx_time
from finpulse.data.table import data_table
from finpulse.domain import Transaction, TransactionStatus
from finpulse.storage.dynamo import query_items

Stored = dict[str, tuple[str, str]]  # tx id -> (sort key, hash), for one account


def stored_since(user_id: str, bank_id: str, since: datetime | None) -> dict[str, Stored]:
    """Stored transactions of one bank booked at or after `since` (None: all), by account.

    Projects only keys and hashes. The sort key starts with the booking time, so this reads the
    user's recent window across banks and keeps this bank's part.
    """
    from boto3.dynamodb.conditions import Key  # deferred: boto3 costs ~250 ms of import

    condition: Any = Key("pk").eq(tx_pk(user_id))
    if since is not None:
        condition = condition & Key("sk").gte(tx_time(since))
    out: dict[str, Stored] = {}
    data = data_table()
    for item in query_items(data, KeyConditionExpression=condition, ProjectionExpression="sk, h"):
        sk = str(item["sk"])
        _, bank, account, tx = parse_tx_sk(sk)
        if bank == bank_id:
            out.setdefault(account, {})[tx] = (sk, str(item["h"]))
    return out


@cache
def _transactions_adapter() -> TypeAdapter[list[Transaction]]:
    return TypeAdapter(list[Transaction])


def between(user_id: str, low: datetime, high: datetime | None) -> list[Transaction]:
    """Every transaction of the user booked in [low, high) (open-ended without `high`)."""
    from boto3.dynamodb.conditions import Key

    upper = tx_time(high) if high else TX_HIGH
    items = query_items(
        data_table(),
        KeyConditionExpression=Key("pk").eq(tx_pk(user_id)) & Key("sk").between(tx_time(low), upper),
        ProjectionExpression="#d",
        ExpressionAttributeNames={"#d": codec.BODY},
    )
    # One validation of a JSON array: several times faster than json.loads + validate per item
    # for the thousands of transactions a year of history holds.
    return _transactions_adapter().validate_json("[" + ",".join(str(i[codec.BODY]) for i in items) + "]")


@dataclass
class TxCounts:
    fetched: int = 0
    written: int = 0
    replaced: int = 0  # written over a twin stored under another sort key (pending → booked)
    deleted: int = 0
    unchanged: int = 0
    outside_window: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class TxApplier:
    """Applies one account's fetched transactions to what is stored (see the module docstring)."""

    user_id: str
    bank_id: str
    cursor: AccountCursor
    stored: Stored
    writer: BatchWriter
    sync_id: str
    since: datetime | None
    counts: TxCounts = field(default_factory=TxCounts)
    _seen: dict[str, str] = field(default_factory=dict)  # tx id -> sort key written/kept this run
    _pending: dict[str, str] = field(default_factory=dict)
    _latest: datetime | None = None

    def apply(self, transactions: Iterable[Transaction]) -> None:
        pk = tx_pk(self.user_id)
        for tx in transactions:
            self.counts.fetched += 1
            tx_id = tx.transaction_id
            if tx_id in self._seen:  # a page boundary shifted under us: same item twice
                continue
            if self.since is not None and tx.booked_at < self.since and tx_id not in self.cursor.pending:
                # A bank that ignores the date filter: older items were stored by earlier syncs.
                self.counts.outside_window += 1
                continue
            sk = tx_sk(tx.booked_at, self.bank_id, tx.account_id, tx_id)
            body, digest = codec.encode(tx)
            self._seen[tx_id] = sk
            if tx.status is TransactionStatus.PENDING:
                self._pending[tx_id] = sk
            elif self._latest is None or tx.booked_at > self._latest:
                self._latest = tx.booked_at
            previous = self.stored.get(tx_id) or (
                (self.cursor.pending[tx_id], "") if tx_id in self.cursor.pending else None
            )
            if previous is not None and previous == (sk, digest):
                self.counts.unchanged += 1
                continue
            if previous is not None and previous[0] != sk:
                self.writer.delete({"pk": pk, "sk": previous[0]})
                self.counts.replaced += 1
            self.writer.put({"pk": pk, "sk": sk, codec.BODY: body, codec.HASH: digest, "w": self.sync_id})
            self.counts.written += 1

    def complete(self) -> AccountCursor:
        """Every page of the window arrived: drop vanished holds and move the watermark."""
        pk = tx_pk(self.user_id)
        for tx_id, sk in self.cursor.pending.items():
            if tx_id not in self._seen:
                self.writer.delete({"pk": pk, "sk": sk})
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
