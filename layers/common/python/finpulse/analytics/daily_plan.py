"""MDP / ADP / SDP: the daily shares of mandatory payments, extra repayment and savings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from finpulse.analytics.debt import DebtFigures
from finpulse.analytics.money import ZERO, kop, monthly_to_daily
from finpulse.analytics.results import DailyPlan
from finpulse.domain import FinancialInputs, Strategy


@dataclass(frozen=True, slots=True)
class Target:
    ref: str
    balance: Decimal
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class PlanFigures:
    output: DailyPlan
    adp_daily: Decimal
    target: Target | None


def debts_for_strategy(debt: DebtFigures) -> list[Target]:
    targets = [
        Target(loan.ref, loan.outstanding, loan.rate) for loan in debt.loans if loan.outstanding > ZERO
    ]
    targets += [Target(card.ref, card.used, card.rate) for card in debt.cards if card.used > ZERO]
    return targets


def order_for(strategy: Strategy, targets: list[Target]) -> list[Target]:
    """Avalanche: highest rate first (unknown rates last), then smaller balance.
    Snowball: smallest balance first, then higher rate. The ref breaks remaining ties."""
    if strategy is Strategy.AVALANCHE:
        return sorted(targets, key=lambda t: (t.rate is None, -(t.rate or ZERO), t.balance, t.ref))
    return sorted(targets, key=lambda t: (t.balance, -(t.rate or ZERO), t.ref))


def sdp_daily(goal_remaining: Decimal, goal_days: int | None) -> Decimal:
    if goal_days is None or goal_remaining <= ZERO:
        return ZERO
    return goal_remaining / goal_days


def compute_daily_plan(
    debt: DebtFigures,
    inputs: FinancialInputs,
    *,
    extra_monthly: Decimal,
    sts_daily: Decimal,
    sts_days: int,
    sdp: Decimal,
) -> PlanFigures:
    """ADP = the daily share of the surplus-based extra payment, never more than today's
    safe-to-spend nor than would clear the target within the safe-to-spend period."""
    mdp = monthly_to_daily(debt.monthly_payments)
    ordered = order_for(inputs.strategy, debts_for_strategy(debt))
    target = ordered[0] if ordered else None
    adp = ZERO
    if target is not None:
        adp = min(monthly_to_daily(extra_monthly), sts_daily, target.balance / sts_days)
    output = DailyPlan(
        mdp_daily=kop(mdp),
        adp_daily=kop(adp),
        adp_target=None if target is None else target.ref,
        sdp_daily=kop(sdp),
        strategy=inputs.strategy.value,
        speed=inputs.repayment_speed.value,
    )
    return PlanFigures(output, adp, target)
