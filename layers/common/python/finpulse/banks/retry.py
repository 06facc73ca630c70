"""Retry arithmetic, free of I/O so it can be tested exactly.

Backoff is exponential with *full jitter* (AWS Architecture Blog, "Exponential Backoff And
Jitter"): the sleep before retry n is uniform in [0, min(cap, base * 2**n)]. Full jitter spreads
the retries of many clients that failed together, which is what a throttled bank needs.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Statuses worth retrying: the bank may answer differently next time.
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


def backoff_ceiling(retry: int, base: float, cap: float) -> float:
    """Upper bound of the sleep before retry number `retry` (0 for the first retry)."""
    if retry < 0:
        raise ValueError("retry must be >= 0")
    # min() before the power would overflow for large retry numbers.
    return min(cap, base * float(2 ** min(retry, 62)))


def full_jitter(retry: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    return rand() * backoff_ceiling(retry, base, cap)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent/garbage."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds or seconds < 0:  # NaN or in the past: retry now
        return 0.0
    return seconds


@dataclass(frozen=True, slots=True)
class Deadline:
    """The moment (monotonic clock) by which the caller needs an answer."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    @classmethod
    def from_lambda_remaining(cls, remaining_ms: int, margin: float = 1.0) -> Deadline:
        """Leave `margin` seconds to store results and answer before Lambda's own timeout."""
        return cls.after(max(0.0, remaining_ms / 1000.0 - margin))

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        return self.remaining() <= 0.0


def next_sleep(
    *,
    retry: int,
    status: int | None,
    retry_after: float | None,
    base: float,
    cap: float,
    retry_after_cap: float,
    remaining: float,
    rand: Callable[[], float] = random.random,
) -> float | None:
    """How long to sleep before retry number `retry`, or None when no retry fits the deadline.

    A 429's Retry-After is honoured as given (the bank said when); if that would overrun the
    deadline or exceed `retry_after_cap`, we stop instead of hammering the bank early.
    """
    if status == 429 and retry_after is not None:
        if retry_after > retry_after_cap or retry_after >= remaining:
            return None
        return retry_after
    delay = full_jitter(retry, base, cap, rand)
    # Keep room for the retry itself: a sleep that eats the whole deadline is pointless.
    if delay >= remaining:
        return None
    return delay


def deadline_of(context: object, margin: float = 1.0, fallback: float = 8.0) -> Deadline:
    """The deadline of a Lambda invocation (its remaining time minus `margin`); `fallback` s without one."""
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    if callable(remaining):
        return Deadline.from_lambda_remaining(int(remaining()), margin)
    return Deadline.after(fallback)
