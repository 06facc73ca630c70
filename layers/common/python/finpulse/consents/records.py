"""A stored consent and what may happen to it (pure: no I/O, the clock is a parameter)."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from finpulse import clock
from finpulse.banks.consent_status import FINAL, ConsentStatus
from finpulse.banks.models import BankConsent

# Re-exported: the consent modules' names for the shared clock's stored format.
from finpulse.clock import UtcTime as UtcTime
from finpulse.clock import iso as iso

Kind = Literal["accounts", "products", "payments"]
KINDS: tuple[Kind, ...] = ("accounts", "products", "payments")
HistorySource = Literal["bank", "user", "clock", "renewal"]


class HistoryEntry(BaseModel):
    at: UtcTime
    status: ConsentStatus
    raw_status: str
    source: HistorySource
    reason: str | None = None


class DataRemoval(BaseModel):
    at: UtcTime
    deleted_items: int
    reason: str
    not_deleted: list[str] = Field(default_factory=list)


class ConsentRecord(BaseModel):
    user_id: str
    bank_id: str
    kind: Kind
    local_id: str
    customer_id: str
    status: ConsentStatus
    raw_status: str
    request_id: str | None = None
    consent_id: str | None = None
    permissions: list[str] = Field(default_factory=list)
    options: dict[str, Any] = Field(default_factory=dict)
    fingerprint: str
    approval_url: str | None = None
    expires_at: UtcTime | None = None
    created_at: UtcTime
    updated_at: UtcTime
    last_polled_at: UtcTime | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    replaces: str | None = None
    replaced_by: str | None = None
    # Set when the user revoked here but the bank could not be told (retried by refresh).
    bank_revoke_pending: bool = False
    # Set when the bank answered a revocation with 404: FinPulse cannot tell whether a grant lives
    # on there under an id it never learnt (a request approved but never shown as approved).
    bank_revoke_unconfirmed: bool = False
    # Why the consent is in its status, when FinPulse (not the bank) decided it.
    status_reason: str | None = None
    # What was deleted when the consent ended, and why (set once its data is gone).
    data_removal: DataRemoval | None = None
    version: int = 0

    @property
    def bank_ref(self) -> str:
        """The id the bank knows it by: the consent id once there is one, else the request id."""
        return self.consent_id or self.request_id or self.local_id

    def ids(self) -> set[str]:
        return {i for i in (self.local_id, self.request_id, self.consent_id) if i}

    def expired_by_clock(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    def live(self, now: datetime) -> bool:
        """Usable for data calls: approved, not expired, not replaced by a renewal."""
        return (
            self.status is ConsentStatus.APPROVED and not self.expired_by_clock(now) and not self.replaced_by
        )

    def near_expiry(self, now: datetime, days: int) -> bool:
        return (
            self.status is ConsentStatus.APPROVED
            and self.expires_at is not None
            and now < self.expires_at <= now + timedelta(days=days)
        )

    def final(self) -> bool:
        return self.status in FINAL

    def pending_too_long(self, now: datetime, timeout_hours: float) -> bool:
        waited = now - self.created_at
        return self.status is ConsentStatus.PENDING and waited >= timedelta(hours=timeout_hours)


def new_local_id(now: datetime) -> str:
    """Time-ordered and unguessable: `c<ms since epoch, base36>-<random>`."""
    millis = int(now.timestamp() * 1000)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while millis:
        millis, r = divmod(millis, 36)
        out = digits[r] + out
    return f"c{out}-{secrets.token_hex(6)}"


def fingerprint(kind: str, options: dict[str, Any]) -> str:
    """Same kind and options → same fingerprint: what makes `init` idempotent."""
    canonical = json.dumps({"kind": kind, **options}, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def transition(
    record: ConsentRecord,
    status: ConsentStatus,
    raw_status: str,
    source: HistorySource,
    now: datetime,
    reason: str | None = None,
) -> bool:
    """Move to `status`, recording history; False when nothing changed. Final states are kept."""
    if record.status == status and record.raw_status == raw_status:
        return False
    if record.final() and status is not record.status:
        # A revoked/rejected/expired consent never comes back; a bank echoing an older word
        # (eventual consistency at the bank) must not resurrect it.
        return False
    record.status = status
    record.raw_status = raw_status
    record.updated_at = now
    record.status_reason = reason
    record.history.append(
        HistoryEntry(at=now, status=status, raw_status=raw_status, source=source, reason=reason)
    )
    if status is not ConsentStatus.PENDING:
        record.approval_url = None
    return True


def apply_bank_answer(record: ConsentRecord, answer: BankConsent, now: datetime) -> bool:
    """Fold what the bank said about this consent into the record; True if anything changed."""
    changed = False
    if answer.consent_id and answer.consent_id != record.consent_id:
        record.consent_id = answer.consent_id
        changed = True
    if answer.request_id and not record.request_id:
        record.request_id = answer.request_id
        changed = True
    if answer.expires_at is not None and answer.expires_at != record.expires_at:
        record.expires_at = answer.expires_at
        changed = True
    if answer.permissions and answer.permissions != record.permissions:
        record.permissions = list(answer.permissions)
        changed = True
    if (
        answer.approval_url
        and record.status is ConsentStatus.PENDING
        and answer.status is ConsentStatus.PENDING
    ):
        record.approval_url = answer.approval_url
        changed = True
    status = answer.status
    # An approved consent whose expiry has passed is expired, whatever the bank's word says.
    if status is ConsentStatus.APPROVED and answer.expires_at is not None and answer.expires_at <= now:
        status = ConsentStatus.EXPIRED
    changed = transition(record, status, answer.raw_status, "bank", now) or changed
    if changed:
        record.updated_at = now
    return changed


def new_record(
    *,
    user_id: str,
    bank_id: str,
    kind: Kind,
    customer_id: str,
    options: dict[str, Any],
    permissions: list[str],
    answer: BankConsent,
    now: datetime,
    replaces: str | None = None,
) -> ConsentRecord:
    record = ConsentRecord(
        user_id=user_id,
        bank_id=bank_id,
        kind=kind,
        local_id=new_local_id(now),
        customer_id=customer_id,
        status=ConsentStatus.PENDING,
        raw_status="",
        request_id=answer.request_id,
        consent_id=answer.consent_id,
        permissions=list(answer.permissions or permissions),
        options=options,
        fingerprint=fingerprint(kind, options),
        approval_url=answer.approval_url,
        expires_at=answer.expires_at,
        created_at=now,
        updated_at=now,
        last_polled_at=now,
        replaces=replaces,
    )
    record.history.append(HistoryEntry(at=now, status=ConsentStatus.PENDING, raw_status="", source="user"))
    apply_bank_answer(record, answer, now)
    return record


def utcnow() -> datetime:
    return clock.now()
