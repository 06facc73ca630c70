"""Consent items in the consents table (layout: docs/ARCHITECTURE.md, "ConsentsTable").

Every read of a user's consents is one Query of their own partition (strongly consistent); a
consent is found by any of its ids (local, request, consent) within that Query. Another user's
consent is never looked up: to its owner's neighbours it does not exist (404, as an unknown id).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from boto3.dynamodb.conditions import Key

from finpulse.config import settings
from finpulse.consents.records import ConsentRecord, iso
from finpulse.storage.dynamo import condition_failed, put_versioned, query_items, table
from finpulse.storage.keys import (
    CONSENT_PREFIX,
    consent_init_sk,
    consent_sk,
    user_pk,
)


class StaleRecord(Exception):
    """Someone else saved the consent since we read it (optimistic concurrency)."""


def _table() -> Any:
    return table(settings().consents_table)


def _key(record: ConsentRecord) -> dict[str, str]:
    return {"pk": user_pk(record.user_id), "sk": consent_sk(record.bank_id, record.kind, record.local_id)}


def _item(record: ConsentRecord) -> dict[str, Any]:
    return {**_key(record), **record.model_dump(mode="json", exclude_none=True)}


def _record(item: dict[str, Any]) -> ConsentRecord:
    return ConsentRecord.model_validate({k: v for k, v in item.items() if k not in ("pk", "sk")})


def user_consents(user_id: str, bank_id: str | None = None) -> list[ConsentRecord]:
    """Every consent of the user (optionally at one bank), oldest first."""
    prefix = CONSENT_PREFIX + (f"{bank_id}#" if bank_id else "")
    items = query_items(
        _table(),
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix),
        ConsistentRead=True,
    )
    records = [_record(i) for i in items]
    records.sort(key=lambda r: (r.created_at, r.local_id))
    return records


def insert(record: ConsentRecord) -> None:
    """A new consent (never over an existing item)."""
    _table().put_item(Item=_item(record), ConditionExpression="attribute_not_exists(pk)")


def save(record: ConsentRecord) -> ConsentRecord:
    """Write a changed record if nobody else did meanwhile (else StaleRecord)."""
    expected = record.version
    record.version = expected + 1
    if not put_versioned(_table(), _item(record), expected):
        record.version = expected
        raise StaleRecord(record.local_id)
    return record


def reload(record: ConsentRecord) -> ConsentRecord:
    item = _table().get_item(Key=_key(record), ConsistentRead=True).get("Item")
    return _record(item) if item else record


def claim_poll(record: ConsentRecord, now: datetime, interval: float) -> bool:
    """Take the right to poll this consent at the bank now: at most once per `interval` seconds."""
    from botocore.exceptions import ClientError

    threshold = iso(now - timedelta(seconds=interval))
    try:
        _table().update_item(
            Key=_key(record),
            UpdateExpression="SET last_polled_at = :now",
            ConditionExpression=(
                "attribute_exists(pk) AND (attribute_not_exists(last_polled_at) OR last_polled_at < :t)"
            ),
            ExpressionAttributeValues={":now": iso(now), ":t": threshold},
        )
    except ClientError as exc:
        if condition_failed(exc):
            return False
        raise
    record.last_polled_at = now
    return True


def try_mark_creating(user_id: str, bank_id: str, kind: str, fp: str, now: datetime, seconds: float) -> bool:
    """A short lease so two concurrent `init` calls do not both create a consent at the bank."""
    from botocore.exceptions import ClientError

    try:
        _table().put_item(
            Item={
                "pk": user_pk(user_id),
                "sk": consent_init_sk(bank_id, kind, fp),
                "until": iso(now + timedelta(seconds=seconds)),
                "ttl": int(now.timestamp() + seconds + 3600),
            },
            ConditionExpression="attribute_not_exists(pk) OR #until < :now",
            ExpressionAttributeNames={"#until": "until"},
            ExpressionAttributeValues={":now": iso(now)},
        )
    except ClientError as exc:
        if condition_failed(exc):
            return False
        raise
    return True


def done_creating(user_id: str, bank_id: str, kind: str, fp: str) -> None:
    _table().delete_item(Key={"pk": user_pk(user_id), "sk": consent_init_sk(bank_id, kind, fp)})
