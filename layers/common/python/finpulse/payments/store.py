"""Payment items in the payments table (layout: docs/ARCHITECTURE.md, "PaymentsTable").

    pk USER#<sub>  sk PAY#<payment id>   d (the record as JSON), kind, status, debtor_bank,
                                          creditor_bank, version, polled_at, effects_at;
                                          gsi1pk OPEN#<sub> + gsi1sk <payment id> while not final
    pk USER#<sub>  sk KEY#<idempotency key>  payment_id, request_hash, ttl (+31 days)

Every state change is a conditional put on `version` (a process that read an older record loses and
re-reads). The payment and its key item are created in one transaction, so one key can never name
two payments. The open-payments index is sparse: a final payment leaves it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from finpulse.config import settings
from finpulse.consents.records import iso
from finpulse.errors import Unprocessable
from finpulse.payments.ids import PAYMENT_ID_PATTERN, day_floor
from finpulse.payments.records import PaymentRecord
from finpulse.storage.dynamo import conditional_update, insert_pair, put_versioned, table
from finpulse.storage.keys import user_pk

PAY_PREFIX = "PAY#"
KEY_TTL = timedelta(days=31)
SCAN_BUDGET = 1000
_SK = re.compile(PAYMENT_ID_PATTERN.replace("^", "^PAY#"))


class StaleRecord(Exception):
    """Someone else changed the payment since we read it."""


class KeyTaken(Exception):
    """Another request created a payment under this idempotency key first."""


def _table() -> Any:
    return table(settings().payments_table)


def _sk(payment_id: str) -> str:
    return PAY_PREFIX + payment_id


def _key_sk(idempotency_key: str) -> str:
    return f"KEY#{idempotency_key}"


def _item(record: PaymentRecord) -> dict[str, Any]:
    body = record.model_dump(mode="json", exclude={"last_polled_at", "effects_at", "version"})
    item: dict[str, Any] = {
        "pk": user_pk(record.user_id),
        "sk": _sk(record.payment_id),
        "d": json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        "kind": record.kind,
        "status": record.status,
        "debtor_bank": record.debtor.bank_id,
        "creditor_bank": record.creditor.bank_id,
        "version": record.version,
    }
    if record.last_polled_at is not None:
        item["polled_at"] = iso(record.last_polled_at)
    if record.effects_at is not None:
        item["effects_at"] = iso(record.effects_at)
    if not record.final:
        item["gsi1pk"] = f"OPEN#{record.user_id}"
        item["gsi1sk"] = record.payment_id
    return item


def _record(item: dict[str, Any]) -> PaymentRecord:
    data = json.loads(str(item["d"]))
    data["version"] = int(item["version"])
    data["last_polled_at"] = item.get("polled_at")
    data["effects_at"] = item.get("effects_at")
    return PaymentRecord.model_validate(data)


def insert(record: PaymentRecord, now: datetime) -> None:
    """The new payment and its idempotency-key item, atomically (KeyTaken if the key is used)."""
    key_item = {
        "pk": user_pk(record.user_id),
        "sk": _key_sk(record.idempotency_key),
        "payment_id": record.payment_id,
        "request_hash": record.request_hash,
        "ttl": int((now + KEY_TTL).timestamp()),
    }
    if not insert_pair(settings().payments_table, _item(record), key_item):
        raise KeyTaken(record.idempotency_key)


def get(user_id: str, payment_id: str) -> PaymentRecord | None:
    item = (
        _table()
        .get_item(Key={"pk": user_pk(user_id), "sk": _sk(payment_id)}, ConsistentRead=True)
        .get("Item")
    )
    return _record(item) if item else None


def by_key(user_id: str, idempotency_key: str) -> PaymentRecord | None:
    """The payment an idempotency key created, if any."""
    pointer = (
        _table()
        .get_item(Key={"pk": user_pk(user_id), "sk": _key_sk(idempotency_key)}, ConsistentRead=True)
        .get("Item")
    )
    return get(user_id, str(pointer["payment_id"])) if pointer else None


def save(record: PaymentRecord) -> PaymentRecord:
    """Write a changed record if nobody else did since it was read; StaleRecord otherwise."""
    expected = record.version
    record.version = expected + 1
    if not put_versioned(_table(), _item(record), expected):
        record.version = expected
        raise StaleRecord(record.payment_id)
    return record


def claim_poll(record: PaymentRecord, now: datetime, interval: float) -> bool:
    """The right to ask the bank about this payment now: at most once per `interval` seconds."""
    claimed = conditional_update(
        _table(),
        Key={"pk": user_pk(record.user_id), "sk": _sk(record.payment_id)},
        UpdateExpression="SET polled_at = :now",
        ConditionExpression="attribute_exists(pk) AND (attribute_not_exists(polled_at) OR polled_at < :t)",
        ExpressionAttributeValues={":now": iso(now), ":t": iso(now - timedelta(seconds=interval))},
    )
    if claimed:
        record.last_polled_at = now
    return claimed


def claim_effects(record: PaymentRecord, now: datetime) -> bool:
    """Exactly one caller runs a completed payment's effects (version bump, re-sync)."""
    claimed = conditional_update(
        _table(),
        Key={"pk": user_pk(record.user_id), "sk": _sk(record.payment_id)},
        UpdateExpression="SET effects_at = :now",
        ConditionExpression="attribute_exists(pk) AND attribute_not_exists(effects_at)",
        ExpressionAttributeValues={":now": iso(now)},
    )
    if claimed:
        record.effects_at = now
    return claimed


