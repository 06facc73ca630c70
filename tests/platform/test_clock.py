"""The one stored time format: `clock.iso` is fixed width UTC with microseconds, whatever it is given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from finpulse import clock

MOSCOW = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("moment", "stored"),
    [
        (datetime(2026, 11, 20, 9, 0, tzinfo=UTC), "2026-11-20T09:00:00.000000Z"),
        (datetime(2026, 11, 20, 9, 0, 0, 120, tzinfo=UTC), "2026-11-20T09:00:00.000120Z"),
        (datetime(2026, 11, 20, 9, 0, 0, 999999), "2026-11-20T09:00:00.999999Z"),  # naive: UTC
        (datetime(2026, 1, 1, 2, 30, 5, 7, tzinfo=MOSCOW), "2025-12-31T23:30:05.000007Z"),
        (datetime(999, 1, 2, tzinfo=UTC), "0999-01-02T00:00:00.000000Z"),  # still fixed width
    ],
)
def test_iso_is_fixed_width_utc_and_parses_back(moment: datetime, stored: str) -> None:
    assert clock.iso(moment) == stored
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    assert clock.parse_iso(stored) == aware
    if moment.year >= 1000:
        assert stored == aware.astimezone(UTC).strftime(clock.STORED_FORMAT)
