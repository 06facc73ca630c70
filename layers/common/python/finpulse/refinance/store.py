"""Refinances in the payments table (the money-moving actions' table), beside payments:

pk USER#<sub>  sk REFI#<refinance id>    d (the record as JSON), status, version
pk USER#<sub>  sk RKEY#<idem. key>       record_id, request_hash, ttl (+31 days)
"""

from __future__ import annotations

from datetime import datetime

from finpulse.config import settings
from finpulse.payments.ids import PAYMENT_ID_PATTERN, new_payment_id
from finpulse.refinance.records import RefinanceRecord
from finpulse.storage.versioned import KeyTaken, Stale, VersionedStore

__all__ = ["REFINANCE_ID_PATTERN", "KeyTaken", "Stale", "new_refinance_id", "refinances"]

REFINANCE_ID_PATTERN = PAYMENT_ID_PATTERN.replace("^pay-", "^refi-")

refinances = VersionedStore(
    lambda: settings().payments_table, "REFI", "RKEY", RefinanceRecord, lambda r: r.refinance_id
)


def new_refinance_id(now: datetime) -> str:
    return "refi-" + new_payment_id(now).removeprefix("pay-")
