"""Backoff with full jitter, Retry-After parsing and the deadline rule, exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finpulse.banks.retry import (
    Deadline,
    backoff_ceiling,
    deadline_of,
    full_jitter,
    next_sleep,
    parse_retry_after,
)


def test_ceiling_doubles_from_base_until_the_cap() -> None:
    assert [backoff_ceiling(n, 0.2, 2.0) for n in range(6)] == [0.2, 0.4, 0.8, 1.6, 2.0, 2.0]
    assert backoff_ceiling(10_000, 0.2, 2.0) == 2.0  # no overflow for absurd retry numbers
    with pytest.raises(ValueError, match="retry"):
        backoff_ceiling(-1, 0.2, 2.0)


@given(retry=st.integers(0, 80), rand=st.floats(0, 1, exclude_max=True))
def test_full_jitter_is_uniform_between_zero_and_the_ceiling(retry: int, rand: float) -> None:
    delay = full_jitter(retry, 0.1, 3.0, lambda: rand)
    assert 0 <= delay <= backoff_ceiling(retry, 0.1, 3.0)
    assert delay == pytest.approx(rand * backoff_ceiling(retry, 0.1, 3.0))


def test_retry_after_as_seconds_http_date_or_garbage() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after(format_datetime(now + timedelta(seconds=7), usegmt=True), now) == 7.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=7), usegmt=True), now) == 0.0
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("") is None
    assert parse_retry_after("soon") is None


def _sleep(**overrides: object) -> float | None:
    args: dict[str, object] = {
        "retry": 0,
        "status": 503,
        "retry_after": None,
        "base": 0.2,
        "cap": 2.0,
        "retry_after_cap": 5.0,
        "remaining": 10.0,
        "rand": lambda: 0.5,
    }
    return next_sleep(**(args | overrides))  # type: ignore[arg-type]


def test_429_waits_exactly_retry_after_when_the_deadline_allows() -> None:
    assert _sleep(status=429, retry_after=2.0) == 2.0


def test_429_gives_up_when_retry_after_overruns_the_deadline_or_the_cap() -> None:
    assert _sleep(status=429, retry_after=3.0, remaining=2.9) is None
    assert _sleep(status=429, retry_after=6.0, remaining=60.0) is None


def test_429_without_retry_after_and_5xx_use_jitter() -> None:
    assert _sleep(status=429) == pytest.approx(0.1)
    assert _sleep(status=503, retry=2) == pytest.approx(0.4)


def test_no_retry_when_the_jittered_sleep_would_eat_the_deadline() -> None:
    assert _sleep(retry=3, remaining=0.5, rand=lambda: 0.99) is None


def test_deadline_from_a_lambda_context_keeps_a_margin() -> None:
    class Context:
        def get_remaining_time_in_millis(self) -> int:
            return 5000

    deadline = deadline_of(Context(), margin=1.0)
    assert 3.9 < deadline.remaining() <= 4.0
    assert 7.9 < deadline_of(object(), fallback=8.0).remaining() <= 8.0
    assert Deadline.after(0).expired()