def open_payments(user_id: str) -> list[PaymentRecord]:
    """The user's payments that are not final (the sparse index), each re-read consistently."""
    from boto3.dynamodb.conditions import Key

    page = _table().query(IndexName="gsi1", KeyConditionExpression=Key("gsi1pk").eq(f"OPEN#{user_id}"))
    records = [get(user_id, str(i["gsi1sk"])) for i in page.get("Items", [])]
    return [r for r in records if r is not None and not r.final]


@dataclass(frozen=True)
class PageFilter:
    kind: str | None = None
    status: str | None = None
    bank_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def _condition(f: PageFilter) -> Any:
    from boto3.dynamodb.conditions import Attr

    parts: list[Any] = []
    if f.kind:
        parts.append(Attr("kind").eq(f.kind))
    if f.status:
        parts.append(Attr("status").eq(f.status))
    if f.bank_id:
        parts.append(Attr("debtor_bank").eq(f.bank_id) | Attr("creditor_bank").eq(f.bank_id))
    if not parts:
        return None
    condition: Any = parts[0]
    for part in parts[1:]:
        condition = condition & part
    return condition


def encode_cursor(sk: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"sk": sk}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        sk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["sk"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        sk = None
    if not isinstance(sk, str) or not _SK.match(sk):
        raise Unprocessable(
            "The cursor is not valid",
            details=[{"field": "query.cursor", "message": "use next_cursor as given"}],
        )
    return sk


def page(
    user_id: str, f: PageFilter, *, limit: int, cursor: str | None
) -> tuple[list[PaymentRecord], str | None]:
    """Newest first; the date range is in the key condition, the other filters on items read."""
    from boto3.dynamodb.conditions import Key

    low = PAY_PREFIX + (day_floor(f.date_from) if f.date_from else "")
    high = PAY_PREFIX + (day_floor(f.date_to + timedelta(days=1)) if f.date_to else "~")
    kwargs: dict[str, Any] = {
        "KeyConditionExpression": Key("pk").eq(user_pk(user_id)) & Key("sk").between(low, high),
        "ScanIndexForward": False,
        "ConsistentRead": True,
        "Limit": min(200, limit * 2),
    }
    condition = _condition(f)
    if condition is not None:
        kwargs["FilterExpression"] = condition
    if cursor:
        kwargs["ExclusiveStartKey"] = {"pk": user_pk(user_id), "sk": decode_cursor(cursor)}
    out: list[PaymentRecord] = []
    read = 0
    while True:
        result = _table().query(**kwargs)
        read += int(result.get("ScannedCount", 0))
        for item in result.get("Items", []):
            out.append(_record(item))
            if len(out) == limit:
                return out, encode_cursor(str(item["sk"]))
        last = result.get("LastEvaluatedKey")
        if last is None:
            return out, None
        if read >= SCAN_BUDGET:
            return out, encode_cursor(str(last["sk"]))
        kwargs["ExclusiveStartKey"] = last
