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
from finpulse.consents.data_cleanup import DATA_KINDS, delete_consent_data
from finpulse.consents.lifecycle import client_for, find_for_caller, save_quietly
from finpulse.consents.records import ConsentRecord, transition, utcnow
from finpulse.consents.views import BankRelease, ConsentView, ErrorInfo, RevokeResponse


def tell_bank(record: ConsentRecord, deadline: Deadline) -> ErrorInfo | None:
    """DELETE at the bank; None when done (or the bank no longer knows it), else why not."""
    try:
        client_for(record.bank_id).revoke_consent(record.kind, record.bank_ref, record.customer_id, deadline)
    except BankError as exc:
        return ErrorInfo.of(exc)
    return None


@flushes_status_log
def revoke_consent(user_id: str, any_id: str, deadline: Deadline) -> RevokeResponse:
    return revoke_record(find_for_caller(user_id, any_id), deadline)


def _revoke_here_and_there(
    record: ConsentRecord, deadline: Deadline
) -> tuple[ConsentRecord, ErrorInfo | None]:
    """Tell the bank (if it may still honour the consent) and mark the consent revoked here."""
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
    return save_quietly(record, known), bank_error


def _bank_note(error: ErrorInfo) -> str:
    return f"the bank was not told yet ({error.code}); FinPulse retries on refresh"


def revoke_record(record: ConsentRecord, deadline: Deadline) -> RevokeResponse:
    """The user's revocation of one of their consents: bank told, marked revoked, data deleted."""
    record, bank_error = _revoke_here_and_there(record, deadline)
    others = [
        r
        for r in store.user_consents(record.user_id, record.bank_id)
        if r.kind == record.kind and r.local_id != record.local_id and r.live(utcnow())
    ]
    if others:
        deleted, not_deleted = 0, [f"data kept: consent {others[-1].local_id} still covers it"]
    else:
        report = delete_consent_data(record.user_id, record.bank_id, record.kind, deadline)
        deleted, not_deleted = report.deleted, report.not_deleted
    if bank_error is not None:
        not_deleted.append(_bank_note(bank_error))
    return RevokeResponse(
        consent=ConsentView.of(record, utcnow(), tuning().near_expiry_days),
        revoked_at_bank=bank_error is None,
        bank_error=bank_error,
        deleted_items=deleted,
        not_deleted=not_deleted,
    )


def revoke_bank(user_id: str, bank_id: str, deadline: Deadline) -> BankRelease:
    """Every consent of the user at `bank_id` revoked, and all the data it brought in deleted."""
    revoked, notes = 0, []
    for record in store.user_consents(user_id, bank_id):
        if record.status in (ConsentStatus.PENDING, ConsentStatus.APPROVED) or record.bank_revoke_pending:
            _, bank_error = _revoke_here_and_there(record, deadline)
            revoked += 1
            if bank_error is not None:
                notes.append(_bank_note(bank_error))
    deleted = 0
    for kind in DATA_KINDS:
        report = delete_consent_data(user_id, bank_id, kind, deadline)
        deleted += report.deleted
        notes += report.not_deleted
    return BankRelease(revoked_consents=revoked, deleted_items=deleted, not_deleted=notes)


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
