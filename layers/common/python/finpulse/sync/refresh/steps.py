"""The full refresh's Task steps (the state machine calls one function per step).

plan      the user's banks with live account consents, minus fresh ones unless forced
sync_bank one bank (raises BankTemporarilyUnavailable for the state machine's Retry)
finalise  the summary (fenced), derived caches invalidated, the lock released
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import BaseModel, Field

from finpulse import clock
from finpulse.banks.registry import all_banks
from finpulse.banks.retry import Deadline
from finpulse.data import freshness
from finpulse.data import sync_records as records
from finpulse.data.sync_records import BankError, BankProgress
from finpulse.sync.pipeline.bank_sync import BankSync, SyncOptions
from finpulse.sync.pipeline.connection import connections


class BankTemporarilyUnavailable(Exception):
    """Raised to the state machine so its Retry (backoff with jitter) tries the bank again."""


class StepInput(BaseModel):
    user_id: str = Field(min_length=1)
    sync_id: str = Field(pattern=records.SYNC_ID_PATTERN)
    fence: int = Field(ge=1)
    force: bool = False
    include_dashboard: bool = False
    fresh_for_seconds: int = Field(default=300, ge=0)


class BankStepInput(StepInput):
    bank_id: str


# --- plan ---------------------------------------------------------------------------------
def plan(event: dict[str, Any]) -> dict[str, Any]:
    step = StepInput.model_validate(event)
    configured = {b.bank_id for b in all_banks()}
    connected = [c.bank_id for c in connections(step.user_id) if c.bank_id in configured]
    skipped: list[str] = []
    if not step.force and connected:
        fresh_since = clock.now() - timedelta(seconds=step.fresh_for_seconds)
        for state in freshness.for_banks(step.user_id, connected):
            if not state.stale and state.last_success_at is not None and state.last_success_at >= fresh_since:
                skipped.append(state.bank_id)
    banks = [b for b in connected if b not in skipped]
    records.set_banks(step.user_id, step.sync_id, banks)
    for bank_id in skipped:
        records.set_bank(step.user_id, step.sync_id, BankProgress(bank_id=bank_id, state="skipped"))
    return {"banks": banks, "skipped": skipped}


# --- one bank -----------------------------------------------------------------------------
def sync_bank(event: dict[str, Any], remaining_ms: int) -> dict[str, Any]:
    step = BankStepInput.model_validate(event)
    from finpulse.banks.registry import get_bank

    bank = get_bank(step.bank_id)
    started = clock.now()
    records.set_bank(
        step.user_id, step.sync_id, BankProgress(bank_id=bank.bank_id, state="running", started_at=started)
    )
    found = connections(step.user_id, bank.bank_id)
    if not found:
        progress = BankProgress(
            bank_id=bank.bank_id,
            state="failed",
            started_at=started,
            finished_at=clock.now(),
            error=BankError(code="CONSENT_REQUIRED", message="No live account consent at this bank"),
        )
        freshness.record(
            step.user_id, bank.bank_id, {}, error=("CONSENT_REQUIRED", "No live account consent")
        )
        records.set_bank(step.user_id, step.sync_id, progress)
        return {"bank_id": bank.bank_id, "outcome": "failed", "error": {"code": "CONSENT_REQUIRED"}}
    # Leave time to store what arrived and answer before Lambda's own timeout.
    deadline = Deadline.from_lambda_remaining(remaining_ms, margin=min(20.0, remaining_ms / 4000))

    def report(counts: dict[str, int]) -> None:
        running = BankProgress(bank_id=bank.bank_id, state="running", started_at=started, counts=counts)
        records.set_bank(step.user_id, step.sync_id, running)

    options = SyncOptions(sync_id=step.sync_id, force=step.force)
    result = BankSync(step.user_id, bank, found[0], options, deadline, progress=report).run()
    records.set_bank(
        step.user_id,
        step.sync_id,
        BankProgress(
            bank_id=bank.bank_id,
            state=result.outcome,
            started_at=result.started_at,
            finished_at=result.finished_at,
            duration_ms=int((result.finished_at - result.started_at).total_seconds() * 1000),
            counts=result.counts,
            error=BankError(code=result.error_code, message=result.error_message or "")
            if result.error_code
            else None,
        ),
    )
    if result.retryable:
        raise BankTemporarilyUnavailable(f"{bank.bank_id}: {result.error_code}: {result.error_message}")
    return result.to_json()
