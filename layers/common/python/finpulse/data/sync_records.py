"""Sync records: what a full refresh is doing and did, for the UI to poll.

    pk USER#<uid>  sk SYNC#<sync_id>
      {sync_id, state, source, force, include_dashboard, started_at, finished_at, duration_ms,
       banks: {<bank>: BankProgress}, totals, data_version, error, ttl}

Sync ids sort by start time (`20251126T064600123Z-1a2b3c4d`), so "the caller's latest sync" is a
Query of one item in descending order. Records expire after 30 days.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from finpulse import clock
from finpulse.config import settings
from finpulse.data import versioning
from finpulse.data.keys import SYNC_PREFIX, sync_sk, user_pk
from finpulse.data.table import data_table

SYNC_ID_PATTERN = r"^\d{8}T\d{9}Z-[0-9a-f]{8}$"
RETENTION = timedelta(days=30)

SyncState = Literal["running", "succeeded", "partial", "failed", "superseded"]
BankState = Literal["pending", "running", "ok", "partial", "failed", "skipped"]
Source = Literal["api", "schedule", "bootstrap"]


class BankError(BaseModel):
    code: str
    message: str


class BankProgress(BaseModel):
    bank_id: str
    state: BankState
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    error: BankError | None = None


class SyncRecord(BaseModel):
    sync_id: str
    state: SyncState
    source: Source
    force: bool = False
    include_dashboard: bool = False
    started_at: datetime
    finished_at: datetime | None = None
    duration_ms: int | None = None
    banks: dict[str, BankProgress] = Field(default_factory=dict)
    totals: dict[str, int] = Field(default_factory=dict)
    data_version: int | None = None
    error: BankError | None = None


def new_sync_id(at: datetime | None = None) -> str:
    moment = at or clock.now()
    return moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z-" + secrets.token_hex(4)


def _key(user_id: str, sync_id: str) -> dict[str, str]:
    return {"pk": user_pk(user_id), "sk": sync_sk(sync_id)}


def _ttl(moment: datetime) -> int:
    return int((moment + RETENTION).timestamp())


def create(
    user_id: str,
    sync_id: str,
    *,
    source: Source,
    force: bool,
    include_dashboard: bool,
    at: datetime | None = None,
) -> SyncRecord:
    moment = at or clock.now()
    record = SyncRecord(
        sync_id=sync_id,
        state="running",
        source=source,
        force=force,
        include_dashboard=include_dashboard,
        started_at=moment,
    )
    data_table().put_item(
        Item={**_key(user_id, sync_id), **_to_item(record), "ttl": _ttl(moment)},
        ConditionExpression="attribute_not_exists(pk)",
    )
    return record


def _to_item(record: SyncRecord) -> dict[str, Any]:
    # JSON mode: datetimes as ISO strings, no floats (DynamoDB's resource rejects float).
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return data


def get(user_id: str, sync_id: str) -> SyncRecord | None:
    item = data_table().get_item(Key=_key(user_id, sync_id), ConsistentRead=True).get("Item")
    return _from_item(item) if item else None


def latest(user_id: str) -> SyncRecord | None:
    from boto3.dynamodb.conditions import Key

    page = data_table().query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(SYNC_PREFIX),
        ScanIndexForward=False,
        Limit=1,
        ConsistentRead=True,
    )
    items = page.get("Items", [])
    return _from_item(items[0]) if items else None


def _from_item(item: dict[str, Any]) -> SyncRecord:
    fields = {k: v for k, v in item.items() if k not in ("pk", "sk", "ttl")}
    return SyncRecord.model_validate(_plain(fields))


def _plain(value: Any) -> Any:
    # DynamoDB numbers come back as Decimal; the record's counters are integers.
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def set_banks(user_id: str, sync_id: str, bank_ids: list[str]) -> None:
    """The banks this sync will cover, all pending (the plan step)."""
    banks = {
        b: BankProgress(bank_id=b, state="pending").model_dump(mode="json", exclude_none=True)
        for b in bank_ids
    }
    data_table().update_item(
        Key=_key(user_id, sync_id),
        UpdateExpression="SET banks = :banks",
        ExpressionAttributeValues={":banks": banks},
    )


def set_bank(user_id: str, sync_id: str, progress: BankProgress) -> None:
    """Replace one bank's progress (the per-bank step; banks update disjoint map entries)."""
    data_table().update_item(
        Key=_key(user_id, sync_id),
        UpdateExpression="SET banks.#b = :p",
        ConditionExpression="attribute_exists(pk)",
        ExpressionAttributeNames={"#b": progress.bank_id},
        ExpressionAttributeValues={":p": progress.model_dump(mode="json", exclude_none=True)},
    )


def finish_fenced(user_id: str, record: SyncRecord, guard: dict[str, Any], reason: str) -> bool:
    """Write the final record and bump the data version in one transaction with `guard` (the
    lock's ConditionCheck: this sync still holds it). False, with nothing written, when the guard
    fails (a newer sync took the lock over)."""
    from botocore.exceptions import ClientError

    put = {
        "Put": {
            "TableName": settings().data_table,
            "Item": {**_key(user_id, record.sync_id), **_to_item(record), "ttl": _ttl(record.started_at)},
        }
    }
    client: Any = data_table().meta.client
    try:
        client.transact_write_items(TransactItems=[guard, put, versioning.bump_request(user_id, reason)])
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        return False
    return True


def save(user_id: str, record: SyncRecord) -> None:
    """Unfenced write of the record (used when the lock was taken over: mark it superseded)."""
    data_table().put_item(
        Item={**_key(user_id, record.sync_id), **_to_item(record), "ttl": _ttl(record.started_at)}
    )


def set_data_version(user_id: str, sync_id: str, version: int) -> None:
    data_table().update_item(
        Key=_key(user_id, sync_id),
        UpdateExpression="SET data_version = :v",
        ExpressionAttributeValues={":v": version},
    )
