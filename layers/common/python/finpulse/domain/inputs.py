"""What the user tells FinPulse about themselves; it overrides what the engine detects."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, field_validator
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, NonNegativeMoney


class RepaymentSpeed(StrEnum):
    CONSERVATIVE = "conservative"
    BALANCED = "balanced"
    FAST = "fast"


class Strategy(StrEnum):
    AVALANCHE = "avalanche"
    """Extra money goes to the highest-rate debt first (least interest paid)."""
    SNOWBALL = "snowball"
    """Extra money goes to the smallest debt first (fastest visible wins)."""


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class CreditPaymentOverride:
    """The user's own figure for a loan's monthly instalment (and optionally its due day)."""

    bank_id: str = Field(min_length=1)
    agreement_id: str = Field(min_length=1)
    monthly_payment: NonNegativeMoney
    due_day: int | None = Field(default=None, ge=1, le=31)


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class FinancialInputs:
    salary: NonNegativeMoney | None = None
    """Net income per month in the base currency. With several paydays it is split equally."""
    paydays: tuple[int, ...] = ()
    """Days of the month the income arrives (1-31; 31 means the last day of shorter months)."""
    credit_payment_overrides: tuple[CreditPaymentOverride, ...] = ()
    savings_goal_amount: NonNegativeMoney | None = None
    savings_goal_date: date | None = None
    repayment_speed: RepaymentSpeed = RepaymentSpeed.BALANCED
    strategy: Strategy = Strategy.AVALANCHE
    safety_buffer: NonNegativeMoney | None = None
    """Money never counted as spendable. `None` uses the documented default."""

    @field_validator("paydays")
    @classmethod
    def _valid_paydays(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= day <= 31 for day in value):
            raise ValueError("paydays must be days of the month, 1-31")
        # Sorted and unique so that equal inputs compare equal and results never depend on order.
        return tuple(sorted(set(value)))
