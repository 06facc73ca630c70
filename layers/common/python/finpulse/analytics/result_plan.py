"""Output models of the monthly plan: the surplus, repayment, refinance and savings advice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from finpulse.analytics.result_base import Result


class SurplusMonth(Result):
    month: str
    """`YYYY-MM`, a complete month."""
    spending: Decimal
    """Its spending without loan payments, recurring bills and moves between own accounts."""


class Surplus(Result):
    """What is left of a month's income once the month is lived: the money extra repayment comes
    from. Computed from complete months only, so it is the same every day of a month."""

    as_of: date
    """The last day of the last complete month: income and bills are read as they were then."""
    income: Decimal
    spending: Decimal
    """Typical monthly spending: the median of `spending_months`."""
    spending_months: list[SurplusMonth]
    debt_payments: Decimal
    """Loan instalments and card minimum payments, per month."""
    bills: Decimal
    planned_savings: Decimal
    """The savings plan's monthly contribution toward the goal."""
    obligations: Decimal
    amount: Decimal
    """income − spending − obligations, never below 0."""
    shortfall: Decimal
    """How much income falls short of spending and obligations (0 with a surplus)."""
    status: Literal["surplus", "no_surplus", "no_income", "no_history"]
    reason: str


class RepaymentPlan(Result):
    strategy: str
    extra_monthly: Decimal
    payoff_month: str | None
    months: int | None
    total_interest: Decimal
    interest_saved: Decimal
    order: list[str]


class PlanPoint(Result):
    """What is owed in all at the start of `month` under minimums only and under each strategy."""

    month: str
    """`YYYY-MM`; the first point is today's month (what is owed today)."""
    baseline: Decimal
    avalanche: Decimal
    snowball: Decimal


class Repayment(Result):
    extra_monthly: Decimal
    """Extra repayment per month on top of the minimums: the surplus × the speed's share."""
    speed_share: Decimal
    surplus: Decimal
    advice: Literal["extra_payments", "refinance", "minimums"]
    """Extra payments when there is a surplus; without one only refinancing (when an offer
    exists) or the minimums."""
    reason: str
    baseline_payoff_month: str | None
    baseline_months: int | None
    baseline_interest: Decimal
    avalanche: RepaymentPlan
    snowball: RepaymentPlan
    chosen: str
    excluded: list[str]
    balance_path: list[PlanPoint]
    """The debt owed over time under each plan (every month, or every n-th on a long horizon)."""


class RefinanceOffer(Result):
    loan: str
    offer_bank_id: str
    product_id: str
    product_name: str
    current_rate: Decimal
    new_rate: Decimal
    term_months: int
    current_payment: Decimal
    new_payment: Decimal
    monthly_saving: Decimal
    commission: Decimal
    total_saving: Decimal
    break_even_month: int


class RefinanceReason(Result):
    loan: str
    reason: str
    """Why the loan has no offer, in words: no rate, no cheaper product, not for this amount, …"""


class SavingsPlan(Result):
    goal_amount: Decimal
    goal_date: date | None
    remaining: Decimal
    months_left: int | None
    monthly_needed: Decimal
    daily_needed: Decimal
    feasible: bool | None
    best_deposit: str | None
    best_deposit_rate: Decimal | None


class Recommendations(Result):
    repayment: Repayment | None
    refinance: list[RefinanceOffer]
    refinance_reasons: list[RefinanceReason]
    """Each loan still owed without an offer, and why (empty when every loan has one)."""
    savings_plan: SavingsPlan | None
