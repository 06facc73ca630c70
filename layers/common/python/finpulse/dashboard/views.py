"""What the analytics endpoints return, as models (for the OpenAPI document and the tests).

The handlers do not build these models: a response is cut from the cached dashboard's JSON (see
`sections.py`), which is already the engine's validated output — validating it again on every
cache hit would cost more than the whole DynamoDB read. The models describe the same shapes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from finpulse.analytics.result_plan import Recommendations, RefinanceOffer, Repayment, Surplus
from finpulse.analytics.results import (
    Card,
    Cash,
    DailyPlan,
    Dashboard,
    Health,
    Income,
    Loan,
    SafeToSpend,
    Savings,
    SpendingReport,
    Timeline,
)
from finpulse.data.freshness import BankFreshness


class AnalyticsMeta(BaseModel):
    data_version: int = Field(description="The data version the figures were computed from")
    today: date = Field(description="The user's local date the figures are for")
    computed_at: datetime
    from_cache: bool = Field(description="Served from the cached dashboard of this data version")
    freshness: list[BankFreshness] = Field(description="Per bank: when its data last synced, stale flag")


class DashboardResponse(AnalyticsMeta):
    dashboard: Dashboard


class LoansResponse(AnalyticsMeta):
    loans: list[Loan]
    loans_total: Decimal
    overdue_total: Decimal
    monthly_payments: Decimal = Field(description="Loans' instalments plus cards' minimum payments, monthly")
    daily_plan: DailyPlan
    surplus: Surplus = Field(description="The monthly surplus extra repayment is a share of")
    repayment: Repayment | None
    notes: list[str]


class DepositsResponse(AnalyticsMeta):
    savings: Savings


class CardsResponse(AnalyticsMeta):
    cards: list[Card]
    cards_used_total: Decimal = Field(description="Used part of the limits (the limits are never debt)")


class SafeToSpendResponse(AnalyticsMeta):
    safe_to_spend: SafeToSpend
    daily_plan: DailyPlan
    income: Income
    cash: Cash


class TimelineResponse(AnalyticsMeta):
    timeline: Timeline


class RefinanceResponse(AnalyticsMeta):
    offers: list[RefinanceOffer] = Field(description="Best offers per loan by total saving (net of fees)")
    loans: list[Loan]
    surplus: Surplus
    repayment: Repayment | None


class RecommendationsResponse(AnalyticsMeta):
    recommendations: Recommendations
    surplus: Surplus
    health: Health
    daily_plan: DailyPlan


class SpendingResponse(BaseModel):
    today: date
    report: SpendingReport
    freshness: list[BankFreshness]
