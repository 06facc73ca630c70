"""Savings plan: what it takes per month and per day to reach the goal, and where to keep it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from finpulse.analytics.dates import months_until
from finpulse.analytics.money import ZERO, kop
from finpulse.analytics.result_plan import SavingsPlan
from finpulse.analytics.savings import SavingsFigures
from finpulse.domain import FinancialInputs, Product, ProductKind


def best_deposit(products: Sequence[Product], amount: Decimal) -> Product | None:
    fitting = [
        p
        for p in products
        if p.kind is ProductKind.DEPOSIT
        and p.best_rate_for_saver is not None
        and (p.min_amount is None or p.min_amount <= amount)
    ]
    return min(
        fitting, key=lambda p: (-(p.best_rate_for_saver or ZERO), p.bank_id, p.product_id), default=None
    )


def compute_savings_plan(
    today: date,
    inputs: FinancialInputs,
    savings: SavingsFigures,
    sdp_daily: Decimal,
    monthly_income: Decimal,
    monthly_spending: Decimal,
    products: Sequence[Product],
) -> SavingsPlan | None:
    target = inputs.savings_goal_amount
    if target is None:
        return None
    remaining = savings.goal_remaining
    months_left = None
    monthly_needed = ZERO
    if savings.goal_days is not None and inputs.savings_goal_date is not None:
        # Calendar months, so the monthly contribution (an obligation of the surplus) is the same
        # every day of a month.
        months_left = months_until(today, inputs.savings_goal_date)
        monthly_needed = remaining / months_left
    feasible = None
    if monthly_income > ZERO and months_left is not None:
        feasible = monthly_needed <= max(ZERO, monthly_income - monthly_spending)
    deposit = best_deposit(products, max(target, remaining))
    return SavingsPlan(
        goal_amount=kop(target),
        goal_date=inputs.savings_goal_date,
        remaining=kop(remaining),
        months_left=months_left,
        monthly_needed=kop(monthly_needed),
        daily_needed=kop(sdp_daily),
        feasible=feasible,
        best_deposit=None if deposit is None else f"{deposit.bank_id}/{deposit.product_id}",
        best_deposit_rate=None if deposit is None else deposit.best_rate_for_saver,
    )
