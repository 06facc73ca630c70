"""Consent items in the consents table (layout: docs/ARCHITECTURE.md, "ConsentsTable").

Every read of a user's consents is one Query of their own partition (strongly consistent). Ids
(local, request, consent) also get pointer items indexed by gsi1, only to tell "someone else's"
(403) from "no such consent" (404) — never to read another user's consent.
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
    consent_ref_gsi,
    consent_ref_sk,
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


def _refs(record: ConsentRecord) -> list[dict[str, Any]]:
    key = _key(record)
    pk = key["pk"]
    return [
        {
            "pk": pk,
            "sk": consent_ref_sk(ref),
            "gsi1pk": consent_ref_gsi(ref),
            "gsi1sk": pk,
            "target_sk": key["sk"],
            "bank_id": record.bank_id,
        }
        for ref in sorted(record.ids())
    ]


def insert(record: ConsentRecord) -> None:
    """A new consent and its id pointers, atomically."""
    # The resource's client serialises Python values itself (pre-typed values would be typed twice).
    client = _table().meta.client
    name = settings().consents_table
    client.transact_write_items(
        TransactItems=[
            {
                "Put": {
                    "TableName": name,
                    "Item": _item(record),
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
            *({"Put": {"TableName": name, "Item": ref}} for ref in _refs(record)),
        ]
    )


def save(record: ConsentRecord, known_ids: set[str]) -> ConsentRecord:
    """Write a changed record if nobody else did meanwhile (else StaleRecord); adds new id pointers."""
    expected = record.version
    record.version = expected + 1
    if not put_versioned(_table(), _item(record), expected):
        record.version = expected
        raise StaleRecord(record.local_id)
    new_ids = record.ids() - known_ids
    if new_ids:
        with _table().batch_writer() as batch:
            for ref in _refs(record):
                if ref["sk"].removeprefix("REF#") in new_ids:
                    batch.put_item(Item=ref)
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


def owner_of(any_id: str) -> set[str]:
    """The user partitions holding a consent with this id (gsi1; eventually consistent)."""
    page = _table().query(
        IndexName="gsi1",
        KeyConditionExpression=Key("gsi1pk").eq(consent_ref_gsi(any_id)),
    )
    return {str(item["gsi1sk"]) for item in page.get("Items", [])}


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
