"""A deposit's interest by its product's terms (pure): what the quote and the close quote show.

The catalogs publish one annual rate and the longest term, and no capitalisation: interest is
simple, on the amount, for the actual days from opening to maturity, on a 365-day year:

    maturity = opening day + term months (the last day of the month if that day does not exist)
    interest = amount × rate / 100 × days / 365          (rounded to kopecks, half up)

Closing before maturity returns the balance of the deposit account (what the bank holds: the
amount plus interest it already credited); the interest given up is what maturity would have paid
minus what was credited, never below zero. See docs/ANALYTICS.md (Deposits: opening and closing).
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from finpulse.analytics.money import DAYS_PER_YEAR, HUNDRED, ZERO, kop


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interest(amount: Decimal, rate: Decimal, start: date, end: date) -> Decimal:
    days = max(0, (end - start).days)
    return kop(amount * rate / HUNDRED * Decimal(days) / DAYS_PER_YEAR)


def at_maturity(amount: Decimal, rate: Decimal, opened: date, term_months: int) -> tuple[date, Decimal]:
    """(maturity date, interest at maturity) of a deposit opened on `opened`."""
    maturity = add_months(opened, term_months)
    return maturity, interest(amount, rate, opened, maturity)


def lost_if_closed(
    principal: Decimal, rate: Decimal, opened: date, maturity: date, balance: Decimal, today: date
) -> Decimal:
    """Interest given up by closing on `today` instead of at maturity (zero once matured)."""
    if today >= maturity:
        return ZERO
    credited = max(ZERO, balance - principal)
    return max(ZERO, interest(principal, rate, opened, maturity) - credited)
