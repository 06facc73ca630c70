"""Loan arithmetic: the annuity formula and a month-by-month amortisation simulation."""

from __future__ import annotations

from decimal import Decimal

from finpulse.analytics.money import HUNDRED, MONTHS_PER_YEAR, ONE, ZERO, kop


def monthly_rate(annual_percent: Decimal) -> Decimal:
    return annual_percent / HUNDRED / MONTHS_PER_YEAR


def annuity_payment(principal: Decimal, annual_percent: Decimal, months: int) -> Decimal:
    """Equal monthly payment repaying `principal` over `months` at a nominal annual rate, in kopecks.

    P = B·i / (1 − (1 + i)^−n), i = rate / 12 / 100; with a zero rate P = B / n.
    """
    if months <= 0:
        raise ValueError("months must be positive")
    if principal <= ZERO:
        return ZERO
    i = monthly_rate(annual_percent)
    if i == ZERO:
        return kop(principal / months)
    return kop(principal * i / (ONE - (ONE + i) ** -months))
