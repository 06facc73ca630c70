"""The monthly surplus: what a month's income leaves once the month is lived.

    surplus = max(0, income − typical spending − obligations)
    income            = monthly income as detected (or stated by the user) at the end of the last
                        complete month
    typical spending  = median over the last SURPLUS_MONTHS complete months that had any outflow of
                        that month's spending without loan payments, recurring bills (as detected at
                        that month end) and moves between the user's own accounts
    obligations       = loan instalments + card minimums (today's debts) + recurring bills
                        + the savings plan's monthly contribution

Only complete months and today's debts go in, so the same data gives the same surplus on every
day of a month: a plan built on it does not swing with the days left until payday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from finpulse.analytics import constants as c
from finpulse.analytics.dates import last_complete_month_end
from finpulse.analytics.income import compute_income
from finpulse.analytics.money import ZERO, kop, median, rub
from finpulse.analytics.prepared import Prepared
from finpulse.analytics.recurrence import Occurrence, detect, lookback_start, within
from finpulse.analytics.result_plan import Surplus, SurplusMonth
from finpulse.analytics.spending import month_index_key
from finpulse.domain import FinancialInputs, RepaymentSpeed

Status = Literal["surplus", "no_surplus", "no_income", "no_history"]


@dataclass(frozen=True, slots=True)
class SurplusFigures:
    output: Surplus
    amount: Decimal
    """Exact, ≥ 0."""

    def extra_monthly(self, speed: RepaymentSpeed) -> Decimal:
        """The extra repayment a month at this speed: a share of the surplus, so never more."""
        return self.amount * c.SPEED_SHARE[speed]


def compute_surplus(
    *,
    today: date,
    prepared: Prepared,
    inputs: FinancialInputs,
    average_inflow: Decimal,
    debt_payments: Decimal,
    planned_savings: Decimal,
) -> SurplusFigures:
    as_of = last_complete_month_end(today)
    start = lookback_start(as_of)
    income = compute_income(
        within(prepared.income_groups, start, as_of),
        inputs,
        as_of,
        any(start <= day <= as_of for day in prepared.inflow_days),
        average_inflow,
    ).monthly_total
    bills_monthly, bills_by_month = _bills(within(prepared.bill_groups, start, as_of), as_of)
    current = today.year * 12 + today.month - 1
    by_month = {
        i: prepared.month_out[i] - prepared.month_loans.get(i, ZERO) - bills_by_month.get(i, ZERO)
        for i in range(current - c.SURPLUS_MONTHS, current)
        if prepared.month_out.get(i, ZERO) > ZERO
    }
    spending = max(ZERO, median(list(by_month.values()))) if by_month else ZERO
    obligations = debt_payments + bills_monthly + planned_savings
    left = income - spending - obligations
    status: Status
    if income <= ZERO:
        status = "no_income"
    elif not by_month:
        status = "no_history"
    else:
        status = "surplus" if left > ZERO else "no_surplus"
    amount = left if status == "surplus" else ZERO
    output = Surplus(
        as_of=as_of,
        income=kop(income),
        spending=kop(spending),
        spending_months=[
            SurplusMonth(month=month_index_key(i), spending=kop(v)) for i, v in by_month.items()
        ],
        debt_payments=kop(debt_payments),
        bills=kop(bills_monthly),
        planned_savings=kop(planned_savings),
        obligations=kop(obligations),
        amount=kop(amount),
        shortfall=kop(max(ZERO, -left)) if status == "no_surplus" else kop(ZERO),
        status=status,
        reason=_reason(status, income, spending, obligations, amount),
    )
    return SurplusFigures(output, amount)


def _bills(groups: dict[str, list[Occurrence]], as_of: date) -> tuple[Decimal, dict[int, Decimal]]:
    """The recurring bills as of `as_of`: their monthly total, and what was paid toward them in each
    month (month index → amount), which is an obligation, not typical spending."""
    series = detect(groups, as_of)
    members = frozenset().union(*(s.members for s in series))
    paid: dict[int, Decimal] = {}
    for items in groups.values():
        for o in items:
            if o.key in members:
                index = o.day.year * 12 + o.day.month - 1
                paid[index] = paid.get(index, ZERO) + o.amount
    return sum((s.monthly_amount for s in series), ZERO), paid


def _reason(status: Status, income: Decimal, spending: Decimal, obligations: Decimal, amount: Decimal) -> str:
    if status == "no_income":
        return "Доход не найден — свободных денег нет. Если доход есть, укажите зарплату в настройках"
    if status == "no_history":
        return "Нужен хотя бы один полный месяц операций, чтобы оценить обычные расходы"
    terms = f"доход {rub(income)} − обычные расходы {rub(spending)} − обязательные платежи {rub(obligations)}"
    if status == "no_surplus":
        return f"Свободных денег нет: {terms} = {rub(income - spending - obligations)} в месяц"
    return f"Свободно {rub(amount)} в месяц: {terms}"
