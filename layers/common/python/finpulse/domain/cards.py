"""A payment card as the sync stores it.

The domain package (finpulse.domain) has no card model yet; this one follows its conventions
(pydantic dataclass, frozen, no full numbers: banks send cards masked) until it does.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Card:
    bank_id: str = Field(min_length=1)
    card_id: str = Field(min_length=1)
    account_id: str | None = None
    masked_number: str | None = None
    card_type: str | None = None
    """The bank's word: `debit`, `credit`."""
    name: str = ""
    status: str = "active"
    expiry_month: int | None = Field(default=None, ge=1, le=12)
    expiry_year: int | None = Field(default=None, ge=2000, le=2200)
    daily_limit: Decimal | None = None
    monthly_limit: Decimal | None = None
