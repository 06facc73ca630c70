"""What the consent endpoints answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from finpulse.banks.errors import BankError
from finpulse.consents.records import ConsentRecord, DataRemoval, HistoryEntry, Kind, UtcTime
from finpulse.errors import FinPulseError


class ErrorInfo(BaseModel):
    code: str
    message: str
    http_status: int | None = Field(default=None, description="The bank's HTTP status, when it answered")

    @classmethod
    def of(cls, exc: FinPulseError) -> ErrorInfo:
        status = exc.http_status if isinstance(exc, BankError) else None
        return cls(code=exc.code, message=exc.message, http_status=status)


class ConsentView(BaseModel):
    id: str = Field(description="FinPulse's id of the consent (stable across request → consent)")
    bank_id: str
    kind: Kind
    status: str = Field(description="pending | approved | rejected | revoked | expired")
    raw_status: str = Field(description="The bank's own word for the status")
    request_id: str | None = None
    consent_id: str | None = None
    permissions: list[str]
    options: dict[str, Any]
    approval_url: str | None = Field(default=None, description="Where the customer approves (while pending)")
    expires_at: UtcTime | None = None
    expires_in_days: int | None = None
    near_expiry: bool = Field(description="Approved and expiring within the warning window: offer renewal")
    replaces: str | None = None
    replaced_by: str | None = None
    bank_revoke_pending: bool = Field(default=False, description="Revoked here; the bank is told on refresh")
    bank_revoke_unconfirmed: bool = Field(
        default=False, description="The bank answered the revocation with 404: check the bank's own app"
    )
    status_reason: str | None = Field(
        default=None, description="Why FinPulse set this status (e.g. a timeout)"
    )
    data_removal: DataRemoval | None = Field(
        default=None, description="The data this consent brought in, deleted when it ended, and why"
    )
    created_at: UtcTime
    updated_at: UtcTime
    last_polled_at: UtcTime | None = None
    history: list[HistoryEntry]

    @classmethod
    def of(cls, record: ConsentRecord, now: datetime, near_days: int) -> ConsentView:
        days = None
        if record.expires_at is not None:
            days = max(0, int((record.expires_at - now).total_seconds() // 86400))
        return cls(
            id=record.local_id,
            bank_id=record.bank_id,
            kind=record.kind,
            status=record.status.value,
            raw_status=record.raw_status,
            request_id=record.request_id,
            consent_id=record.consent_id,
            permissions=record.permissions,
            options=record.options,
            approval_url=record.approval_url,
            expires_at=record.expires_at,
            expires_in_days=days,
            near_expiry=record.near_expiry(now, near_days),
            replaces=record.replaces,
            replaced_by=record.replaced_by,
            bank_revoke_pending=record.bank_revoke_pending,
            bank_revoke_unconfirmed=record.bank_revoke_unconfirmed,
            status_reason=record.status_reason,
            data_removal=record.data_removal,
            created_at=record.created_at,
            updated_at=record.updated_at,
            last_polled_at=record.last_polled_at,
            history=record.history,
        )


class KindState(BaseModel):
    current: ConsentView | None = Field(default=None, description="The consent in use (or the latest one)")
    renewal: ConsentView | None = Field(default=None, description="A pending renewal of `current`")


class BankConsents(BaseModel):
    bank_id: str
    name: str
    approval: Literal["auto", "manual"]
    customer_id: str | None = Field(description="The user's customer id at this bank, if set")
    connected: bool = Field(description="An approved, unexpired account consent exists")
    needs_action: bool = Field(description="Pending approval, near expiry, or no longer valid")
    accounts: KindState
    products: KindState
    payments: KindState
    error: ErrorInfo | None = Field(default=None, description="Polling this bank failed just now")


class ConsentsStatus(BaseModel):
    banks: list[BankConsents]
    near_expiry_days: int
    generated_at: UtcTime


InitOutcome = Literal["created", "reused", "pending", "renewal_created", "failed"]


class InitResult(BaseModel):
    bank_id: str
    kind: Kind
    outcome: InitOutcome
    consent: ConsentView | None = None
    error: ErrorInfo | None = None


class InitResponse(BaseModel):
    results: list[InitResult]


class ConsentDetail(BaseModel):
    consent: ConsentView
    error: ErrorInfo | None = Field(default=None, description="Polling the bank failed just now")


class RevokeResponse(BaseModel):
    consent: ConsentView
    revoked_at_bank: bool = Field(description="The bank confirmed the revocation")
    bank_error: ErrorInfo | None = Field(
        default=None,
        description="What the bank answered instead (an error is retried on refresh; a 404 is not)",
    )
    reason: str | None = Field(default=None, description="Why the revocation is not confirmed by the bank")
    hint: str | None = Field(default=None, description="What the user should do (check the bank's own app)")
    deleted_items: int = Field(description="Items of data this consent brought in, deleted")
    not_deleted: list[str] = Field(description="What could not be deleted, and why")


class BankRelease(BaseModel):
    """What giving up a bank (changing or removing the identity there) revoked and deleted."""

    revoked_consents: int = Field(description="Consents revoked (at the bank, where it still knew them)")
    deleted_items: int = Field(description="Items of data from this bank, deleted")
    not_deleted: list[str] = Field(description="What could not be deleted or told to the bank, and why")
