"""Recurring bills: subscriptions and regular payments, found by the income detector's rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.money import kop
from finpulse.analytics.recurrence import Occurrence, Series, TxKey, detect
from finpulse.analytics.results import Bill


@dataclass(frozen=True, slots=True)
class BillFigures:
    output: list[Bill]
    series: tuple[Series, ...]
    categories: dict[str, str]

    @property
    def members(self) -> frozenset[TxKey]:
        return frozenset().union(*(s.members for s in self.series))

    def due_between(self, today: date, end: date) -> list[tuple[date, Decimal, str]]:
        """Expected bill payments in [today, end). One expected within the last few days and not
        seen yet is late, not skipped: it counts as due today."""
        start = today - timedelta(days=c.BILL_LATE_GRACE_DAYS)
        out = [
            (max(day, today), s.amount, s.label) for s in self.series for day in s.dates_between(start, end)
        ]
        return sorted(out, key=lambda e: (e[0], e[2], e[1]))


def compute_bills(
    groups: Mapping[str, list[Occurrence]], categories: dict[str, str], today: date
) -> BillFigures:
    series = tuple(detect(groups, today))
    rows = []
    for s in series:
        upcoming = s.dates_between(today - timedelta(days=c.BILL_LATE_GRACE_DAYS), today + timedelta(days=62))
        rows.append(
            Bill(
                label=s.label,
                category=categories.get(s.label, "other"),
                cadence=s.cadence.value,
                amount=kop(s.amount),
                monthly_amount=kop(s.monthly_amount),
                next_date=max(upcoming[0], today) if upcoming else None,
                last_date=s.last_date,
                occurrences=s.count,
            )
        )
    return BillFigures(rows, series, categories)
