"""`DELETE /api/consents/{consent_id}`: revoke at the bank, mark revoked, delete the data.

The user's decision stands even when the bank cannot be told right now: the consent is marked
revoked here at once (FinPulse stops using it). The answer says what the bank actually said:
- it confirmed → `revoked_at_bank: true`;
- it failed (down, 5xx, timeout) → `revoked_at_bank: false`, `bank_revoke_pending` is set and the
  bank is told on the next refresh;
- it answered 404 (it does not know the consent by the id FinPulse has, e.g. a request it approved
  without ever showing the consent id) → `revoked_at_bank: false`, `bank_revoke_unconfirmed`: no
  retry can help, and the user is told to check the bank's own app.
The data it brought in is deleted unless another live consent of the same kind (a renewal) still
covers it (`finpulse.consents.ended`).
"""

from __future__ import annotations

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.banks.tuning import tuning
from finpulse.consents import store
from finpulse.consents.data_cleanup import DATA_KINDS, delete_consent_data
from finpulse.consents.ended import settle
from finpulse.consents.lifecycle import client_for, find_for_caller, save_quietly
from finpulse.consents.records import ConsentRecord, transition, utcnow
from finpulse.consents.views import BankRelease, ConsentView, ErrorInfo, RevokeResponse

UNKNOWN_AT_BANK = "BANK_CONSENT_UNKNOWN"


def tell_bank(record: ConsentRecord, deadline: Deadline) -> ErrorInfo | None:
    """DELETE at the bank; None when the bank confirmed, else what it said."""
    try:
        known = client_for(record.bank_id).revoke_consent(
            record.kind, record.bank_ref, record.customer_id, deadline
        )
    except BankError as exc:
        return ErrorInfo.of(exc)
    if not known:
        return ErrorInfo(
            code=UNKNOWN_AT_BANK,
            message="The bank answered that it does not know this consent (404), so it did not confirm",
            http_status=404,
        )
    return None


def note_bank_answer(record: ConsentRecord, error: ErrorInfo | None) -> None:
    """Remember what the bank said: retry later after a failure, never after a 404."""
    record.bank_revoke_pending = error is not None and error.code != UNKNOWN_AT_BANK
    record.bank_revoke_unconfirmed = error is not None and error.code == UNKNOWN_AT_BANK


def check_the_bank_hint(record: ConsentRecord) -> str:
    return (
        f"Open {get_bank(record.bank_id).name}'s own app and check that FinPulse's access is gone; "
        "if it is still listed there, revoke it there."
    )


@flushes_status_log
def revoke_consent(user_id: str, any_id: str, deadline: Deadline) -> RevokeResponse:
    return revoke_record(find_for_caller(user_id, any_id), deadline)


def _revoke_here_and_there(
    record: ConsentRecord, deadline: Deadline
) -> tuple[ConsentRecord, ErrorInfo | None]:
    """Tell the bank (if it may still honour the consent) and mark the consent revoked here."""
    bank_error: ErrorInfo | None = None
    # Only consents the bank may still honour need telling; rejected/expired ones are dead there.
    told = record.status in (ConsentStatus.PENDING, ConsentStatus.APPROVED) or record.bank_revoke_pending
    if told:
        bank_error = tell_bank(record, deadline)
    now = utcnow()
    transition(record, ConsentStatus.REVOKED, "revoked", "user", now)
    if told:
        note_bank_answer(record, bank_error)
        record.updated_at = now
    return save_quietly(record), bank_error


def _bank_note(error: ErrorInfo) -> str:
    if error.code == UNKNOWN_AT_BANK:
        return "the bank did not confirm the revocation (it answered 404): check the bank's own app"
    return f"the bank was not told yet ({error.code}); FinPulse retries on refresh"


def revoke_record(record: ConsentRecord, deadline: Deadline) -> RevokeResponse:
    """The user's revocation of one of their consents: bank told, marked revoked, data deleted."""
    record, bank_error = _revoke_here_and_there(record, deadline)
    record, deleted, not_deleted = settle(record, deadline, again=True)
    if bank_error is not None:
        not_deleted.append(_bank_note(bank_error))
    return RevokeResponse(
        consent=ConsentView.of(record, utcnow(), tuning().near_expiry_days),
        revoked_at_bank=bank_error is None,
        bank_error=bank_error,
        reason=bank_error.message if bank_error else None,
        hint=check_the_bank_hint(record) if bank_error else None,
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
    """Tell the bank about revocations (and given-up requests) it has not confirmed yet."""
    out = []
    for record in records:
        if record.bank_revoke_pending:
            error = tell_bank(record, deadline)
            if error is None or error.code == UNKNOWN_AT_BANK:
                note_bank_answer(record, error)
                record.updated_at = utcnow()
                record = save_quietly(record)
        out.append(record)
    return out
