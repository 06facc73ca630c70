"""The typed dashboard: what the engine returns and the API serialises.

Every money field is a `Decimal` rounded to kopecks (ROUND_HALF_UP) from the exact value, in the
base currency unless the model names another. Account numbers appear only masked.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from finpulse.analytics.result_base import Result
from finpulse.analytics.result_plan import Recommendations, Surplus


class Term(Result):
    """One line of an explanation: `amount` is the signed contribution to the result."""

    code: str
    label: str
    amount: Decimal
    detail: str | None = None


class CurrencyAmount(Result):
    currency: str
    amount: Decimal


class BankAmount(Result):
    bank_id: str
    amount: Decimal


# --- cash -------------------------------------------------------------------------------------
class CashAccount(Result):
    bank_id: str
    account_id: str
    masked_number: str | None
    kind: str
    currency: str
    amount: Decimal | None
    """In the account's currency; `None` if the bank sent no balance."""
    balance_type: str | None
    amount_base: Decimal | None
    """Converted with the given rate; `None` when it could not be converted (shown apart)."""


class Cash(Result):
    total: Decimal
    by_bank: list[BankAmount]
    accounts: list[CashAccount]
    foreign_unconverted: list[CurrencyAmount]


# --- debt -------------------------------------------------------------------------------------
PaymentSource = Literal["override", "schedule", "bank", "observed", "annuity_estimate", "unknown"]


class Loan(Result):
    bank_id: str
    agreement_id: str
    name: str
    currency: str
    outstanding: Decimal
    outstanding_is_principal: bool
    """True when the bank gave no outstanding amount and the original principal is shown."""
    rate: Decimal | None
    monthly_payment: Decimal | None
    payment_source: PaymentSource
    next_payment_date: date | None
    next_payment_amount: Decimal | None
    estimated: bool
    remaining_months: int | None
    maturity_date: date | None
    overdue: Decimal
    masked_account_number: str | None


CardSource = Literal["bank", "derived", "account", "unknown"]


class Card(Result):
    bank_id: str
    agreement_id: str
    name: str
    currency: str
    credit_limit: Decimal | None
    used: Decimal
    used_source: CardSource
    available: Decimal | None
    utilisation_percent: Decimal | None
    rate: Decimal | None
    min_payment: Decimal
    min_payment_estimated: bool
    next_payment_date: date | None
    overdue: Decimal


class Debt(Result):
    total: Decimal
    """Loans' outstanding principal + cards' used amount. Overdue is reported apart."""
    loans_total: Decimal
    cards_used_total: Decimal
    overdue_total: Decimal
    monthly_payments: Decimal
    loans: list[Loan]
    cards: list[Card]
    foreign_unconverted: list[CurrencyAmount]


# --- income and bills -------------------------------------------------------------------------
class IncomeStream(Result):
    label: str
    bank_id: str | None = None
    """The bank a detected stream arrives at (each account's inflows are a stream of their own)."""
    source: Literal["detected", "user"]
    cadence: Literal["monthly", "twice_monthly", "biweekly", "unknown"]
    amount: Decimal | None
    monthly_amount: Decimal | None
    next_date: date | None
    last_date: date | None
    occurrences: int


class Income(Result):
    streams: list[IncomeStream]
    next_date: date | None
    next_amount: Decimal | None
    monthly_total: Decimal
    regularity: Literal["regular", "irregular", "none"]


class Bill(Result):
    label: str
    category: str
    cadence: Literal["monthly", "twice_monthly", "biweekly"]
    amount: Decimal
    monthly_amount: Decimal
    next_date: date | None
    last_date: date
    occurrences: int


# --- safe-to-spend and daily plan -------------------------------------------------------------
class DueItem(Result):
    date: date
    kind: Literal["instalment", "card_payment", "bill", "overdue"]
    label: str
    amount: Decimal
    estimated: bool


