"""`GET /api/banks/{bank_id}/bootstrap`: sync one bank now, then answer with what is stored.

The sync runs under the user's lock (a bootstrap and a full refresh never write the same bank at
once) and within the request's time budget; whatever happens at the bank, the answer is the stored
data with its freshness — stale and with the error when the bank failed, never an empty "ok".
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from finpulse import clock
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.data import freshness, txquery
from finpulse.data import sync_records as records
from finpulse.data.sync_records import BankError, BankProgress
from finpulse.data.txquery import TxRange
from finpulse.sync.api import reads
from finpulse.sync.api.models import LATEST_TRANSACTIONS, BootstrapResponse, BootstrapSync, TransactionView
from finpulse.sync.pipeline.bank_sync import BankSync, SyncOptions
from finpulse.sync.pipeline.connection import connections
from finpulse.sync.refresh import lock


def _run(user_id: str, bank_id: str, remaining_ms: int) -> BootstrapSync:
    bank = get_bank(bank_id)
    found = connections(user_id, bank_id)
    if not found:
        missing = BankError(
            code="CONSENT_REQUIRED", message="Connect this bank first: no live account consent"
        )
        return BootstrapSync(outcome="failed", error=missing)
    sync_id = records.new_sync_id()
    budget = timedelta(milliseconds=remaining_ms)
    try:
        lease = lock.acquire(user_id, sync_id, lease=budget + timedelta(seconds=30))
    except lock.LockHeld as held:
        return BootstrapSync(outcome="skipped", running_sync_id=held.owner)
    try:
        record = records.create(user_id, sync_id, source="bootstrap", force=True, include_dashboard=False)
        deadline = Deadline.from_lambda_remaining(remaining_ms, margin=3.0)
        result = BankSync(user_id, bank, found[0], SyncOptions(sync_id=sync_id, force=True), deadline).run()
        error = (
            BankError(code=result.error_code, message=result.error_message or "")
            if result.error_code
            else None
        )
        progress = BankProgress(
            bank_id=bank_id,
            state=result.outcome,
            started_at=result.started_at,
            finished_at=result.finished_at,
            duration_ms=int((result.finished_at - result.started_at).total_seconds() * 1000),
            counts=result.counts,
            error=error,
        )
        now = clock.now()
        state: Any = {"ok": "succeeded", "partial": "partial", "failed": "failed"}[result.outcome]
        records.save(
            user_id,
            record.model_copy(
                update={
                    "state": state,
                    "finished_at": now,
                    "duration_ms": int((now - record.started_at).total_seconds() * 1000),
                    "banks": {bank_id: progress},
                    "totals": result.counts,
                }
            ),
        )
        return BootstrapSync(
            sync_id=sync_id,
            outcome=result.outcome,
            types=dict(result.types),
            counts=result.counts,
            error=error,
        )
    finally:
        lock.release(lease)


def bootstrap(user_id: str, bank_id: str, remaining_ms: int) -> BootstrapResponse:
    sync = _run(user_id, bank_id, remaining_ms)
    accounts, _ = reads.accounts(user_id, bank_id)
    agreements, _ = reads.agreements(user_id, bank_id)
    latest, _ = txquery.query(user_id, TxRange(bank_id=bank_id), limit=LATEST_TRANSACTIONS, cursor=None)
    return BootstrapResponse(
        bank_id=bank_id,
        sync=sync,
        freshness=freshness.get(user_id, bank_id),
        accounts=accounts,
        agreements=agreements,
        transactions=[TransactionView.of(t) for t in latest],
    )
