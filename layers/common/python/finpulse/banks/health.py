"""Reading the bank status log: per bank the last success, the last error, and "degraded"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from finpulse import clock
from finpulse.banks.models import parse_time
from finpulse.banks.statuslog import RETENTION, WINDOW_SECONDS, log_pk, summary_pk, window_of
from finpulse.banks.tuning import tuning
from finpulse.clock import iso
from finpulse.config import settings

# A bank is degraded while its latest failure is this recent and newer than its latest success,
# or when the current window holds at least DEGRADED_MIN_ERRORS failures and no more successes.
RECENT_ERROR = timedelta(minutes=10)
DEGRADED_MIN_ERRORS = 3


class BankHealth(BaseModel):
    last_success_at: datetime | None = None
    last_success_operation: str | None = None
    last_error_at: datetime | None = None
    last_error_operation: str | None = None
    last_error_outcome: str | None = None
    last_error_http_status: int | None = None
    last_error_message: str | None = None
    """The last failure in words (e.g. why a team token was refused)."""
    recent_successes: int = 0
    recent_errors: int = 0
    degraded: bool = False


class BankCall(BaseModel):
    bank_id: str
    operation: str
    outcome: str
    http_status: int | None = None
    attempt: int
    latency_ms: int
    at: datetime


def _newer(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and (b is None or a > b)


def merge(items: Iterable[dict[str, Any]], now: datetime) -> BankHealth:
    """Fold a bank's summary shards into one view; anything older than 30 days is ignored."""
    oldest = now - RETENTION
    health = BankHealth()
    current = window_of(now)
    for item in items:
        ok_at, err_at = parse_time(item.get("last_ok_at")), parse_time(item.get("last_err_at"))
        if ok_at is not None and ok_at >= oldest and _newer(ok_at, health.last_success_at):
            health.last_success_at = ok_at
            health.last_success_operation = item.get("last_ok_op")
        if err_at is not None and err_at >= oldest and _newer(err_at, health.last_error_at):
            health.last_error_at = err_at
            health.last_error_operation = item.get("last_err_op")
            health.last_error_outcome = item.get("last_err_outcome")
            status = item.get("last_err_status")
            health.last_error_http_status = int(status) if status is not None else None
            health.last_error_message = item.get("last_err_detail") or None
        if int(item.get("win", 0)) >= current - WINDOW_SECONDS:
            health.recent_successes += int(item.get("win_ok", 0))
            health.recent_errors += int(item.get("win_err", 0))
    error_is_latest = _newer(health.last_error_at, health.last_success_at)
    error_is_recent = health.last_error_at is not None and now - health.last_error_at <= RECENT_ERROR
    health.degraded = (error_is_latest and error_is_recent) or (
        health.recent_errors >= DEGRADED_MIN_ERRORS and health.recent_errors >= health.recent_successes
    )
    return health


def banks_health(bank_ids: list[str], now: datetime | None = None) -> dict[str, BankHealth]:
    """One BatchGetItem for every shard of every bank (3 banks x 8 shards = 24 keys)."""
    now = now or clock.now()
    name = settings().bank_status_table
    if not name or not bank_ids:
        return {b: BankHealth() for b in bank_ids}
    from finpulse.storage.dynamo import table

    # The resource's client converts between Python and DynamoDB types itself.
    client: Any = table(name).meta.client
    shards = range(max(1, tuning().status_shards))
    keys = [{"pk": summary_pk(b, s), "sk": "SUMMARY"} for b in bank_ids for s in shards]
    found: dict[str, list[dict[str, Any]]] = {b: [] for b in bank_ids}
    for start in range(0, len(keys), 100):
        request: dict[str, Any] = {name: {"Keys": keys[start : start + 100]}}
        while request:
            answer = client.batch_get_item(RequestItems=request)
            for item in answer.get("Responses", {}).get(name, []):
                bank_id = str(item.get("bank_id"))
                if bank_id in found:
                    found[bank_id].append(dict(item))
            request = answer.get("UnprocessedKeys") or {}
    return {b: merge(items, now) for b, items in found.items()}


def recent_calls(bank_id: str, since: datetime, until: datetime | None = None) -> list[BankCall]:
    """Every logged call of a bank in [since, until], newest first; capped at the 30-day retention."""
    from boto3.dynamodb.conditions import Key

    from finpulse.storage.dynamo import query_items, table

    until = until or clock.now()
    since = max(since, until - RETENTION)
    name = settings().bank_status_table
    if not name:
        return []
    tbl = table(name)
    calls: list[BankCall] = []
    hour = since.replace(minute=0, second=0, microsecond=0)
    while hour <= until:
        for shard in range(max(1, tuning().status_shards)):
            items = query_items(
                tbl,
                KeyConditionExpression=Key("pk").eq(log_pk(bank_id, hour, shard))
                & Key("sk").between(iso(since), iso(until) + "~"),
            )
            calls += [BankCall.model_validate(i) for i in items]
        hour += timedelta(hours=1)
    calls.sort(key=lambda c: c.at, reverse=True)
    return calls