class SafeToSpend(Result):
    daily: Decimal
    days: int
    period_end: date
    """The next income date (exclusive end of the period), or today + the default horizon."""
    horizon: Literal["next_income", "default"]
    cash_now: Decimal
    spent_today: Decimal
    cash_start_of_day: Decimal
    due_total: Decimal
    instalments: Decimal
    card_payments: Decimal
    bills: Decimal
    overdue: Decimal
    planned_savings: Decimal
    safety_buffer: Decimal
    spendable: Decimal
    """cash_start_of_day − due − planned savings − buffer; may be negative (then daily is 0)."""
    shortfall: Decimal
    left_today: Decimal
    tomorrow_daily: Decimal | None
    due_items: list[DueItem]
    explanation: list[Term]


class DailyPlan(Result):
    mdp_daily: Decimal
    adp_daily: Decimal
    adp_target: str | None
    """`bank_id/agreement_id` of the loan or card the extra payment goes to."""
    sdp_daily: Decimal
    strategy: str
    speed: str


# --- savings ----------------------------------------------------------------------------------
class SavingsItem(Result):
    bank_id: str
    ref: str
    kind: Literal["deposit", "savings_account"]
    name: str
    currency: str
    amount: Decimal
    rate: Decimal | None
    maturity_date: date | None
    masked_account_number: str | None


class Goal(Result):
    target: Decimal
    goal_date: date | None
    saved: Decimal
    remaining: Decimal
    progress_percent: Decimal
    days_left: int | None


class Savings(Result):
    total: Decimal
    by_bank: list[BankAmount]
    items: list[SavingsItem]
    goal: Goal | None
    foreign_unconverted: list[CurrencyAmount]


# --- health -----------------------------------------------------------------------------------
class HealthComponent(Result):
    code: str
    points: Decimal
    max_points: Decimal
    value: Decimal | None
    reason: str


class Health(Result):
    score: int
    components: list[HealthComponent]
    next_action_code: str
    next_action: str


# --- timeline ---------------------------------------------------------------------------------
EventKind = Literal[
    "income", "instalment", "card_payment", "bill", "overdue", "deposit_maturity", "consent_expiry"
]


class TimelineEvent(Result):
    date: date
    kind: EventKind
    label: str
    bank_id: str | None
    amount: Decimal | None
    """Signed effect on cash; `None` for events that move no money (a consent expiring)."""
    estimated: bool
    projected_balance: Decimal


class Timeline(Result):
    start: date
    end: date
    opening_balance: Decimal
    events: list[TimelineEvent]
    closing_balance: Decimal
    lowest_balance: Decimal


# --- spending ---------------------------------------------------------------------------------
class CategoryAmount(Result):
    category: str
    label: str
    amount: Decimal
    count: int


class MerchantAmount(Result):
    merchant: str
    amount: Decimal
    count: int


class MonthFlow(Result):
    month: str
    income: Decimal
    spending: Decimal
    net: Decimal


class Spending(Result):
    window_start: date
    window_end: date
    total: Decimal
    by_category: list[CategoryAmount]
    by_merchant: list[MerchantAmount]
    by_month: list[MonthFlow]


class SpendingRow(Result):
    key: str
    label: str
    amount: Decimal
    count: int


class SpendingReport(Result):
    """`GET /api/spending`: one date range grouped one way, plus income vs spending per month."""

    start: date
    end: date
    group_by: Literal["category", "merchant", "month"]
    total: Decimal
    rows: list[SpendingRow]
    months: list[MonthFlow]


class Dashboard(Result):
    today: date
    timezone: str
    base_currency: str
    cash: Cash
    debt: Debt
    income: Income
    bills: list[Bill]
    safe_to_spend: SafeToSpend
    daily_plan: DailyPlan
    savings: Savings
    health: Health
    timeline: Timeline
    spending: Spending
    surplus: Surplus
    recommendations: Recommendations
    notes: list[str]
    transactions_used: int
    duplicates_ignored: int
