"""The full refresh's last step: summary (fenced), a new data version signalled, lock released.

The summary, the data-version bump and the fence check are one DynamoDB transaction: if another
sync took the user's lock over (this one stalled past its lease), the check fails and nothing of
this sync's summary lands — the record is marked `superseded` instead, and the lock, which is no
longer ours, is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from finpulse import clock
from finpulse.data import freshness, versioning
from finpulse.data import sync_records as records
from finpulse.data.sync_records import BankError, BankProgress, SyncRecord, SyncState
from finpulse.observability import logger
from finpulse.sync.refresh import lock
from finpulse.sync.refresh.steps import StepInput

_FINAL_BANK_STATES = ("ok", "partial", "failed", "skipped")


def _branch_results(event: dict[str, Any]) -> list[dict[str, Any]]:
    branch = event.get("branch")
    if isinstance(branch, list) and branch and isinstance(branch[0], dict):
        results = branch[0].get("results")
        if isinstance(results, list):
            return [r for r in results if isinstance(r, dict)]
    return []


def _catch_error(result: dict[str, Any]) -> tuple[str, str] | None:
    """(Error, Cause) when the state machine's Catch produced this result (the Lambda crashed,
    timed out, or exhausted its retries)."""
    error = result.get("error")
    if isinstance(error, dict) and "Error" in error:
        return str(error["Error"]), str(error.get("Cause") or "")[:300]
    return None


def _settle_banks(user_id: str, record: SyncRecord, event: dict[str, Any], now: datetime) -> None:
    """Banks whose step could not report for itself are marked failed (and stale) here."""
    failure = event.get("failure")
    for result in _branch_results(event):
        caught = _catch_error(result)
        bank_id = str(result.get("bank_id") or "")
        if caught is None or not bank_id:
            continue
        code, cause = caught
        progress = record.banks.get(bank_id)
        if progress is None or progress.state not in ("failed", "partial"):
            # The function never recorded an outcome (crash, timeout): the bank is stale now.
            freshness.record(user_id, bank_id, {}, error=(_code(code), cause or code), at=now)
        record.banks[bank_id] = BankProgress(
            bank_id=bank_id,
            state="failed",
            started_at=progress.started_at if progress else None,
            finished_at=now,
            counts=progress.counts if progress else {},
            error=progress.error
            if progress and progress.error
            else BankError(code=_code(code), message=cause),
        )
    for bank_id, progress in list(record.banks.items()):
        if progress.state not in _FINAL_BANK_STATES:
            message = "The refresh stopped before this bank finished"
            if isinstance(failure, dict):
                message = f"{message}: {failure.get('Error', 'error')}"
            record.banks[bank_id] = progress.model_copy(
                update={
                    "state": "failed",
                    "finished_at": now,
                    "error": BankError(code="SYNC_ABORTED", message=message),
                }
            )


def _code(error_name: str) -> str:
    return {
        "BankTemporarilyUnavailable": "BANK_UNAVAILABLE",
        "States.Timeout": "SYNC_TIMEOUT",
        "Sandbox.Timedout": "SYNC_TIMEOUT",
    }.get(error_name, "SYNC_FAILED")


def _state(record: SyncRecord, event: dict[str, Any]) -> SyncState:
    if event.get("failure"):
        return "failed"
    states = [b.state for b in record.banks.values()]
    if any(s in ("failed", "partial") for s in states):
        return "partial"
    return "succeeded"


def finalise(event: dict[str, Any], on_new_version: Callable[[str], object] | None = None) -> dict[str, Any]:
    step = StepInput.model_validate(event)
    now = clock.now()
    record = records.get(step.user_id, step.sync_id)
    if record is None:  # the API created it before starting us: only a bug or a purge gets here
        raise LookupError(f"sync record {step.sync_id} is missing")
    _settle_banks(step.user_id, record, event, now)
    totals: dict[str, int] = {}
    for progress in record.banks.values():
        for key, value in progress.counts.items():
            totals[key] = totals.get(key, 0) + value
    failure = event.get("failure")
    record = record.model_copy(
        update={
            "state": _state(record, event),
            "finished_at": now,
            "duration_ms": int((now - record.started_at).total_seconds() * 1000),
            "totals": totals,
            "error": BankError(code=str(failure.get("Error")), message=str(failure.get("Cause") or "")[:300])
            if isinstance(failure, dict)
            else None,
        }
    )
    lease = lock.Lease(user_id=step.user_id, owner=step.sync_id, fence=step.fence, expires_at=now)
    reason = f"full-refresh:{step.sync_id}"
    if not records.finish_fenced(step.user_id, record, lock.fence_check(lease), reason):
        logger.warning("sync superseded by a newer lock holder", extra={"sync_id": step.sync_id})
        records.save(step.user_id, record.model_copy(update={"state": "superseded"}))
        return {"sync_id": step.sync_id, "state": "superseded"}
    version = versioning.current_version(step.user_id)
    records.set_data_version(step.user_id, step.sync_id, version)
    if step.include_dashboard and on_new_version is not None:
        _signal(on_new_version, step.user_id)
    released = lock.release(lease)
    logger.info(
        "full refresh finished",
        extra={"sync_id": step.sync_id, "state": record.state, "released": released, **totals},
    )
    return {"sync_id": step.sync_id, "state": record.state, "data_version": version, "totals": totals}


def _signal(on_new_version: Callable[[str], object], user_id: str) -> None:
    """`include_dashboard`: tell whoever derives results from the data (the handler wires the
    dashboard) that a new data version is in place — the bump alone already made old results
    invalid. A failure there is logged and never fails the refresh: the result is then computed on
    its next read."""
    try:
        on_new_version(user_id)
    except Exception:
        logger.exception("derived results not recomputed after the refresh")
