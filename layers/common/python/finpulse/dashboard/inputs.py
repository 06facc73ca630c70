"""The user's financial inputs: `GET/PUT /api/me/financial-inputs`.

The body is validated by pydantic at the API (422 naming each field), stored as the domain
`FinancialInputs` the engine reads (`finpulse.data.inputs`), in one transaction with a bump of the
user's data version — so the cached dashboard, computed with the old inputs, is invalid from that
moment on.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from finpulse import clock
from finpulse.analytics.constants import DEFAULT_TIMEZONE
from finpulse.data import inputs as store
from finpulse.data import versioning
from finpulse.domain import (
    CreditPaymentOverride,
    FinancialInputs,
    RepaymentSpeed,
    Strategy,
)
from finpulse.errors import Unprocessable

# Far above any personal figure, far below anything that could overflow a display or a sum.
MAX_AMOUNT = Decimal("1000000000")
Amount = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, decimal_places=2, allow_inf_nan=False)]
PositiveAmount = Annotated[Decimal, Field(gt=0, le=MAX_AMOUNT, decimal_places=2, allow_inf_nan=False)]


class CreditPaymentOverrideBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    bank_id: str = Field(pattern=r"^[a-z][a-z0-9-]{1,31}$", description="The bank of the loan or card")
    agreement_id: str = Field(min_length=1, max_length=128)
    monthly_payment: PositiveAmount = Field(description="The instalment the user pays, ₽ per month")
    due_day: int | None = Field(default=None, ge=1, le=31, description="Day of month it is due")


class FinancialInputsBody(BaseModel):
    """What the user tells FinPulse; each field overrides what the engine would detect."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    salary: Amount | None = Field(default=None, description="Net income per month, ₽")
    paydays: list[int] = Field(
        default_factory=list, max_length=4, description="Days of month income arrives (1-31)"
    )
    credit_payment_overrides: list[CreditPaymentOverrideBody] = Field(default_factory=list, max_length=50)
    savings_goal_amount: PositiveAmount | None = Field(default=None, description="Savings target, ₽")
    savings_goal_date: date | None = Field(default=None, description="Reach the target by this date")
    repayment_speed: RepaymentSpeed = RepaymentSpeed.BALANCED
    strategy: Strategy = Strategy.AVALANCHE
    safety_buffer: Amount | None = Field(
        default=None, description="Never counted as spendable; default max(3 000 ₽, 10 % of income)"
    )
    timezone: str = Field(default=DEFAULT_TIMEZONE, max_length=64, description="IANA zone of 'today'")

    @field_validator("paydays")
    @classmethod
    def _paydays(cls, value: list[int]) -> list[int]:
        if any(not 1 <= day <= 31 for day in value):
            raise ValueError("each payday is a day of the month, 1-31")
        if len(set(value)) != len(value):
            raise ValueError("paydays must not repeat")
        return sorted(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a known IANA time zone, e.g. Europe/Moscow") from None
        return value

    @field_validator("credit_payment_overrides")
    @classmethod
    def _unique_overrides(cls, value: list[CreditPaymentOverrideBody]) -> list[CreditPaymentOverrideBody]:
        keys = [(o.bank_id, o.agreement_id) for o in value]
        if len(set(keys)) != len(keys):
            raise ValueError("one override per bank_id and agreement_id")
        return value

    @model_validator(mode="after")
    def _goal(self) -> Self:
        if self.savings_goal_date is not None and self.savings_goal_amount is None:
            raise ValueError("savings_goal_date needs savings_goal_amount")
        return self

    def to_domain(self) -> FinancialInputs:
        return FinancialInputs(
            salary=self.salary,
            paydays=tuple(self.paydays),
            credit_payment_overrides=tuple(
                CreditPaymentOverride(**o.model_dump()) for o in self.credit_payment_overrides
            ),
            savings_goal_amount=self.savings_goal_amount,
            savings_goal_date=self.savings_goal_date,
            repayment_speed=self.repayment_speed,
            strategy=self.strategy,
            safety_buffer=self.safety_buffer,
        )

    @classmethod
    def of(cls, inputs: FinancialInputs, timezone: str) -> FinancialInputsBody:
        return cls(
            salary=inputs.salary,
            paydays=list(inputs.paydays),
            credit_payment_overrides=[
                CreditPaymentOverrideBody(
                    bank_id=o.bank_id,
                    agreement_id=o.agreement_id,
                    monthly_payment=o.monthly_payment,
                    due_day=o.due_day,
                )
                for o in inputs.credit_payment_overrides
            ],
            savings_goal_amount=inputs.savings_goal_amount,
            savings_goal_date=inputs.savings_goal_date,
            repayment_speed=inputs.repayment_speed,
            strategy=inputs.strategy,
            safety_buffer=inputs.safety_buffer,
            timezone=timezone,
        )


class FinancialInputsResponse(FinancialInputsBody):
    stored: bool = Field(description="False until the user saves inputs: these are the defaults")
    updated_at: datetime | None = None
    data_version: int = Field(description="The data version after the last change")


def _check_goal_date(body: FinancialInputsBody) -> None:
    # Checked here, not in the model: "in the future" needs the clock and the user's zone.
    if body.savings_goal_date is not None and body.savings_goal_date <= clock.local_today(body.timezone):
        raise Unprocessable(
            "The request is not valid",
            details=[{"field": "body.savings_goal_date", "message": "must be after today"}],
        )


def save(user_id: str, body: FinancialInputsBody) -> FinancialInputsResponse:
    """Store the inputs and bump the data version in one transaction (never one without the other)."""
    _check_goal_date(body)
    inputs = body.to_domain()
    stored = store.save(user_id, inputs, body.timezone)
    return FinancialInputsResponse(
        **FinancialInputsBody.of(inputs, body.timezone).model_dump(),
        stored=True,
        updated_at=stored.updated_at,
        data_version=versioning.current_version(user_id),
    )


def view(user_id: str) -> FinancialInputsResponse:
    stored = store.load(user_id)
    return FinancialInputsResponse(
        **FinancialInputsBody.of(stored.inputs, stored.timezone).model_dump(),
        stored=stored.stored,
        updated_at=stored.updated_at,
        data_version=versioning.current_version(user_id),
    )
