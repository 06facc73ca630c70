"""What clients send to the consent endpoints, validated (a failure is a 422 naming the field)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Customer ids at the banks look like `team200-1`; anything else is refused before a bank sees it.
CUSTOMER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
BANK_ID_PATTERN = r"^[a-z][a-z0-9-]{1,31}$"
MAX_AMOUNT = Decimal("100000000")
MAX_VALIDITY = timedelta(days=366)

BankIdStr = Annotated[str, Field(pattern=BANK_ID_PATTERN)]
Amount = Annotated[Decimal, Field(gt=0, le=MAX_AMOUNT, max_digits=12, decimal_places=2)]
ProductType = Literal["deposit", "loan", "card", "credit_card", "account"]


def _default_types() -> list[ProductType]:
    return ["deposit", "loan", "card"]


class _Strict(BaseModel):
    # Unknown fields are refused: a typo in a limit must not silently mean "no limit".
    model_config = ConfigDict(extra="forbid")


class IdentityBody(_Strict):
    customer_id: str = Field(
        pattern=CUSTOMER_ID_PATTERN, description="The user's customer id at this bank, e.g. team200-1"
    )
    user_id: str | None = Field(default=None, description="Legacy; must equal the caller if sent")


class ProductOptions(_Strict):
    read: bool = True
    open: bool = False
    close: bool = False
    product_types: list[ProductType] = Field(default_factory=_default_types, min_length=1)
    max_amount: Amount | None = Field(default=None, description="Largest product FinPulse may open")

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if not (self.read or self.open or self.close):
            raise ValueError("at least one of read, open, close must be true")
        if len(set(self.product_types)) != len(self.product_types):
            raise ValueError("product_types must not repeat")
        if self.open and self.max_amount is None:
            raise ValueError("max_amount is required when open is true")
        return self


class PaymentLimits(_Strict):
    """Single-use (one payment of `amount`), multi-use (recurring within limits) or VRP."""

    consent_type: Literal["single_use", "multi_use", "vrp"] = "single_use"
    currency: str = Field(default="RUB", pattern=r"^[A-Z]{3}$")
    debtor_account: str = Field(pattern=r"^[0-9A-Za-z]{5,34}$", description="Account payments are made from")
    amount: Amount | None = None
    creditor_account: str | None = Field(default=None, pattern=r"^[0-9A-Za-z]{5,34}$")
    creditor_name: str | None = Field(default=None, max_length=140)
    reference: str | None = Field(default=None, max_length=140)
    max_uses: int | None = Field(default=None, ge=1, le=1000)
    max_amount_per_payment: Amount | None = None
    max_total_amount: Amount | None = None
    allowed_creditor_accounts: list[Annotated[str, Field(pattern=r"^[0-9A-Za-z]{5,34}$")]] | None = Field(
        default=None, max_length=50
    )
    vrp_max_individual_amount: Amount | None = None
    vrp_daily_limit: Amount | None = None
    vrp_monthly_limit: Amount | None = None
    valid_until: datetime | None = None

    @field_validator("valid_until")
    @classmethod
    def _future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        now = datetime.now(UTC)
        if value <= now:
            raise ValueError("valid_until must be in the future")
        if value > now + MAX_VALIDITY:
            raise ValueError("valid_until must be within a year")
        return value

    @model_validator(mode="after")
    def _limits(self) -> Self:
        multi = ("max_uses", "max_amount_per_payment", "max_total_amount", "allowed_creditor_accounts")
        vrp = ("vrp_max_individual_amount", "vrp_daily_limit", "vrp_monthly_limit")
        given = {name for name in (*multi, *vrp, "amount") if getattr(self, name) is not None}
        if self.consent_type == "single_use":
            if self.amount is None:
                raise ValueError("a single_use consent needs amount")
            stray = given - {"amount"}
        elif self.consent_type == "multi_use":
            if self.max_uses is None or self.max_amount_per_payment is None:
                raise ValueError("a multi_use consent needs max_uses and max_amount_per_payment")
            if self.max_total_amount is not None and self.max_total_amount < self.max_amount_per_payment:
                raise ValueError("max_total_amount must be at least max_amount_per_payment")
            stray = given - set(multi)
        else:
            if None in (self.vrp_max_individual_amount, self.vrp_daily_limit, self.vrp_monthly_limit):
                raise ValueError(
                    "a vrp consent needs vrp_max_individual_amount, vrp_daily_limit and vrp_monthly_limit"
                )
            single, daily, monthly = (
                self.vrp_max_individual_amount or 0,
                self.vrp_daily_limit or 0,
                self.vrp_monthly_limit or 0,
            )
            if not single <= daily <= monthly:
                raise ValueError("vrp limits must satisfy individual <= daily <= monthly")
            stray = given - set(vrp)
        if stray:
            raise ValueError(f"{', '.join(sorted(stray))} do not apply to a {self.consent_type} consent")
        return self


class BankChoice(_Strict):
    bank_id: BankIdStr
    include_products: bool | None = Field(
        default=None, description="Product consent for this bank (default: the request's flag)"
    )
    include_payments: bool | None = Field(
        default=None, description="Payment consent for this bank (default: the request's flag)"
    )
    payment_limits: PaymentLimits | None = Field(
        default=None, description="Payment limits for this bank (its own debtor account)"
    )


class InitRequest(_Strict):
    banks: list[BankIdStr | BankChoice] = Field(min_length=1, max_length=20)
    include_accounts: bool = True
    include_products: bool = False
    include_payments: bool = False
    products: ProductOptions | None = Field(
        default=None, description="Product consent options (default: read)"
    )
    payment_limits: PaymentLimits | None = Field(default=None, description="Default payment limits")
    renew: bool = Field(default=False, description="Create new consents even where approved ones exist")
    user_id: str | None = Field(default=None, description="Legacy; must equal the caller if sent")

    def choices(self) -> list[BankChoice]:
        return [b if isinstance(b, BankChoice) else BankChoice(bank_id=b) for b in self.banks]

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        ids = [c.bank_id for c in self.choices()]
        if len(set(ids)) != len(ids):
            raise ValueError("banks must not repeat")
        if not self.include_accounts and not any(
            self.wants_products(c) or self.wants_payments(c) for c in self.choices()
        ):
            raise ValueError("nothing to consent to: include accounts, products or payments")
        if any(
            self.wants_payments(c) and c.payment_limits is None and self.payment_limits is None
            for c in self.choices()
        ):
            raise ValueError("include_payments needs payment_limits (for every bank)")
        return self

    def wants_products(self, choice: BankChoice) -> bool:
        return self.include_products if choice.include_products is None else choice.include_products

    def wants_payments(self, choice: BankChoice) -> bool:
        return self.include_payments if choice.include_payments is None else choice.include_payments


class RefreshRequest(_Strict):
    banks: list[BankIdStr] | None = Field(default=None, max_length=20, description="Only these banks")
    user_id: str | None = Field(default=None, description="Legacy; must equal the caller if sent")
