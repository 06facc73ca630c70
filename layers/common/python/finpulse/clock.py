"""FinPulse's one clock and its one stored time format.

Every module asks `now()` here, so a test can move time for the whole app in one place (lock
expiry, freshness, the user's "today"). Every time FinPulse stores is written by `iso()`: fixed
width UTC with microseconds (`2026-11-20T09:00:00.000000Z`), so string order is time order in sort
keys and in conditions (`last_polled_at < :t`), whatever table holds it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, PlainSerializer

STORED_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """The stored form of a time (a naive time is taken as UTC): `STORED_FORMAT`, cut from
    `isoformat()` — a third of `strftime`'s cost, paid per transaction stored — which also pads
    years below 1000 to four digits, as glibc's `%Y` does not."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    text = moment.isoformat()  # 2026-11-20T09:00:00[.123456]+00:00
    return text[:26] + "Z" if len(text) == 32 else text[:19] + ".000000Z"


def parse_iso(value: str) -> datetime:
    """Any ISO-8601 time (stored by `iso`, or older millisecond stamps) → aware UTC."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcTime = Annotated[datetime, AfterValidator(_aware), PlainSerializer(iso, when_used="json")]
"""A model field holding a time: aware UTC in Python, the stored format in JSON (and so in items)."""


def local_today(timezone: str) -> date:
    # The analytics engine never reads a clock; the day it computes for is decided here, in the
    # user's zone (23:30 UTC is already tomorrow in Moscow, and safe-to-spend must use Moscow's day).
    return now().astimezone(ZoneInfo(timezone)).date()
