"""`DELETE /api/consents/{consent_id}`: revoke at the bank, mark revoked, delete the data.

The user's decision stands even when the bank cannot be told right now: the consent is marked
revoked here at once (FinPulse stops using it), `bank_revoke_pending` is set and the bank is told
on the next refresh. The data it brought in is deleted unless another live consent of the same
kind at that bank (a renewal) still covers it.
"""

from __future__ import annotations

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.banks.tuning import tuning
from finpulse.consents import store
from finpulse.consents.data_cleanup import delete_consent_data
from finpulse.consents.lifecycle import client_for, find_for_caller, save_quietly
from finpulse.consents.records import ConsentRecord, transition, utcnow
from finpulse.consents.views import ConsentView, ErrorInfo, RevokeResponse


def tell_bank(record: ConsentRecord, deadline: Deadline) -> ErrorInfo | None:
    """DELETE at the bank; None when done (or the bank no longer knows it), else why not."""
    try:
        client_for(record.bank_id).revoke_consent(record.kind, record.bank_ref, record.customer_id, deadline)
    except BankError as exc:
        return ErrorInfo.of(exc)
    return None


@flushes_status_log
def revoke_consent(user_id: str, any_id: str, deadline: Deadline) -> RevokeResponse:
    record = find_for_caller(user_id, any_id)
    known = record.ids()
    bank_error: ErrorInfo | None = None
    # Only consents the bank may still honour need telling; rejected/expired ones are dead there.
    if record.status in (ConsentStatus.PENDING, ConsentStatus.APPROVED) or record.bank_revoke_pending:
        bank_error = tell_bank(record, deadline)
    now = utcnow()
    transition(record, ConsentStatus.REVOKED, "revoked", "user", now)
    pending = bank_error is not None
    if record.bank_revoke_pending != pending:
        record.bank_revoke_pending = pending
        record.updated_at = now
    record = save_quietly(record, known)

    others = [
        r
        for r in store.user_consents(user_id, record.bank_id)
        if r.kind == record.kind and r.local_id != record.local_id and r.live(utcnow())
    ]
    if others:
        deleted, not_deleted = 0, [f"data kept: consent {others[-1].local_id} still covers it"]
    else:
        report = delete_consent_data(user_id, record.bank_id, record.kind, deadline)
        deleted, not_deleted = report.deleted, report.not_deleted
    if bank_error is not None:
        not_deleted.append(f"the bank was not told yet ({bank_error.code}); FinPulse retries on refresh")
    return RevokeResponse(
        consent=ConsentView.of(record, utcnow(), tuning().near_expiry_days),
        revoked_at_bank=bank_error is None,
        bank_error=bank_error,
        deleted_items=deleted,
        not_deleted=not_deleted,
    )


def retry_bank_revokes(records: list[ConsentRecord], deadline: Deadline) -> list[ConsentRecord]:
    """Tell the bank about revocations it missed (called by an explicit refresh)."""
    out = []
    for record in records:
        if record.bank_revoke_pending and tell_bank(record, deadline) is None:
            known = record.ids()
            record.bank_revoke_pending = False
            record.updated_at = utcnow()
            record = save_quietly(record, known)
        out.append(record)
    return out
