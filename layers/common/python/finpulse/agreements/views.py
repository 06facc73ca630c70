"""What the agreement endpoints answer: masked account numbers only, amounts as decimal strings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from finpulse.agreements.records import ActionKind, ActionStatus, AgreementAction
from finpulse.domain import mask_account_number
from finpulse.payments.views import PaymentCheckView, PaymentFailureView, PaymentPartyView
from finpulse.sync.api.models import AgreementView


class AgreementPartyView(PaymentPartyView):
    available: Decimal | None = Field(default=None, description="Available now, as the bank reports it")


class ProductConsentView(BaseModel):
    consent_id: str | None = None
    open: bool
    close: bool
    product_types: list[str]
    max_amount: Decimal | None = None
    opened_so_far: Decimal | None = Field(
        default=None, description="What the bank counted as opened under it"
    )
    room: Decimal | None = Field(default=None, description="What may still be opened (null: no cap)")


class OpenQuote(BaseModel):
    ok: bool = Field(description="True when the deposit would be opened")
    bank_id: str
    product_id: str
    product_name: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    term_months: int | None = None
    rate: Decimal | None = Field(default=None, description="Annual percent, by the product's terms")
    opened_on: date | None = None
    maturity_date: date | None = None
    interest_at_maturity: Decimal | None = Field(default=None, description="See docs/ANALYTICS.md (Deposits)")
    total_at_maturity: Decimal | None = None
    source: AgreementPartyView | None = None
    consent: ProductConsentView | None = None
    checks: list[PaymentCheckView]


class CloseQuote(BaseModel):
    ok: bool = Field(description="True when the deposit would be closed")
    agreement: AgreementView | None = None
    returned: Decimal | None = Field(default=None, description="What comes back to `to` (the balance now)")
    principal: Decimal | None = None
    interest_credited: Decimal | None = Field(default=None, description="Interest already in the balance")
    interest_at_maturity: Decimal | None = None
    interest_lost: Decimal | None = Field(default=None, description="Given up by closing before maturity")
    early: bool | None = Field(default=None, description="Closed before its maturity date")
    to: AgreementPartyView | None = None
    consent: ProductConsentView | None = None
    checks: list[PaymentCheckView]


class ActionHistoryView(BaseModel):
    at: datetime
    status: ActionStatus
    note: str | None = None


class AgreementActionView(BaseModel):
    action_id: str
    kind: ActionKind
    status: ActionStatus
    final: bool
    bank_id: str
    product_id: str | None = None
    product_name: str
    amount: Decimal | None = Field(default=None, description="Opened: put in; closed: what came back")
    currency: str
    term_months: int | None = None
    rate: Decimal | None = None
    maturity_date: date | None = None
    interest_at_maturity: Decimal | None = None
    account: PaymentPartyView = Field(description="Opened: funded from; closed: the money went to")
    agreement_id: str | None = None
    masked_account_number: str | None = Field(default=None, description="The agreement's own account")
    agreement: AgreementView | None = Field(default=None, description="As synced from the bank just now")
    synced: bool = Field(description="The bank was re-synced after it")
    failure: PaymentFailureView | None = None
    note: str | None = None
    history: list[ActionHistoryView]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, a: AgreementAction, agreement: AgreementView | None = None) -> AgreementActionView:
        return cls(
            action_id=a.action_id,
            kind=a.kind,
            status=a.status,
            final=a.final,
            bank_id=a.bank_id,
            product_id=a.product_id,
            product_name=a.product_name,
            amount=a.amount,
            currency=a.currency,
            term_months=a.term_months,
            rate=a.rate,
            maturity_date=a.maturity_date,
            interest_at_maturity=a.interest_at_maturity,
            account=PaymentPartyView.of(a.account),
            agreement_id=a.agreement_id,
            masked_account_number=mask_account_number(a.agreement_number),
            agreement=agreement,
            synced=a.synced,
            failure=PaymentFailureView(code=a.failure.code, message=a.failure.message) if a.failure else None,
            note=a.note,
            history=[ActionHistoryView(at=h.at, status=h.status, note=h.note) for h in a.history],
            created_at=a.created_at,
            updated_at=a.updated_at,
        )
