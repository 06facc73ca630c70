"""Compose every figure into the dashboard. Pure: no I/O, no clock, no randomness.

The caller supplies `today` and the user's time zone; the same input always gives the same output,
whatever order banks, accounts or transactions arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from finpulse.analytics import constants as c
from finpulse.analytics.bills import compute_bills
from finpulse.analytics.cash import balances_by_account, compute_cash, unique_accounts
from finpulse.analytics.daily_plan import compute_daily_plan, sdp_daily
from finpulse.analytics.debt import LoanCalc, compute_debt
from finpulse.analytics.health import compute_health
from finpulse.analytics.income import compute_income
from finpulse.analytics.money import ZERO, Converter
from finpulse.analytics.movements import Movements
from finpulse.analytics.prepared import prepare
from finpulse.analytics.recommendations.refinance import compute_refinance
from finpulse.analytics.recommendations.repayment import compute_repayment
from finpulse.analytics.recommendations.savings_plan import compute_savings_plan
from finpulse.analytics.recurrence import lookback_start, within
from finpulse.analytics.result_plan import Recommendations
from finpulse.analytics.results import Dashboard
from finpulse.analytics.safe_to_spend import compute_safe_to_spend, default_buffer
from finpulse.analytics.savings import compute_savings
from finpulse.analytics.spending import compute_spending, recent_average
from finpulse.analytics.surplus import compute_surplus
from finpulse.analytics.timeline import compute_timeline
from finpulse.domain import (
    Account,
    Agreement,
    AgreementKind,
    Balance,
    ConsentExpiry,
    FinancialInputs,
    Product,
    Transaction,
    to_json,
)


@dataclass(frozen=True)
class EngineInput:
    """Everything the engine reads. A plain dataclass, not a pydantic model: the domain objects
    inside are already validated, and re-validating 100 000 transactions would cost more than the
    whole computation."""

    today: date
    accounts: Sequence[Account] = ()
    balances: Sequence[Balance] = ()
    transactions: Iterable[Transaction] = ()
    agreements: Sequence[Agreement] = ()
    products: Sequence[Product] = ()
    """The catalogs of every connected bank."""
    inputs: FinancialInputs = field(default_factory=FinancialInputs)
    consents: Sequence[ConsentExpiry] = ()
    timezone: str = c.DEFAULT_TIMEZONE
    fx_rates: Mapping[str, Decimal] = field(default_factory=dict)
    """Base-currency units per unit of a foreign currency. Without a rate, foreign money is shown
    apart and never summed into base-currency figures."""
    base_currency: str = c.BASE_CURRENCY


def _unique_by_key[T: (Agreement, Product)](items: Iterable[T], key: str) -> list[T]:
    chosen: dict[tuple[str, str], T] = {}
    for item in items:
        k = (item.bank_id, getattr(item, key))
        known = chosen.get(k)
        if known is None or to_json(item) > to_json(known):
            chosen[k] = item
    return [chosen[k] for k in sorted(chosen)]


def compute_dashboard(data: EngineInput) -> Dashboard:
    today = data.today
    tz = ZoneInfo(data.timezone)
    converter = Converter(data.base_currency, data.fx_rates)
    inputs = data.inputs
    accounts = unique_accounts(data.accounts)
    agreements = _unique_by_key(data.agreements, "agreement_id")
    products = _unique_by_key(data.products, "product_id")
    balances = balances_by_account(data.balances)
    loan_ids = tuple(a.agreement_id for a in agreements if a.kind is AgreementKind.LOAN)

    prepared = prepare(
        data.transactions,
        today=today,
        tz=tz,
        converter=converter,
        loan_ids=loan_ids,
        movements=Movements.of(accounts, agreements),
    )
    cash = compute_cash(accounts, balances, converter)
    debt = compute_debt(
        agreements,
        accounts,
        balances,
        inputs,
        today,
        prepared.loans_paid_today,
        prepared.loan_payments,
        converter,
    )
    savings = compute_savings(agreements, accounts, balances, inputs, today, converter)
    average_in = recent_average(prepared.month_in, today, c.HEALTH_SPENDING_MONTHS)
    average_out = recent_average(prepared.month_out, today, c.HEALTH_SPENDING_MONTHS)
    since = lookback_start(today)
    income = compute_income(
        within(prepared.income_groups, since, today),
        inputs,
        today,
        any(day >= since for day in prepared.inflow_days),
        average_in,
    )
    bills = compute_bills(within(prepared.bill_groups, since, today), prepared.bill_categories, today)

    buffer = (
        inputs.safety_buffer if inputs.safety_buffer is not None else default_buffer(income.monthly_total)
    )
    sdp = sdp_daily(savings.goal_remaining, savings.goal_days)
    sts = compute_safe_to_spend(
        today=today,
        cash_now=cash.total,
        today_spending=prepared.today_spending,
        income=income,
        debt=debt,
        bills=bills,
        sdp_daily=sdp,
        goal_days=savings.goal_days,
        buffer=buffer,
    )
    savings_plan = compute_savings_plan(
        today, inputs, savings, sdp, income.monthly_total, average_out, products
    )
    surplus = compute_surplus(
        today=today,
        prepared=prepared,
        inputs=inputs,
        average_inflow=average_in,
        debt_payments=debt.monthly_payments,
        planned_savings=ZERO if savings_plan is None else savings_plan.monthly_needed,
    )
    extra_monthly = surplus.extra_monthly(inputs.repayment_speed)
    plan = compute_daily_plan(
        debt, inputs, extra_monthly=extra_monthly, sts_daily=sts.daily, sts_days=sts.days, sdp=sdp
    )
    monthly_bills = sum((s.monthly_amount for s in bills.series), ZERO)
    health = compute_health(
        debt=debt,
        monthly_income=income.monthly_total,
        regularity=income.regularity,
        liquid=cash.total + savings.total,
        monthly_spending=average_out,
        monthly_obligations=debt.monthly_payments + monthly_bills,
    )
    timeline = compute_timeline(
        today=today,
        tz=tz,
        cash_now=cash.total,
        income=income,
        debt=debt,
        bills=bills,
        savings=savings,
        consents=sorted(data.consents, key=lambda x: (x.expires_at, x.bank_id, x.kind)),
    )
    refinance, refinance_reasons = compute_refinance(debt.loans, products, data.base_currency)
    recommendations = Recommendations(
        repayment=compute_repayment(
            debt,
            surplus,
            inputs.repayment_speed,
            inputs.strategy,
            today,
            refinance_offers=len(refinance),
        ),
        refinance=refinance,
        refinance_reasons=refinance_reasons,
        savings_plan=savings_plan,
    )
    return Dashboard(
        today=today,
        timezone=data.timezone,
        base_currency=data.base_currency,
        cash=cash.output,
        debt=debt.output,
        income=income.output,
        bills=bills.output,
        safe_to_spend=sts.output,
        daily_plan=plan.output,
        savings=savings.output,
        health=health,
        timeline=timeline,
        spending=compute_spending(prepared, today),
        surplus=surplus.output,
        recommendations=recommendations,
        notes=_notes(prepared.unconverted, debt.loans) + list(debt.notes),
        transactions_used=prepared.unique_count - sum(prepared.unconverted.values()),
        duplicates_ignored=prepared.duplicate_count,
    )


def _notes(unconverted: dict[str, int], loans: Sequence[LoanCalc]) -> list[str]:
    notes = [
        f"{count} операций в {currency} не учтены: нет курса {currency}"
        for currency, count in sorted(unconverted.items())
    ]
    notes += [
        f"Платёж по кредиту {loan.ref} неизвестен: укажите его в настройках"
        for loan in loans
        if loan.source == "unknown"
    ]
    return notes
