"""A user's stored transactions newest first, in cursor pages: one Query on the user's transaction
partition, the date range in the key condition.

Value filters (the caller's `keep`) are applied to each item read, so a page may need several Query pages;
the work per request is capped (`SCAN_BUDGET` items read) and the cursor then points at the last
item read, so a rare filter over a long history still answers quickly and can be continued.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from finpulse.data import codec
from finpulse.data.keys import TX_HIGH, parse_tx_sk, tx_pk, tx_time
from finpulse.data.table import data_table
from finpulse.domain import Transaction
from finpulse.errors import Unprocessable

SCAN_BUDGET = 2000


@dataclass(frozen=True)
class TxRange:
    """What the keys select: one bank or all, one account or all, a date range (inclusive)."""

    bank_id: str | None = None
    account_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def key_matches(self, sk: str) -> bool:
        _, bank, account, _ = parse_tx_sk(sk)
        return (self.bank_id is None or bank == self.bank_id) and (
            self.account_id is None or account == self.account_id
        )


def encode_cursor(sk: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"sk": sk}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sk = json.loads(raw)["sk"]
        parse_tx_sk(sk)
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise Unprocessable(
            "The cursor is not valid",
            details=[{"field": "query.cursor", "message": "use next_cursor as given"}],
        ) from None
    if not isinstance(sk, str):
        raise Unprocessable(
            "The cursor is not valid", details=[{"field": "query.cursor", "message": "bad cursor"}]
        )
    return sk


def _range(f: TxRange) -> tuple[str, str]:
    low = tx_time(datetime.combine(f.date_from, time.min, UTC)) if f.date_from else ""
    high = tx_time(datetime.combine(f.date_to + timedelta(days=1), time.min, UTC)) if f.date_to else TX_HIGH
    return low, high


def query(
    user_id: str,
    f: TxRange,
    *,
    limit: int,
    cursor: str | None,
    keep: Callable[[Transaction], bool] | None = None,
) -> tuple[list[Transaction], str | None]:
    from boto3.dynamodb.conditions import Key  # deferred: boto3 costs ~250 ms of import

    low, high = _range(f)
    condition: Any = Key("pk").eq(tx_pk(user_id))
    start_sk = decode_cursor(cursor) if cursor else None
    # Newest first; the upper bound is exclusive (midnight after `date_to`), the lower inclusive.
    condition = condition & Key("sk").between(low, high) if low else condition & Key("sk").lt(high)
    kwargs: dict[str, Any] = {
        "KeyConditionExpression": condition,
        "ScanIndexForward": False,
        "Limit": min(1000, max(100, limit * 2)),
    }
    if start_sk:
        kwargs["ExclusiveStartKey"] = {"pk": tx_pk(user_id), "sk": start_sk}
    data = data_table()
    out: list[Transaction] = []
    read = 0
    last_sk: str | None = None
    while True:
        page = data.query(**kwargs)
        for item in page.get("Items", []):
            read += 1
            sk = str(item["sk"])
            last_sk = sk
            if sk == high or not f.key_matches(sk):
                continue
            tx = codec.decode(item, Transaction)
            if keep is None or keep(tx):
                out.append(tx)
                if len(out) == limit:
                    return out, encode_cursor(sk)
        if "LastEvaluatedKey" not in page:
            return out, None
        if read >= SCAN_BUDGET and last_sk is not None:
            return out, encode_cursor(last_sk)
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
