"""The dashboard's clock: the user's local date. One place, so tests can pin "today"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def now() -> datetime:
    return datetime.now(UTC)


def local_today(timezone: str) -> date:
    # The engine never reads a clock; the day it computes for is decided here, in the user's zone
    # (23:30 UTC is already tomorrow in Moscow, and safe-to-spend must use Moscow's day).
    return now().astimezone(ZoneInfo(timezone)).date()
