"""What clients send to the payment endpoints. Shape errors are 422 `VALIDATION_ERROR` naming the
field; the amount is only parsed here, so that zero, negative, too precise or missing amounts get
their own codes from the checks (finpulse.payments.checks)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from finpulse.consents.requests import BANK_ID_PATTERN
from finpulse.payments.records import PaymentKind

# Ids as banks print them (`acc-1100`, `loan-team200-1-5072`); nothing that could shift a key.
REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaymentDebtorRef(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN)
    account_id: str = Field(pattern=REF_PATTERN, description="One of your current or savings accounts")


class PaymentTargetRef(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN)
    agreement_id: str | None = Field(default=None, pattern=REF_PATTERN, description="Loan, card or deposit")
    account_id: str | None = Field(default=None, pattern=REF_PATTERN, description="Or the account itself")

    @model_validator(mode="after")
    def _one(self) -> Self:
        if (self.agreement_id is None) == (self.account_id is None):
            raise ValueError("give exactly one of agreement_id and account_id")
        return self


class PaymentRequest(_Strict):
    debtor: PaymentDebtorRef
    target: PaymentTargetRef | None = Field(
        default=None, description="Required for MDP and SDP; an ADP defaults to the dashboard's target"
    )
    # max_digits only bounds absurd inputs (1e999999); sign, precision and size get their own codes.
    amount: Decimal | None = Field(
        default=None,
        max_digits=24,
        description="Omit to take the default (next instalment, the dashboard's ADP or SDP)",
    )
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="Must be the accounts'")
    comment: str | None = Field(default=None, min_length=1, max_length=140, pattern=r"^[^\x00-\x1f\x7f]*$")
    consent_id: str | None = Field(
        default=None,
        pattern=REF_PATTERN,
        description="Pay under this multi-use or VRP consent (from /api/consents/init); default: a "
        "single-use consent made for this payment alone",
    )
    user_id: str | None = Field(default=None, description="Legacy; must equal the caller if sent")

    def canonical(self, kind: str) -> dict[str, Any]:
        """What the idempotency check compares: equal payments give equal dicts (1500 = 1500.00)."""
        body = self.model_dump(mode="json", exclude_none=True, exclude={"user_id"})
        if self.amount is not None and self.amount.is_finite():
            body["amount"] = format(self.amount.normalize(), "f")
        return {"kind": kind, "body": body}

    def digest(self, kind: str) -> str:
        import hashlib

        raw = json.dumps(self.canonical(kind), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


class PaymentQuoteRequest(PaymentRequest):
    kind: PaymentKind = Field(description="mdp, adp or sdp: which payment the quote is for")
