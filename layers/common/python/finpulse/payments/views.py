"""What the payment endpoints answer: masked account numbers only, amounts as decimal strings."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.payments.defaults import AmountSource
from finpulse.payments.records import (
    UNKNOWN_NOTE,
    ConsentMode,
    Party,
    PartyKind,
    PaymentKind,
    PaymentRecord,
    PaymentStatus,
)

# What the user should know about a status that is not plainly done.
_NOTES: dict[str, str] = {
    "awaiting_approval": "Approve the payment in your bank's app (approval_url); it is sent once you do",
    "submitting": "The payment is being sent to the bank",
    "pending": "The bank accepted the payment and is settling it",
    "unknown": UNKNOWN_NOTE,
}


class PaymentPartyView(BaseModel):
    bank_id: str
    account_id: str | None = None
    agreement_id: str | None = None
    masked_number: str = Field(description="`****6706`; full numbers are never returned")
    kind: PartyKind
    name: str
    currency: str

    @classmethod
    def of(cls, p: Party) -> PaymentPartyView:
        return cls(
            bank_id=p.bank_id,
            account_id=p.account_id,
            agreement_id=p.agreement_id,
            masked_number=p.masked,
            kind=p.kind,
            name=p.name,
            currency=p.currency,
        )


class PaymentConsentView(BaseModel):
    mode: ConsentMode = Field(description="`single_use`: made for this payment alone; `existing`: yours")
    consent_id: str | None = None
    request_id: str | None = None
    status: str | None = Field(default=None, description="The bank's word")
    approval_url: str | None = None
    requested: dict[str, str] = Field(default_factory=dict, description="Terms FinPulse asked for")
    bank_terms: dict[str, str] | None = Field(default=None, description="Terms the bank stored, read back")
    differences: list[str] = Field(default_factory=list, description="Where the bank's terms differ")


class PaymentHistoryView(BaseModel):
    at: datetime
    status: PaymentStatus
    raw_status: str | None = None
    note: str | None = None


class PaymentFailureView(BaseModel):
    code: str
    message: str


class PaymentView(BaseModel):
    payment_id: str
    kind: PaymentKind
    status: PaymentStatus
    final: bool
    amount: Decimal
    currency: str
    comment: str
    reference: str = Field(description="On the bank statement: how this payment is found there")
    debtor: PaymentPartyView
    creditor: PaymentPartyView
    consent: PaymentConsentView
    bank_payment_id: str | None = None
    bank_status: str | None = Field(default=None, description="The bank's own status word")
    approval_url: str | None = None
    failure: PaymentFailureView | None = None
    message: str | None = Field(default=None, description="What the user should know or do now")
    history: list[PaymentHistoryView]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, r: PaymentRecord) -> PaymentView:
        c = r.consent
        return cls(
            payment_id=r.payment_id,
            kind=r.kind,
            status=r.status,
            final=r.final,
            amount=r.amount,
            currency=r.currency,
            comment=r.comment,
            reference=r.reference,
            debtor=PaymentPartyView.of(r.debtor),
            creditor=PaymentPartyView.of(r.creditor),
            consent=PaymentConsentView(
                mode=c.mode,
                consent_id=c.consent_id,
                request_id=c.request_id,
                status=c.raw_status or None,
                approval_url=c.approval_url if r.status == "awaiting_approval" else None,
                requested=c.requested,
                bank_terms=c.bank_terms,
                differences=c.differences,
            ),
            bank_payment_id=r.bank_payment_id,
            bank_status=r.bank_status,
            approval_url=c.approval_url if r.status == "awaiting_approval" else None,
            failure=PaymentFailureView(code=r.failure.code, message=r.failure.message) if r.failure else None,
            message=r.note or _NOTES.get(r.status),
            history=[
                PaymentHistoryView(at=h.at, status=h.status, raw_status=h.raw_status, note=h.note)
                for h in r.history
            ],
            created_at=r.created_at,
            updated_at=r.updated_at,
        )


class PaymentsPage(BaseModel):
    payments: list[PaymentView] = Field(description="Newest first")
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` for the next page")


class PaymentCheckView(BaseModel):
    name: str = Field(description="What is checked (amount, available_balance, consent_limits, ...)")
    ok: bool
    code: str | None = Field(default=None, description="The error code the payment would get")
    message: str
    field: str | None = None


class PaymentQuoteConsent(BaseModel):
    mode: ConsentMode
    approval: Literal["auto", "manual"] = Field(description="manual: you approve it in your bank's app")
    consent_id: str | None = None
    status: str | None = None
    limits: dict[str, str] = Field(default_factory=dict, description="The consent's limits")
    usage: dict[str, str] = Field(default_factory=dict, description="What is already used (existing consent)")
    differences: list[str] = Field(
        default_factory=list, description="Where the bank's terms differ from yours"
    )


class PaymentQuoteDebtor(PaymentPartyView):
    available: Decimal | None = Field(default=None, description="InterimAvailable, read from the bank now")


class PaymentQuoteCreditor(PaymentPartyView):
    outstanding: Decimal | None = Field(default=None, description="Loans and cards: what is owed")


class PaymentQuote(BaseModel):
    kind: PaymentKind
    ok: bool = Field(description="True when the payment would be sent")
    amount: Decimal | None = None
    amount_source: AmountSource | None = None
    currency: str | None = None
    debtor: PaymentQuoteDebtor | None = None
    creditor: PaymentQuoteCreditor | None = None
    consent: PaymentQuoteConsent | None = None
    checks: list[PaymentCheckView] = Field(
        description="Every check, in order; the failed ones would refuse it"
    )
