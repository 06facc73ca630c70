"""After a completed payment: re-sync the banks it touched (debtor and creditor), so balances, the
loan's outstanding amount and the next MDP reflect it within seconds (PaymentEffectsFunction,
invoked asynchronously by whoever completed the payment).

The sync runs under the user's sync lock, as any sync does; a running full refresh is waited for
(it releases the lock within seconds) up to the function's time budget.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.observability import logger
from finpulse.payments import store
from finpulse.sync import lock, records
from finpulse.sync.bank_sync import BankSync, SyncOptions
from finpulse.sync.connection import connections

LOCK_WAIT_SLEEP = 1.0


def _acquire(user_id: str, owner: str, deadline: Deadline) -> lock.Lease | None:
    lease = timedelta(seconds=deadline.remaining() + 30)
    while True:
        try:
            return lock.acquire(user_id, owner, lease=lease)
        except lock.LockHeld:
            if deadline.remaining() < 10:
                return None
            time.sleep(LOCK_WAIT_SLEEP)


@flushes_status_log
def resync_after(user_id: str, payment_id: str, remaining_ms: int) -> dict[str, Any]:
    record = store.get(user_id, payment_id)
    if record is None or record.status != "completed":
        return {"synced": [], "reason": "not a completed payment"}
    deadline = Deadline.from_lambda_remaining(remaining_ms, margin=3.0)
    sync_id = records.new_sync_id()
    lease = _acquire(user_id, sync_id, deadline)
    if lease is None:
        logger.warning(
            "re-sync after a payment skipped: the sync lock stayed held", extra={"payment_id": payment_id}
        )
        return {"synced": [], "reason": "lock held"}
    synced: dict[str, str] = {}
    try:
        for bank_id in record.banks:
            found = connections(user_id, bank_id)
            if not found:
                continue
            options = SyncOptions(sync_id=sync_id)
            result = BankSync(user_id, get_bank(bank_id), found[0], options, deadline).run()
            synced[bank_id] = result.outcome
    finally:
        lock.release(lease)
    logger.info("re-synced after a payment", extra={"payment_id": payment_id, "banks": synced})
    return {"synced": synced}
