"""A payment as FinPulse stores it, and the state machine it moves along (pure: no I/O).

    created ──▶ awaiting_approval ──▶ submitting ──▶ pending ──▶ completed
       │               │                  │  │         └──────▶ rejected | failed
       │               └──▶ rejected      │  ├──▶ completed | rejected | failed
       └──▶ submitting | rejected | failed └──▶ unknown ──▶ pending | completed | rejected | failed

Only `submitting` sends `POST /payments`, and only the one process whose conditional write moved
the record there. A record found in `submitting` or `unknown` is reconciled against the bank,
never sent again. `completed`, `rejected` and `failed` are final.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.consents.records import UtcTime
from finpulse.domain import mask_account_number

PaymentKind = Literal["mdp", "adp", "sdp"]
PaymentStatus = Literal[
    "created", "awaiting_approval", "submitting", "pending", "completed", "rejected", "failed", "unknown"
]
PartyKind = Literal["current", "savings", "loan", "credit_card", "deposit", "savings_account"]
ConsentMode = Literal["single_use", "existing"]

FINAL: frozenset[str] = frozenset({"completed", "rejected", "failed"})
STATUSES: tuple[str, ...] = (
    "created",
    "awaiting_approval",
    "submitting",
    "pending",
    "completed",
    "rejected",
    "failed",
    "unknown",
)
_NEXT: dict[str, frozenset[str]] = {
    "created": frozenset({"awaiting_approval", "submitting", "rejected", "failed"}),
    "awaiting_approval": frozenset({"submitting", "rejected", "failed"}),
    "submitting": frozenset({"pending", "completed", "rejected", "failed", "unknown"}),
    "pending": frozenset({"completed", "rejected", "failed"}),
    "unknown": frozenset({"pending", "completed", "rejected", "failed"}),
}


UNKNOWN_NOTE = (
    "The bank did not confirm this payment. FinPulse is checking with the bank and will never send it "
    "again on its own: do not pay again until this is settled"
)


class IllegalTransition(Exception):
    """A bug: code asked for a move the state machine does not have."""


class Party(BaseModel):
    """One side of a payment: an account the bank reported, with its full number (payments need
    it; outputs show only `masked`)."""

    bank_id: str
    account_id: str | None = None
    agreement_id: str | None = None
    number: str = Field(repr=False)
    currency: str = "RUB"
    kind: PartyKind
    name: str = ""

    @property
    def masked(self) -> str:
        return mask_account_number(self.number) or "****"


class ConsentUse(BaseModel):
    """The payment consent a payment goes under: one made for it alone, or an existing one."""

    mode: ConsentMode
    local_id: str | None = None
    request_id: str | None = None
    consent_id: str | None = None
    raw_status: str = ""
    approval_url: str | None = None
    requested: dict[str, str] = Field(default_factory=dict, description="Terms FinPulse asked for")
    bank_terms: dict[str, str] | None = Field(default=None, description="Terms the bank stored")
    differences: list[str] = Field(default_factory=list)

    @property
    def bank_ref(self) -> str | None:
        return self.consent_id or self.request_id


class Failure(BaseModel):
    code: str
    message: str


class HistoryEntry(BaseModel):
    at: UtcTime
    status: PaymentStatus
    raw_status: str | None = None
    note: str | None = None


class PaymentRecord(BaseModel):
    user_id: str
    customer_id: str = Field(description="The caller's customer id at the debtor's bank")
    payment_id: str
    kind: PaymentKind
    status: PaymentStatus = "created"
    idempotency_key: str
    request_hash: str
    debtor: Party
    creditor: Party
    amount: Decimal
    currency: str
    comment: str
    reference: str = Field(description="Carried in the payment's text; finds it on the debtor's statement")
    consent: ConsentUse
    bank_payment_id: str | None = None
    bank_status: str | None = None
    failure: Failure | None = None
    note: str | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    submitted_at: UtcTime | None = None
    last_polled_at: UtcTime | None = None
    effects_at: UtcTime | None = None
    created_at: UtcTime
    updated_at: UtcTime
    version: int = 0

    @property
    def final(self) -> bool:
        return self.status in FINAL

    @property
    def banks(self) -> list[str]:
        return sorted({self.debtor.bank_id, self.creditor.bank_id})


def transition(
    record: PaymentRecord,
    to: PaymentStatus,
    now: datetime,
    *,
    raw_status: str | None = None,
    note: str | None = None,
    failure: Failure | None = None,
) -> None:
    """Move `record` to `to`, recording history (callers then save it with a conditional write)."""
    if to not in _NEXT.get(record.status, frozenset()):
        raise IllegalTransition(f"{record.status} -> {to}")
    record.status = to
    record.updated_at = now
    if raw_status is not None:
        record.bank_status = raw_status
    record.note = note
    if failure is not None:
        record.failure = failure
    if to == "submitting":
        record.submitted_at = now
    record.history.append(HistoryEntry(at=now, status=to, raw_status=raw_status, note=note))


def can_move(record: PaymentRecord, to: PaymentStatus) -> bool:
    return to in _NEXT.get(record.status, frozenset())
