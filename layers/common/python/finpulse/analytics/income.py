"""Income: recurring inflows (detected or stated by the user) and the next income date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from finpulse.analytics.dates import monthly_dates
from finpulse.analytics.money import ZERO, kop, kop_or_none
from finpulse.analytics.recurrence import PAYMENTS_PER_MONTH, Occurrence, Series, detect
from finpulse.analytics.results import Income, IncomeStream
from finpulse.domain import FinancialInputs

StreamCadence = Literal["monthly", "twice_monthly", "biweekly", "unknown"]
USER_LABEL = "Зарплата"
_LOOKAHEAD_DAYS = 62
"""Far enough ahead to contain the next occurrence of every cadence."""


@dataclass(frozen=True, slots=True)
class Stream:
    label: str
    source: Literal["detected", "user"]
    cadence: StreamCadence
    amount: Decimal | None
    per_month: Decimal
    series: Series | None = None
    paydays: tuple[int, ...] = ()
    monthly_override: Decimal | None = None

    @property
    def monthly_amount(self) -> Decimal | None:
        if self.monthly_override is not None:
            return self.monthly_override
        return None if self.amount is None else self.amount * self.per_month

    @property
    def bank_id(self) -> str | None:
        if self.source != "detected" or self.series is None or self.series.account is None:
            return None
        return self.series.account[0]

    @property
    def has_dates(self) -> bool:
        return bool(self.paydays) or self.series is not None

    def dates_between(self, start: date, end: date) -> list[date]:
        if self.paydays:
            found: set[date] = set()
            for day in self.paydays:
                found.update(monthly_dates(day, start, end))
            return sorted(found)
        if self.series is not None:
            return self.series.dates_between(start, end)
        return []


@dataclass(frozen=True, slots=True)
class IncomeFigures:
    output: Income
    streams: tuple[Stream, ...]
    next_date: date | None
    monthly_total: Decimal
    regularity: Literal["regular", "irregular", "none"]

    def incomes_between(self, start: date, end: date) -> list[tuple[date, Decimal | None, str]]:
        events = [(d, s.amount, s.label) for s in self.streams for d in s.dates_between(start, end)]
        return sorted(events, key=lambda e: (e[0], e[2], e[1] or ZERO))


def _cadence_for_paydays(count: int) -> StreamCadence:
    return "monthly" if count == 1 else "twice_monthly" if count == 2 else "unknown"


def _streams(detected: list[Series], inputs: FinancialInputs) -> list[Stream]:
    primary = max(detected, key=lambda s: (s.monthly_amount, s.label), default=None)
    if inputs.paydays:
        count = len(inputs.paydays)
        if inputs.salary is not None:
            amount: Decimal | None = kop(inputs.salary / count)
            monthly: Decimal | None = inputs.salary
        elif primary is not None:
            monthly = primary.monthly_amount
            amount = kop(monthly / count)
        else:
            amount = monthly = None
        return [
            Stream(
                label=USER_LABEL,
                source="user",
                cadence=_cadence_for_paydays(count),
                amount=amount,
                per_month=Decimal(count),
                paydays=inputs.paydays,
                monthly_override=monthly,
            )
        ]
    if inputs.salary is not None:
        if primary is None:
            return [
                Stream(
                    USER_LABEL, "user", "unknown", inputs.salary, Decimal(1), monthly_override=inputs.salary
                )
            ]
        per_month = PAYMENTS_PER_MONTH[primary.cadence]
        return [
            Stream(
                label=USER_LABEL,
                source="user",
                cadence=primary.cadence.value,
                amount=kop(inputs.salary / per_month),
                per_month=per_month,
                series=primary,
                monthly_override=inputs.salary,
            )
        ]
    return [
        Stream(s.label, "detected", s.cadence.value, s.amount, PAYMENTS_PER_MONTH[s.cadence], series=s)
        for s in detected
    ]


def compute_income(
    groups: Mapping[str, list[Occurrence]],
    inputs: FinancialInputs,
    today: date,
    had_inflows: bool,
    average_inflow: Decimal,
) -> IncomeFigures:
    """`average_inflow`: mean monthly inflow of recent complete months, the income proxy when
    nothing recurs (a freelancer is paid, just not on a cadence)."""
    detected = [s for s in detect(groups, today, per_account=True) if s.cadence in PAYMENTS_PER_MONTH]
    streams = _streams(detected, inputs)
    start, end = today + timedelta(days=1), today + timedelta(days=_LOOKAHEAD_DAYS)
    next_by_stream = {id(s): next(iter(s.dates_between(start, end)), None) for s in streams}
    upcoming = [d for d in next_by_stream.values() if d is not None]
    next_date = min(upcoming) if upcoming else None
    amounts = [s.amount for s in streams if next_by_stream[id(s)] == next_date and next_date is not None]
    next_amount = sum((a for a in amounts if a is not None), ZERO) if amounts else None
    monthly_values = [s.monthly_amount for s in streams if s.monthly_amount is not None]
    regularity: Literal["regular", "irregular", "none"]
    if any(s.has_dates for s in streams):
        regularity = "regular"
    elif streams or had_inflows:
        regularity = "irregular"
    else:
        regularity = "none"
    monthly_total = sum(monthly_values, ZERO) if monthly_values else average_inflow
    if regularity == "none":
        monthly_total = ZERO
    output = Income(
        streams=[
            IncomeStream(
                label=s.label,
                bank_id=s.bank_id,
                source=s.source,
                cadence=s.cadence,
                amount=kop_or_none(s.amount),
                monthly_amount=kop_or_none(s.monthly_amount),
                next_date=next_by_stream[id(s)],
                last_date=s.series.last_date if s.series else None,
                occurrences=s.series.count if s.series else 0,
            )
            for s in streams
        ],
        next_date=next_date,
        next_amount=kop_or_none(next_amount),
        monthly_total=kop(monthly_total),
        regularity=regularity,
    )
    return IncomeFigures(output, tuple(streams), next_date, monthly_total, regularity)
