"""Catalog offers of a bank (`GET /products`), used for refinance and savings suggestions."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, CurrencyCode, NonNegativeMoney, Rate


class ProductKind(StrEnum):
    LOAN = "loan"
    DEPOSIT = "deposit"
    CREDIT_CARD = "credit_card"
    DEBIT_CARD = "debit_card"
    ACCOUNT = "account"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Product:
    bank_id: str = Field(min_length=1)
    product_id: str = Field(min_length=1)
    kind: ProductKind
    name: str = ""
    description: str | None = None
    currency: CurrencyCode = "RUB"
    rate_min: Rate | None = None
    """Lowest advertised annual rate in percent. Sandbox catalogs publish one `interestRate`, which
    the mapping puts in both `rate_min` and `rate_max`."""
    rate_max: Rate | None = None
    min_amount: NonNegativeMoney | None = None
    max_amount: NonNegativeMoney | None = None
    term_months: int | None = Field(default=None, ge=1, le=600)
    """Longest term offered, in months."""
    commission_amount: NonNegativeMoney = Decimal(0)
    """One-off fee in currency units charged when the product is opened."""
    commission_percent: Rate = Decimal(0)
    """One-off fee as a percent of the amount (e.g. `1.5` → 1.5 % of the refinanced principal)."""

    @model_validator(mode="after")
    def _ranges_in_order(self) -> Product:
        if self.rate_min is not None and self.rate_max is not None and self.rate_max < self.rate_min:
            raise ValueError("rate_max is below rate_min")
        if self.min_amount is not None and self.max_amount is not None and self.max_amount < self.min_amount:
            raise ValueError("max_amount is below min_amount")
        return self

    @property
    def best_rate_for_borrower(self) -> Decimal | None:
        return self.rate_min if self.rate_min is not None else self.rate_max

    @property
    def best_rate_for_saver(self) -> Decimal | None:
        return self.rate_max if self.rate_max is not None else self.rate_min
