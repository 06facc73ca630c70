"""After a completed payment: re-sync the banks it touched (debtor and creditor), so balances, the
loan's outstanding amount and the next MDP reflect it within seconds (PaymentEffectsFunction,
invoked asynchronously by whoever completed the payment).

The sync runs under the user's sync lock, as any sync does; a running sync is waited for (a full
refresh releases the lock within seconds) up to `PAYMENT_RESYNC_LOCK_WAIT`; past that the re-sync
is left to the next refresh.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.data import sync_records as records
from finpulse.observability import logger
from finpulse.payments import store
from finpulse.payments.tuning import tuning
from finpulse.sync.pipeline.bank_sync import BankSync, SyncOptions
from finpulse.sync.pipeline.connection import connections
from finpulse.sync.refresh import lock

LOCK_WAIT_SLEEP = 1.0


def sync_banks(user_id: str, banks: list[str], sync_id: str, deadline: Deadline) -> dict[str, str]:
    """Sync these banks of the user now (the caller holds the user's sync lock)."""
    synced: dict[str, str] = {}
    for bank_id in banks:
        found = connections(user_id, bank_id)
        if found and deadline.remaining() > 5:
            result = BankSync(
                user_id, get_bank(bank_id), found[0], SyncOptions(sync_id=sync_id), deadline
            ).run()
            synced[bank_id] = result.outcome
    return synced


def _acquire(user_id: str, owner: str, deadline: Deadline) -> lock.Lease | None:
    lease = timedelta(seconds=deadline.remaining() + 30)
    give_up = time.monotonic() + tuning().resync_lock_wait.total_seconds()
    while True:
        try:
            return lock.acquire(user_id, owner, lease=lease)
        except lock.LockHeld:
            if deadline.remaining() < 10 or time.monotonic() >= give_up:
                return None
            time.sleep(LOCK_WAIT_SLEEP)


def locked_sync(user_id: str, banks: list[str], deadline: Deadline) -> dict[str, str] | None:
    """Sync these banks under the user's sync lock (waiting for a running sync, as above); None
    when the lock stayed held (the next refresh syncs them)."""
    sync_id = records.new_sync_id()
    lease = _acquire(user_id, sync_id, deadline)
    if lease is None:
        return None
    try:
        return sync_banks(user_id, banks, sync_id, deadline)
    finally:
        lock.release(lease)


@flushes_status_log
def resync_after(user_id: str, payment_id: str, remaining_ms: int) -> dict[str, Any]:
    record = store.get(user_id, payment_id)
    if record is None or record.status != "completed":
        return {"synced": [], "reason": "not a completed payment"}
    deadline = Deadline.from_lambda_remaining(remaining_ms, margin=3.0)
    synced = locked_sync(user_id, record.banks, deadline)
    if synced is None:
        logger.warning(
            "re-sync after a payment skipped: the sync lock stayed held", extra={"payment_id": payment_id}
        )
        return {"synced": [], "reason": "lock held"}
    logger.info("re-synced after a payment", extra={"payment_id": payment_id, "banks": synced})
    return {"synced": synced}
