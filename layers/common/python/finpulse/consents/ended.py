"""Revoked or expired means deleted: a consent that ended takes the data it brought in with it.

However it ended — the user revoked it here, the customer revoked it in the bank's app (read back
from the bank, never guessed from one refused call), the bank or its expiry date ended it — the
data it brought in is deleted as on `DELETE /api/consents/{id}`, unless another live consent of
the same kind at that bank (a renewal) still covers it. Nothing else is touched: other banks, the
other consent kind, the user's inputs. The consent keeps a `data_removal` note (when, how many
items, why) that the connections screen shows; a deletion that ran out of time is finished on the
next refresh.
"""

from __future__ import annotations

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.consents import store
from finpulse.consents.data_cleanup import DATA_KINDS, delete_consent_data
from finpulse.consents.lifecycle import save_quietly
from finpulse.consents.records import ConsentRecord, DataRemoval, utcnow

ENDED = (ConsentStatus.REVOKED, ConsentStatus.EXPIRED)


def _why(record: ConsentRecord) -> str:
    last = record.history[-1] if record.history else None
    source = last.source if last else "bank"
    bank = get_bank(record.bank_id).name
    if source == "user":
        return "You revoked this consent"
    if source == "renewal":
        return "Replaced by its renewal"
    if record.status is ConsentStatus.EXPIRED and source == "clock":
        when = record.expires_at.date().isoformat() if record.expires_at else "its end date"
        return f"The consent expired on {when}"
    word = "revoked" if record.status is ConsentStatus.REVOKED else "expired"
    return f"{bank} reports this consent {word} ({record.raw_status}): reconnect to see this data again"


def was_approved(record: ConsentRecord) -> bool:
    return any(entry.status is ConsentStatus.APPROVED for entry in record.history)


def needs_settling(record: ConsentRecord) -> bool:
    removal = record.data_removal
    return (
        record.kind in DATA_KINDS
        and record.status in ENDED
        and was_approved(record)  # a request never approved brought nothing in
        and (removal is None or bool(removal.not_deleted))
    )


def settle(
    record: ConsentRecord, deadline: Deadline, *, again: bool = False
) -> tuple[ConsentRecord, int, list[str]]:
    """Delete the data an ended consent brought in; (record, items deleted now, what was not)."""
    if not (needs_settling(record) or (again and record.kind in DATA_KINDS and record.status in ENDED)):
        return record, 0, []
    now = utcnow()
    others = [
        r
        for r in store.user_consents(record.user_id, record.bank_id)
        if r.kind == record.kind and r.local_id != record.local_id and r.live(now)
    ]
    if others:
        deleted, not_deleted = 0, []
        reason = f"Data kept: consent {others[-1].local_id} still covers it"
    else:
        report = delete_consent_data(record.user_id, record.bank_id, record.kind, deadline)
        deleted, not_deleted, reason = report.deleted, report.not_deleted, _why(record)
    before = record.data_removal.deleted_items if record.data_removal else 0
    record.data_removal = DataRemoval(
        at=now, deleted_items=before + deleted, reason=reason, not_deleted=not_deleted
    )
    record.updated_at = now
    return save_quietly(record), deleted, list(not_deleted)


def settle_all(records: list[ConsentRecord], deadline: Deadline) -> list[ConsentRecord]:
    return [settle(r, deadline)[0] if needs_settling(r) else r for r in records]
