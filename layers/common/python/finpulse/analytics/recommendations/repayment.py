"""Repayment plan: when debts are paid off with minimum payments only versus with the extra
payment sent by avalanche or snowball order, and how much interest that saves.

The extra payment is a share of the monthly surplus (`surplus.py`); without a surplus the plan says
why and advises only refinancing (when an offer exists) or the minimums."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from finpulse.analytics import constants as c
from finpulse.analytics.daily_plan import Target, order_for
from finpulse.analytics.dates import add_months
from finpulse.analytics.debt import DebtFigures
from finpulse.analytics.loanmath import monthly_rate
from finpulse.analytics.money import ZERO, kop, rub
from finpulse.analytics.result_plan import PlanPoint, Repayment, RepaymentPlan
from finpulse.analytics.surplus import SurplusFigures
from finpulse.domain import RepaymentSpeed, Strategy


@dataclass(frozen=True, slots=True)
class PlanDebt:
    target: Target
    minimum: Decimal


@dataclass(frozen=True, slots=True)
class Outcome:
    months: int | None
    """Months until every debt is repaid; `None` if not within MAX_PLAN_MONTHS."""
    interest: Decimal
    owed: tuple[Decimal, ...] = ()
    """What is owed in all at the end of each month simulated (month 1 first)."""


def simulate(debts: list[PlanDebt], extra: Decimal, order: list[str] | None) -> Outcome:
    """Month by month: interest accrues (rounded to kopecks, as banks do), then each debt gets its
    minimum. With an `order`, the minimums of repaid debts plus `extra` go to the first unpaid debt
    in that order (the classic snowball/avalanche roll-over); without one, only minimums are paid."""
    balances = {d.target.ref: d.target.balance for d in debts}
    rates = {d.target.ref: monthly_rate(d.target.rate or ZERO) for d in debts}
    minimums = {d.target.ref: d.minimum for d in debts}
    budget = sum(minimums.values(), ZERO) + extra
    interest_total = ZERO
    owed: list[Decimal] = []
    for month in range(1, c.MAX_PLAN_MONTHS + 1):
        for ref, balance in balances.items():
            if balance > ZERO:
                interest = kop(balance * rates[ref])
                balances[ref] = balance + interest
                interest_total += interest
        spent = ZERO
        for ref in balances:
            pay = min(minimums[ref], balances[ref])
            balances[ref] -= pay
            spent += pay
        if order is not None:
            free = budget - spent
            for ref in order:
                if free <= ZERO:
                    break
                pay = min(free, balances[ref])
                balances[ref] -= pay
                free -= pay
        owed.append(sum((b for b in balances.values() if b > ZERO), ZERO))
        if owed[-1] <= ZERO:
            return Outcome(month, interest_total, tuple(owed))
    return Outcome(None, interest_total, tuple(owed))


def balance_path(today: date, start: Decimal, outcomes: dict[str, Outcome]) -> list[PlanPoint]:
    """The debt owed over time under each plan, for a chart: today's month, then at most
    PLAN_PATH_POINTS months spread evenly up to the last plan's payoff (every month of a short
    horizon, every n-th of a long one, always the last)."""
    horizon = max(len(o.owed) for o in outcomes.values())
    step = max(1, -(-horizon // c.PLAN_PATH_POINTS))
    months = sorted({*range(0, horizon, step), horizon})

    def owed(outcome: Outcome, month: int) -> Decimal:
        if month == 0:
            return start
        return outcome.owed[month - 1] if month <= len(outcome.owed) else ZERO

    return [
        PlanPoint(
            month=_month_label(today, m) or "",
            baseline=kop(owed(outcomes["baseline"], m)),
            avalanche=kop(owed(outcomes["avalanche"], m)),
            snowball=kop(owed(outcomes["snowball"], m)),
        )
        for m in months
    ]


def _month_label(today: date, months: int | None) -> str | None:
    if months is None:
        return None
    year, month = add_months(today.year, today.month, months)
    return f"{year:04d}-{month:02d}"


def compute_repayment(
    debt: DebtFigures,
    surplus: SurplusFigures,
    speed: RepaymentSpeed,
    chosen: Strategy,
    today: date,
    *,
    refinance_offers: int,
) -> Repayment | None:
    debts: list[PlanDebt] = []
    excluded: list[str] = []
    for loan in debt.loans:
        if loan.outstanding <= ZERO:
            continue
        if loan.monthly_payment is None or loan.monthly_payment <= ZERO:
            excluded.append(loan.ref)
            continue
        debts.append(PlanDebt(Target(loan.ref, loan.outstanding, loan.rate), loan.monthly_payment))
    for card in debt.cards:
        if card.used > ZERO and card.min_payment > ZERO:
            debts.append(PlanDebt(Target(card.ref, card.used, card.rate), card.min_payment))
    if not debts:
        return None
    extra = surplus.extra_monthly(speed)
    baseline = simulate(debts, ZERO, None)
    outcomes = {"baseline": baseline}
    plans: dict[Strategy, RepaymentPlan] = {}
    for strategy in (Strategy.AVALANCHE, Strategy.SNOWBALL):
        order = [t.ref for t in order_for(strategy, [d.target for d in debts])]
        outcome = outcomes[strategy.value] = simulate(debts, extra, order)
        plans[strategy] = RepaymentPlan(
            strategy=strategy.value,
            extra_monthly=kop(extra),
            payoff_month=_month_label(today, outcome.months),
            months=outcome.months,
            total_interest=kop(outcome.interest),
            interest_saved=kop(baseline.interest - outcome.interest),
            order=order,
        )
    advice, reason = _advice(surplus, extra, speed, refinance_offers)
    return Repayment(
        extra_monthly=kop(extra),
        speed_share=c.SPEED_SHARE[speed],
        surplus=surplus.output.amount,
        advice=advice,
        reason=reason,
        baseline_payoff_month=_month_label(today, baseline.months),
        baseline_months=baseline.months,
        baseline_interest=kop(baseline.interest),
        avalanche=plans[Strategy.AVALANCHE],
        snowball=plans[Strategy.SNOWBALL],
        chosen=chosen.value,
        excluded=sorted(excluded),
        balance_path=balance_path(today, sum((d.target.balance for d in debts), ZERO), outcomes),
    )


def _advice(
    surplus: SurplusFigures, extra: Decimal, speed: RepaymentSpeed, refinance_offers: int
) -> tuple[Literal["extra_payments", "refinance", "minimums"], str]:
    if extra > ZERO:
        share = int(c.SPEED_SHARE[speed] * 100)
        return "extra_payments", f"{surplus.output.reason}. Досрочно — {share} %: {rub(extra)} в месяц"
    if refinance_offers:
        return "refinance", f"{surplus.output.reason}. Снизить платежи поможет рефинансирование"
    return "minimums", f"{surplus.output.reason}. Платите обязательные платежи вовремя"
