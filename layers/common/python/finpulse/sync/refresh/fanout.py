"""The scheduled refresh: find every user with a live account consent and start their full
refresh, at a bounded rate, skipping users whose data is fresh or whose refresh is running.

The schedule starts the full-refresh state machine with `{"source": "schedule"}`; its first state
routes that input here. One invocation handles one page of the consents table (a Scan page) and
returns a cursor; the state machine loops until the cursor is exhausted, so no invocation runs
near Lambda's limit however many users there are, and a failed page is retried alone.

The rate bound is `FANOUT_STARTS_PER_SECOND` (default 20): it caps how fast new executions — and
with them per-bank Lambdas and bank requests — are added, which is what rate-limited banks and
the account's Lambda concurrency need (docs/SCALING.md).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from finpulse import clock
from finpulse.config import settings
from finpulse.consents.records import ConsentRecord
from finpulse.data import freshness
from finpulse.observability import logger
from finpulse.storage.dynamo import table
from finpulse.storage.keys import CONSENT_PREFIX
from finpulse.sync.refresh import lock
from finpulse.sync.refresh.start import start_full_refresh

# A user synced within this long is not due: the schedule runs every 6 hours with a 15-minute
# flexible window, so "fresher than the interval" is counted with that window taken off.
DEFAULT_FRESH_FOR = timedelta(hours=5, minutes=45)
PAGE_ITEMS = 500


def _rate() -> float:
    return max(0.1, float(os.environ.get("FANOUT_STARTS_PER_SECOND", "20")))


def _fresh_for() -> timedelta:
    raw = os.environ.get("SYNC_FRESH_FOR_SECONDS")
    return timedelta(seconds=int(raw)) if raw else DEFAULT_FRESH_FOR


def users_page(cursor: dict[str, Any] | None) -> tuple[list[str], dict[str, Any] | None]:
    """User ids with a live account consent in one Scan page, and the cursor to the next page."""
    from boto3.dynamodb.conditions import Attr  # deferred: boto3 costs ~250 ms of import

    now = clock.now()
    kwargs: dict[str, Any] = {
        "FilterExpression": Attr("sk").begins_with(CONSENT_PREFIX)
        & Attr("kind").eq("accounts")
        & Attr("status").eq("approved"),
        "Limit": PAGE_ITEMS,
    }
    if cursor:
        kwargs["ExclusiveStartKey"] = cursor
    page = table(settings().consents_table).scan(**kwargs)
    users: list[str] = []
    for item in page.get("Items", []):
        record = ConsentRecord.model_validate({k: v for k, v in item.items() if k not in ("pk", "sk")})
        if record.live(now) and record.user_id not in users:
            users.append(record.user_id)
    return users, page.get("LastEvaluatedKey")


def _is_fresh(user_id: str, fresh_for: timedelta) -> bool:
    from finpulse.sync.pipeline.connection import connections

    banks = [c.bank_id for c in connections(user_id)]
    if not banks:
        return True  # nothing to sync
    since = clock.now() - fresh_for
    return all(
        not s.stale and s.last_success_at is not None and s.last_success_at >= since
        for s in freshness.for_banks(user_id, banks)
    )


def fan_out(
    event: dict[str, Any], *, state_machine_arn: str, sleep: Callable[[float], None] = time.sleep
) -> dict[str, Any]:
    """One page: start due users' refreshes at the bounded rate; return the loop's next input."""
    cursor = event.get("cursor")
    users, next_cursor = users_page(cursor if isinstance(cursor, dict) else None)
    fresh_for, interval = _fresh_for(), 1.0 / _rate()
    started = skipped_fresh = skipped_running = failed = 0
    for user_id in users:
        if _is_fresh(user_id, fresh_for):
            skipped_fresh += 1
            continue
        began = time.monotonic()
        try:
            start_full_refresh(
                user_id, source="schedule", fresh_for=fresh_for, state_machine_arn=state_machine_arn
            )
            started += 1
        except lock.LockHeld:
            skipped_running += 1
            continue
        except Exception:
            # One user's failure (throttled StartExecution, say) must not stop everyone's refresh.
            failed += 1
            logger.exception("scheduled refresh not started")
        sleep(max(0.0, interval - (time.monotonic() - began)))
    totals = dict(event.get("totals") or {})
    for key, value in (
        ("users", len(users)),
        ("started", started),
        ("skipped_fresh", skipped_fresh),
        ("skipped_running", skipped_running),
        ("failed", failed),
    ):
        totals[key] = int(totals.get(key, 0)) + value
    logger.info("scheduled refresh page", extra=totals)
    return {"source": "schedule", "cursor": next_cursor, "done": next_cursor is None, "totals": totals}
