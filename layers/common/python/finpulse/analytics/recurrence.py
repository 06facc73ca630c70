"""Recurring money: one detector for incomes and bills (amount similarity + cadence)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from finpulse.analytics import constants as c
from finpulse.analytics.dates import monthly_dates
from finpulse.analytics.money import ONE, kop, median

TxKey = tuple[str, str, str]


class Cadence(StrEnum):
    MONTHLY = "monthly"
    TWICE_MONTHLY = "twice_monthly"
    BIWEEKLY = "biweekly"


PAYMENTS_PER_MONTH: dict[Cadence, Decimal] = {
    Cadence.MONTHLY: Decimal(1),
    Cadence.TWICE_MONTHLY: Decimal(2),
    Cadence.BIWEEKLY: Decimal(26) / Decimal(12),
}
_WINDOW_MAX = {
    Cadence.MONTHLY: c.MONTHLY_WINDOW[1],
    Cadence.TWICE_MONTHLY: c.TWICE_MONTHLY_WINDOW[1],
    Cadence.BIWEEKLY: c.BIWEEKLY_WINDOW[1],
}


@dataclass(frozen=True, slots=True)
class Occurrence:
    day: date
    amount: Decimal
    """Positive size of the movement, in the base currency."""
    key: TxKey


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    cadence: Cadence
    amount: Decimal
    """Typical amount: median of the last three occurrences, in kopecks."""
    anchors: tuple[int, ...]
    """Days of the month (monthly: one, twice a month: two); empty for biweekly."""
    first_date: date
    last_date: date
    count: int
    members: frozenset[TxKey]
    account: tuple[str, str] | None = None
    """The (bank, account) the series arrives on, when series are told apart by account."""

    @property
    def monthly_amount(self) -> Decimal:
        return self.amount * PAYMENTS_PER_MONTH[self.cadence]

    def dates_between(self, start: date, end: date) -> list[date]:
        """Predicted dates in [start, end) that come after the last seen occurrence."""
        earliest = max(start, self.last_date + timedelta(days=c.MIN_GAP_DAYS[self.cadence.value]))
        if earliest >= end:
            return []
        if self.cadence is Cadence.BIWEEKLY:
            steps = max(1, -(-(earliest - self.last_date).days // 14))
            out: list[date] = []
            current = self.last_date + timedelta(days=14 * steps)
            while current < end:
                out.append(current)
                current += timedelta(days=14)
            return out
        dates: set[date] = set()
        for anchor in self.anchors:
            dates.update(monthly_dates(anchor, earliest, end))
        return sorted(dates)


def _share_inside(intervals: list[int], window: tuple[int, int]) -> Decimal:
    inside = sum(1 for gap in intervals if window[0] <= gap <= window[1])
    return Decimal(inside) / Decimal(len(intervals))


def _median_day(days: list[int]) -> int:
    ordered = sorted(days)
    return ordered[(len(ordered) - 1) // 2]


def _twice_monthly_anchors(dates: list[date]) -> tuple[int, int] | None:
    days = sorted(d.day for d in dates)
    gaps = [(b - a, i) for i, (a, b) in enumerate(pairwise(days))]
    if not gaps:
        return None
    _, split = max(gaps)  # the largest gap separates the two paydays; ties: the later one
    low, high = days[: split + 1], days[split + 1 :]
    if max(low) - min(low) > c.TWICE_MONTHLY_MAX_SPREAD or max(high) - min(high) > c.TWICE_MONTHLY_MAX_SPREAD:
        return None
    first, second = _median_day(low), _median_day(high)
    if second - first < c.TWICE_MONTHLY_MIN_SEPARATION:
        return None
    return first, second


def _classify(dates: list[date]) -> tuple[Cadence, tuple[int, ...]] | None:
    intervals = [(b - a).days for a, b in pairwise(dates)]
    middle = median([Decimal(gap) for gap in intervals])
    if c.MONTHLY_WINDOW[0] <= middle <= c.MONTHLY_WINDOW[1]:
        if _share_inside(intervals, c.MONTHLY_WINDOW) >= c.REGULAR_SHARE:
            return Cadence.MONTHLY, (_median_day([d.day for d in dates]),)
        return None
    if c.TWICE_MONTHLY_WINDOW[0] <= middle <= c.TWICE_MONTHLY_WINDOW[1]:
        anchors = _twice_monthly_anchors(dates)
        if anchors is not None and _share_inside(intervals, c.TWICE_MONTHLY_WINDOW) >= c.REGULAR_SHARE:
            return Cadence.TWICE_MONTHLY, anchors
        if _share_inside(intervals, c.BIWEEKLY_WINDOW) >= c.REGULAR_SHARE:
            return Cadence.BIWEEKLY, ()
    return None


def _clusters(occurrences: list[Occurrence]) -> Iterable[list[Occurrence]]:
    ordered = sorted(occurrences, key=lambda o: (o.amount, o.day, o.key))
    current: list[Occurrence] = []
    ceiling = Decimal(0)
    for item in ordered:
        if current and item.amount <= ceiling:
            current.append(item)
            continue
        if current:
            yield current
        current = [item]
        ceiling = item.amount * (ONE + c.AMOUNT_TOLERANCE)
    if current:
        yield current


def within(groups: Mapping[str, list[Occurrence]], start: date, end: date) -> dict[str, list[Occurrence]]:
    """The occurrences dated in [start, end], by label (labels left empty are dropped)."""
    kept = {label: [o for o in items if start <= o.day <= end] for label, items in groups.items()}
    return {label: items for label, items in kept.items() if items}


def lookback_start(today: date) -> date:
    return today - timedelta(days=c.RECURRENCE_LOOKBACK_DAYS)


def _by_account(occurrences: list[Occurrence]) -> list[tuple[tuple[str, str], list[Occurrence]]]:
    split: dict[tuple[str, str], list[Occurrence]] = {}
    for o in occurrences:
        split.setdefault((o.key[0], o.key[1]), []).append(o)
    return sorted(split.items())


def detect(groups: Mapping[str, list[Occurrence]], today: date, *, per_account: bool = False) -> list[Series]:
    """All active recurring series among `groups` (label → occurrences), in a stable order.

    `per_account`: each account's occurrences form series of their own — money arriving at two
    accounts is two amounts, even with the same label, amount and date (salaries at three banks)."""
    found: list[Series] = []
    for label in sorted(groups):
        parts = _by_account(groups[label]) if per_account else [(None, groups[label])]
        for account, occurrences in parts:
            found += _series(label, occurrences, today, account)
    found.sort(key=lambda s: (s.label, s.account or ("", ""), s.cadence.value, s.amount, s.first_date))
    return found


def _series(
    label: str, occurrences: list[Occurrence], today: date, account: tuple[str, str] | None
) -> list[Series]:
    found: list[Series] = []
    for cluster in _clusters(occurrences):
        dates = sorted({o.day for o in cluster})
        if len(dates) < c.MIN_OCCURRENCES:
            continue
        kind = _classify(dates)
        if kind is None:
            continue
        cadence, anchors = kind
        if (today - dates[-1]).days > _WINDOW_MAX[cadence] + c.ACTIVE_GRACE_DAYS:
            continue
        recent = sorted(cluster, key=lambda o: (o.day, o.key))[-3:]
        found.append(
            Series(
                label=label,
                cadence=cadence,
                amount=kop(median([o.amount for o in recent])),
                anchors=anchors,
                first_date=dates[0],
                last_date=dates[-1],
                count=len(dates),
                members=frozenset(o.key for o in cluster),
                account=account,
            )
        )
    return found
