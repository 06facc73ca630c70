"""What clients send to open and close product agreements. Shapes only (422 naming the field);
amounts, terms and accounts get their own codes from the checks (finpulse.agreements.open_checks)."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from finpulse.consents.requests import BANK_ID_PATTERN
from finpulse.payments.requests import REF_PATTERN, PaymentDebtorRef


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def canonical(self, kind: str) -> dict[str, Any]:
        """What the idempotency check compares: equal requests give equal dicts (1500 = 1500.00)."""
        body = self.model_dump(mode="json", exclude_none=True)
        amount = getattr(self, "amount", None)
        if isinstance(amount, Decimal) and amount.is_finite():
            body["amount"] = format(amount.normalize(), "f")
        return {"kind": kind, "body": body}

    def digest(self, kind: str) -> str:
        raw = json.dumps(self.canonical(kind), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


class OpenRequest(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN, description="The bank whose product it is")
    product_id: str = Field(pattern=REF_PATTERN, description="From GET /api/products")
    amount: Decimal = Field(max_digits=24, description="What goes into the deposit")
    term_months: int | None = Field(default=None, ge=1, le=600, description="Default: the product's term")
    source: PaymentDebtorRef = Field(description="Your current or savings account at the same bank")


class CloseRequest(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN, description="The bank holding the agreement")
    to: PaymentDebtorRef = Field(
        description="Your current or savings account at that bank: the money goes here"
    )


def agreement_id_param() -> str:
    return REF_PATTERN
