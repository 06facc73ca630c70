"""Dashboard figures of five sandbox customers, worked out by hand from the sandbox's data.

Today is the sandbox's pinned reference date, 2026-11-20 (a Friday), in Europe/Moscow. Every input
below is a fact of the generated data (seed `finpulse`; `sandbox_facts.py` lists them: balances,
holds, agreements, the transactions of the last 190 days). The arithmetic follows the definitions
in docs/ANALYTICS.md; each figure names the rule it applies. Sums over many purchases (the 30-day
spending window, income vs spending per month) are summed from the raw sandbox records by
`sandbox_facts.py`, which shares no code with the engine.

Times in the data are UTC; a transaction's day is its Moscow date (UTC+3): `2026-11-19T22:21Z` is
the 20th. Money is exact `Decimal` until a figure is written, then rounded half up to kopecks
(`kop`), except amounts that are really paid, which are whole kopecks when created (annuity
payments, typical amounts).

Consents in the test banks expire 90 days after they were granted (real time), far outside the
30-day timeline, so no consent-expiry event appears.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tests.dashboard.sandbox_facts import TODAY, Move, customer

D = Decimal
ZERO = D(0)


def kop(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(D(1), value))


def annuity(balance: Decimal, rate: str, months: int) -> Decimal:
    """P = B·i / (1 − (1 + i)^−n), i = rate / 12 / 100 — a real payment, so whole kopecks."""
    i = D(rate) / 100 / 12
    return kop(balance * i / (1 - (1 + i) ** -months))


def score(points: Decimal) -> int:
    """Health: the sum of the components, rounded half up to an integer."""
    return int(points.quantize(D(1), rounding=ROUND_HALF_UP))


def daily(monthly: Decimal) -> Decimal:
    """monthly → daily: × 12 / 365."""
    return monthly * 12 / 365


def dti_points(payments: Decimal, income: Decimal) -> Decimal:
    return 30 * clamp((D("0.60") - payments / income) / D("0.40"))


def buffer_points(liquid: Decimal, spending: Decimal) -> Decimal:
    return 25 * clamp(liquid / spending / 6)


def utilisation_points(used: Decimal, limit: Decimal) -> Decimal:
    return 15 * clamp((D("0.90") - used / limit) / D("0.60"))


def mean_spending(index: int, months: tuple[tuple[int, int], ...]) -> Decimal:
    """Health: mean outflow of the last 3 complete months (Aug, Sep, Oct 2026 here)."""
    outs = [customer(index).month_flows(y, m)[1] for y, m in months]
    return sum(outs, ZERO) / len(outs)


LAST3 = ((2026, 8), (2026, 9), (2026, 10))
AS_OF = "2026-10-31"  # the surplus reads the last complete month as it closed
BALANCED = D("0.50")  # the default speed's share of the surplus


def middle(values: list[Decimal]) -> Decimal:
    """The median of three (or the mean of two, or the one)."""
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def surplus_figures(
    index: int,
    is_bill: Callable[[Move], bool],
    *,
    income: Decimal,
    payments: Decimal,
    bills: Decimal,
    planned: Decimal = ZERO,
    share: Decimal = BALANCED,
) -> tuple[dict[str, Any], Decimal]:
    """docs/ANALYTICS.md "Monthly surplus" for a customer: the dashboard paths and their values, and
    the extra repayment per month (balanced speed: half the surplus)."""
    months = [(f"{y:04d}-{m:02d}", customer(index).plan_spending(y, m, is_bill)) for y, m in LAST3]
    typical = middle([v for _, v in months])
    obligations = payments + bills + planned
    left = income - typical - obligations
    # Without income there is nothing to compare: no surplus, and no shortfall either.
    status = "no_income" if income <= 0 else "surplus" if left > 0 else "no_surplus"
    amount = left if status == "surplus" else ZERO
    figures: dict[str, Any] = {
        "surplus.as_of": AS_OF,
        "surplus.income": income,
        "surplus.spending": typical,
        "surplus.spending_months": months,
        "surplus.debt_payments": payments,
        "surplus.bills": bills,
        "surplus.planned_savings": planned,
        "surplus.obligations": obligations,
        "surplus.amount": amount,
        "surplus.shortfall": -left if status == "no_surplus" else ZERO,
        "surplus.status": status,
    }
    return figures, amount * share


WINDOW = (date(2026, 10, 22), TODAY)  # spending window: today − 29 … today
MONTHS = ((2025, 12), *((2026, m) for m in range(1, 12)))


def timeline(
    opening: Decimal, events: list[tuple[str, str, Decimal]]
) -> list[tuple[str, str, Decimal, Decimal]]:
    """(date, kind, signed amount) → + projected balance after each, in order."""
    out, balance = [], opening
    for day, kind, amount in events:
        balance += amount
        out.append((day, kind, kop(amount), kop(balance)))
    return out


@dataclass
class Golden:
    index: int
    profile: str
    figures: dict[str, Any]
    """Dotted path in the dashboard (`debt.loans.0.outstanding`) → expected value."""
    timeline: list[tuple[str, str, Decimal, Decimal]]
    refinance: list[tuple[str, str, Decimal, Decimal, Decimal]] = field(default_factory=list)
    """(loan ref, product id, new payment, monthly saving, total saving), best first per loan."""
    inputs: dict[str, Any] | None = None
    """Financial inputs PUT through the API before the dashboard is read."""

    @property
    def customer_id(self) -> str:
        return f"team200-{self.index}"

    def spending(self) -> dict[str, Decimal]:
        return customer(self.index).spending_by_category(*WINDOW)

    def merchants(self) -> list[tuple[str, Decimal]]:
        return customer(self.index).top_merchants(*WINDOW)

    def months(self) -> list[tuple[str, Decimal, Decimal]]:
        rows = []
        for y, m in MONTHS:
            inflow, outflow = customer(self.index).month_flows(y, m)
            rows.append((f"{y:04d}-{m:02d}", inflow, outflow))
        return rows
