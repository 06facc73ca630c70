"""Payment timings, from the environment with production defaults (tests shorten them here)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from functools import cache


def _seconds(name: str, default: float) -> timedelta:
    raw = os.environ.get(name)
    return timedelta(seconds=float(raw) if raw else default)


@dataclass(frozen=True, slots=True)
class PaymentTuning:
    # An open payment is asked about at the bank at most this often by status reads.
    poll_interval: timedelta
    # Longer than any request can live (API Gateway's 30 s): a payment `submitting` for longer was
    # abandoned by a dead process, and an unused consent this old is fenced off (revoked).
    unknown_grace: timedelta
    # A payment still `created` after this was never sent: it fails, nothing was paid.
    abandon_after: timedelta
    # A retry that finds the same key in flight waits this long for its answer before a 409.
    in_flight_wait: timedelta
    # The re-sync after a payment waits this long for a running sync to release the user's lock.
    resync_lock_wait: timedelta


@cache
def tuning() -> PaymentTuning:
    """Read once per process; tests that change the environment call `tuning.cache_clear()`."""
    return PaymentTuning(
        poll_interval=_seconds("PAYMENT_POLL_INTERVAL", 5.0),
        unknown_grace=_seconds("PAYMENT_UNKNOWN_GRACE", 120.0),
        abandon_after=_seconds("PAYMENT_ABANDON_AFTER", 900.0),
        in_flight_wait=_seconds("PAYMENT_IN_FLIGHT_WAIT", 8.0),
        resync_lock_wait=_seconds("PAYMENT_RESYNC_LOCK_WAIT", 60.0),
    )
