"""The consent state machine on stored records (no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.models import BankConsent
from finpulse.consents.records import (
    ConsentRecord,
    apply_bank_answer,
    fingerprint,
    iso,
    new_local_id,
    new_record,
    transition,
)

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def record(answer: dict[str, object]) -> ConsentRecord:
    return new_record(
        user_id="u1",
        bank_id="sbank",
        kind="accounts",
        customer_id="team200-1",
        options={"permissions": ["ReadBalances"]},
        permissions=["ReadBalances"],
        answer=BankConsent.model_validate(answer),
        now=NOW,
    )


def test_pending_then_approved_keeps_history_and_drops_the_approval_link() -> None:
    rec = record(
        {"request_id": "req-1", "status": "pending", "links": {"consentApproval": "http://b/app/req-1"}}
    )
    assert rec.status is ConsentStatus.PENDING
    assert rec.approval_url == "http://b/app/req-1"
    assert rec.consent_id is None
    later = NOW + timedelta(minutes=1)
    approved = BankConsent.model_validate(
        {
            "data": {
                "consentId": "consent-7",
                "requestId": "req-1",
                "status": "Authorized",
                "expirationDateTime": "2026-04-10T12:00:00Z",
            }
        }
    )
    assert apply_bank_answer(rec, approved, later)
    assert (rec.status, rec.raw_status, rec.consent_id) == (ConsentStatus.APPROVED, "Authorized", "consent-7")
    assert rec.approval_url is None
    assert rec.request_id == "req-1"  # request id and consent id are kept apart
    assert [h.status for h in rec.history][-1] is ConsentStatus.APPROVED
    assert not apply_bank_answer(rec, approved, later)  # the same answer changes nothing


def test_final_states_never_come_back() -> None:
    rec = record({"consent_id": "c-1", "status": "approved"})
    assert transition(rec, ConsentStatus.REVOKED, "revoked", "user", NOW)
    stale = BankConsent.model_validate({"consent_id": "c-1", "status": "Authorized"})
    apply_bank_answer(rec, stale, NOW + timedelta(seconds=1))
    assert rec.status is ConsentStatus.REVOKED


def test_approved_past_its_expiry_is_expired_whatever_the_bank_says() -> None:
    rec = record({"consent_id": "c-1", "status": "approved", "expirationDateTime": "2026-01-01T00:00:00Z"})
    assert rec.status is ConsentStatus.EXPIRED
    assert rec.raw_status == "approved"


def test_liveness_and_near_expiry() -> None:
    rec = record(
        {"consent_id": "c-1", "status": "approved", "expirationDateTime": iso(NOW + timedelta(days=5))}
    )
    assert rec.live(NOW)
    assert rec.near_expiry(NOW, 7)
    assert not rec.near_expiry(NOW, 3)
    assert not rec.live(NOW + timedelta(days=6))
    rec.replaced_by = "c-2"
    assert not rec.live(NOW)


def test_fingerprint_and_ids() -> None:
    assert fingerprint("payments", {"a": 1, "b": "2"}) == fingerprint("payments", {"b": "2", "a": 1})
    assert fingerprint("payments", {"a": 1}) != fingerprint("products", {"a": 1})
    first, second = new_local_id(NOW), new_local_id(NOW + timedelta(milliseconds=1))
    assert first[:9] <= second[:9]
    assert first != new_local_id(NOW)


def test_stored_times_are_fixed_width_so_strings_sort_as_times() -> None:
    assert iso(NOW) == "2026-01-10T12:00:00.000000Z"
    rec = record({"consent_id": "c-1", "status": "approved"})
    dumped = rec.model_dump(mode="json")
    assert dumped["created_at"] == "2026-01-10T12:00:00.000000Z"
    assert ConsentRecord.model_validate(dumped) == rec
