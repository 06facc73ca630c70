"""Starting a full refresh: take the user's lock, create the sync record, start the execution.

Used by `POST /api/sync/full-refresh` and by the scheduled fan-out, so both follow one rule: at
most one refresh per user runs at a time, decided by the lock's conditional write alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from finpulse.config import settings
from finpulse.data import sync_records as records
from finpulse.data.sync_records import Source
from finpulse.sync.refresh import lock

# Banks synced this recently are skipped unless forced: a user pressing "refresh" twice within a
# few minutes gets the data already fetched instead of a second round of bank calls.
API_FRESH_FOR = timedelta(minutes=5)


@dataclass(frozen=True)
class Started:
    sync_id: str
    execution_arn: str


def _sfn() -> Any:
    import boto3

    return boto3.client("stepfunctions")


def execution_input(
    user_id: str,
    lease: lock.Lease,
    *,
    force: bool,
    include_dashboard: bool,
    source: Source,
    fresh_for: timedelta,
) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "sync_id": lease.owner,
        "fence": lease.fence,
        "force": force,
        "include_dashboard": include_dashboard,
        "source": source,
        "fresh_for_seconds": int(fresh_for.total_seconds()),
    }


def execution_name(sync_id: str, user_id: str) -> str:
    """The refresh's execution name: unique per state machine for 90 days, as the sync id is per
    user; the user appears only as a digest."""
    return f"{sync_id}-{hashlib.sha256(user_id.encode()).hexdigest()[:12]}"


def start_full_refresh(
    user_id: str,
    *,
    force: bool = False,
    include_dashboard: bool = False,
    source: Source = "api",
    fresh_for: timedelta = API_FRESH_FOR,
    state_machine_arn: str | None = None,
) -> Started:
    """Raises `lock.LockHeld` (with the running sync id) when a refresh is already running."""
    sync_id = records.new_sync_id()
    lease = lock.acquire(user_id, sync_id)
    try:
        records.create(user_id, sync_id, source=source, force=force, include_dashboard=include_dashboard)
        payload = execution_input(
            user_id,
            lease,
            force=force,
            include_dashboard=include_dashboard,
            source=source,
            fresh_for=fresh_for,
        )
        started = _sfn().start_execution(
            stateMachineArn=state_machine_arn or settings().state_machine_arn,
            name=execution_name(sync_id, user_id),
            input=json.dumps(payload),
        )
    except Exception:
        lock.release(lease)  # nothing runs under this lock: free it for the next attempt
        raise
    return Started(sync_id=sync_id, execution_arn=str(started["executionArn"]))
