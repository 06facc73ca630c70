"""Per-account incremental-sync state: the watermark and the pending transactions not yet booked.

    pk USER#<uid>  sk BANK#<bank>#CURSOR#<acct>
      {kind, bank_id, account_id, watermark, pending: {<tx id>: <booking stamp>}, updated_at}

`watermark` is the latest booking time of a sync that stored every page of the account; the next
sync asks the bank from `watermark - overlap` (late and back-dated bookings land inside the
overlap) or from the oldest pending transaction, whichever is earlier, so a hold that turns booked
is always fetched again. A cursor without a watermark means an earlier sync stored some pages and
stopped (deadline, bank failure): the next sync compares against everything stored for the account.
No cursor at all means nothing was ever stored for it: the cursors are the index of an account's
transaction partition (`accounts`), written before any of its transactions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from finpulse import clock
from finpulse.data.keys import CURSOR, bank_prefix, entity_sk, user_pk
from finpulse.data.table import data_table, query

DEFAULT_OVERLAP = timedelta(days=3)
KIND = CURSOR


@dataclass
class AccountCursor:
    account_id: str
    exists: bool = False
    watermark: datetime | None = None
    pending: dict[str, str] = field(default_factory=dict)

    def window_start(self, overlap: timedelta = DEFAULT_OVERLAP) -> datetime | None:
        """Where the next fetch starts; None = from the beginning."""
        if self.watermark is None:
            return None
        start = self.watermark - overlap
        for stamp in self.pending.values():
            start = min(start, clock.parse_iso(stamp))
        return start


def from_item(item: dict[str, Any]) -> AccountCursor:
    watermark = item.get("watermark")
    return AccountCursor(
        account_id=str(item["account_id"]),
        exists=True,
        watermark=clock.parse_iso(str(watermark)) if watermark else None,
        pending={str(k): str(v) for k, v in (item.get("pending") or {}).items()},
    )


def to_item(user_id: str, bank_id: str, cursor: AccountCursor) -> dict[str, Any]:
    item: dict[str, Any] = {
        "pk": user_pk(user_id),
        "sk": entity_sk(bank_id, KIND, cursor.account_id),
        "kind": CURSOR,
        "bank_id": bank_id,
        "account_id": cursor.account_id,
        "pending": dict(cursor.pending),
        "updated_at": clock.iso(clock.now()),
    }
    if cursor.watermark is not None:
        item["watermark"] = clock.iso(cursor.watermark)
    return item


def put(user_id: str, bank_id: str, cursor: AccountCursor) -> None:
    data_table().put_item(Item=to_item(user_id, bank_id, cursor))


def accounts(user_id: str, bank_id: str | None = None) -> list[tuple[str, str]]:
    """(bank id, account id) of every account with stored transactions, of one bank or all."""
    from boto3.dynamodb.conditions import Attr, Key

    prefix = bank_prefix(bank_id) if bank_id else "BANK#"
    found = query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix),
        FilterExpression=Attr("kind").eq(CURSOR),
        ProjectionExpression="bank_id, account_id",
    )
    return [(str(i["bank_id"]), str(i["account_id"])) for i in found]
