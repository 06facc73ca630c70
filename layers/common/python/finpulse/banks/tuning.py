"""Knobs of bank calls, from the environment with production defaults.

Tests shorten sleeps and intervals here (`BANK_RETRY_BASE_DELAY=0.01`, ...) instead of mocking
time: the code under test runs the same path with smaller numbers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw else default


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True, slots=True)
class Tuning:
    connect_timeout: float
    read_timeout: float
    max_attempts: int
    retry_base_delay: float
    retry_max_delay: float
    # A Retry-After longer than this is not waited for even if the deadline allows it.
    retry_after_cap: float
    # A token is refreshed once it has lived this share of its lifetime (or is within 5 minutes
    # of expiry, whichever comes first); it is never used within `token_skew` of its expiry.
    token_refresh_ratio: float
    token_skew: float
    token_lease_seconds: float
    token_wait_poll: float
    jwks_max_age: float
    # Pending consents are re-polled at the bank at most this often by status reads (automatic
    # polling); an explicit refresh, the user pressing "check", polls at once.
    consent_poll_interval: float
    near_expiry_days: int
    # The bank status summary is written at most this often per bank and process while calls
    # succeed (errors are written at once); counts in between are carried in memory.
    status_flush_interval: float
    status_shards: int


@cache
def tuning() -> Tuning:
    """Read once per process. Tests that change the environment call `tuning.cache_clear()`."""
    return Tuning(
        connect_timeout=_float("BANK_CONNECT_TIMEOUT", 3.0),
        read_timeout=_float("BANK_READ_TIMEOUT", 8.0),
        max_attempts=_int("BANK_RETRY_MAX_ATTEMPTS", 4),
        retry_base_delay=_float("BANK_RETRY_BASE_DELAY", 0.2),
        retry_max_delay=_float("BANK_RETRY_MAX_DELAY", 2.0),
        retry_after_cap=_float("BANK_RETRY_AFTER_CAP", 5.0),
        token_refresh_ratio=_float("BANK_TOKEN_REFRESH_RATIO", 0.8),
        token_skew=_float("BANK_TOKEN_SKEW", 5.0),
        token_lease_seconds=_float("BANK_TOKEN_LEASE_SECONDS", 15.0),
        token_wait_poll=_float("BANK_TOKEN_WAIT_POLL", 0.05),
        jwks_max_age=_float("BANK_JWKS_MAX_AGE", 3600.0),
        consent_poll_interval=_float("CONSENT_POLL_INTERVAL", 15.0),
        near_expiry_days=_int("CONSENT_NEAR_EXPIRY_DAYS", 7),
        status_flush_interval=_float("BANK_STATUS_FLUSH_INTERVAL", 5.0),
        status_shards=_int("BANK_STATUS_SHARDS", 8),
    )
