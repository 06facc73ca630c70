"""A clock for tests that run the app on another date: it reads the given time now and then runs
on at real speed (a frozen clock would stop the app's own rate limits, such as consent polling,
from ever letting time pass)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime


def running_from(moment: datetime) -> Callable[[], datetime]:
    offset = moment - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset
