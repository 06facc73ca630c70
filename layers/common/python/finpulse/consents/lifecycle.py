"""Moving stored consents along their lifecycle: polling the bank, expiry, renewal switch-over.

pending ──approve──▶ approved ──revoke (user or bank)──▶ revoked
   │                    │ └──expiry (clock or bank)────▶ expired
   └──reject──▶ rejected └──renewal approved──▶ replaced (the renewal takes over)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from finpulse.banks.client import BankClient
from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError, ConsentProblem, ConsentRequired
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.tuning import tuning
from finpulse.consents import store
from finpulse.consents.identity import mark_verified
from finpulse.consents.records import ConsentRecord, Kind, apply_bank_answer, transition, utcnow
from finpulse.errors import NotFound
from finpulse.observability import logger


def client_for(bank_id: str) -> BankClient:
    return BankClient(get_bank(bank_id))


def save_quietly(record: ConsentRecord) -> ConsentRecord:
    """Save; if someone else saved first, theirs is newer: take it."""
    try:
        return store.save(record)
    except store.StaleRecord:
        return store.reload(record)


def expire_by_clock(record: ConsentRecord, now: datetime) -> ConsentRecord:
    """An approved consent past its expiry, or a request the customer left pending past the bank's
    `pending_timeout_hours`, is expired. A request given up is also withdrawn at the bank
    (`bank_revoke_pending`): approved later, it would be a grant FinPulse no longer watches."""
    changed = False
    if record.status is ConsentStatus.APPROVED and record.expired_by_clock(now):
        changed = transition(record, ConsentStatus.EXPIRED, record.raw_status or "expired", "clock", now)
    elif record.pending_too_long(now, get_bank(record.bank_id).pending_timeout_hours):
        hours = get_bank(record.bank_id).pending_timeout_hours
        reason = f"Not approved at the bank within {hours:g} h; request a new consent"
        changed = transition(record, ConsentStatus.EXPIRED, "pending_timeout", "clock", now, reason)
        record.bank_revoke_pending = changed
    return save_quietly(record) if changed else record


def poll(record: ConsentRecord, deadline: Deadline, *, force: bool = False) -> ConsentRecord:
    """Ask the bank for the consent's status; BankError propagates. Automatic polling (status reads)
    asks at most once per poll interval per consent; `force` (the user asked, or a data call was
    refused) asks now."""
    now = utcnow()
    interval = 0.0 if force else tuning().consent_poll_interval
    if not store.claim_poll(record, now, interval):
        return store.reload(record)
    answer = client_for(record.bank_id).get_consent(
        record.kind, record.bank_ref, record.customer_id, deadline
    )
    record = store.reload(record)  # fold the answer into the newest stored state
    was_pending = record.status is ConsentStatus.PENDING
    if apply_bank_answer(record, answer, utcnow()):
        record = save_quietly(record)
        if was_pending and record.status is ConsentStatus.APPROVED:
            # The customer approved it in the bank's own app: the bank vouches for the identity.
            mark_verified(record.user_id, record.bank_id, record.customer_id, utcnow())
        if record.status is ConsentStatus.APPROVED and record.replaces:
            switch_over(record, deadline)
    return record


def note_created(record: ConsentRecord) -> None:
    """A consent approved the moment it was requested verifies the identity only at a bank whose
    automatic approval the registry trusts (`identity: trusted_auto`)."""
    if record.status is ConsentStatus.APPROVED and get_bank(record.bank_id).trusts_auto_approval:
        mark_verified(record.user_id, record.bank_id, record.customer_id, utcnow())


def switch_over(renewal: ConsentRecord, deadline: Deadline) -> None:
    """A renewal was approved: it replaces the consent it renews, which is revoked at the bank."""
    olds = [
        r for r in store.user_consents(renewal.user_id, renewal.bank_id) if r.local_id == renewal.replaces
    ]
    for old in olds:
        if old.replaced_by:
            continue
        old.replaced_by = renewal.local_id
        now = utcnow()
        if old.status is ConsentStatus.APPROVED:
            try:
                client_for(old.bank_id).revoke_consent(old.kind, old.bank_ref, old.customer_id, deadline)
                transition(old, ConsentStatus.REVOKED, "revoked", "renewal", now)
            except BankError as exc:
                # The old consent expires on its own; it is no longer used either way.
                logger.warning(
                    "revoking a renewed consent failed", extra={"bank_id": old.bank_id, **exc.describe()}
                )
        old.updated_at = now
        save_quietly(old)


def find_for_caller(user_id: str, any_id: str, bank_id: str | None = None) -> ConsentRecord:
    """A consent of the caller by FinPulse id, request id or consent id. Someone else's is 404, as an
    unknown one: a different answer would tell an attacker which ids exist."""
    if bank_id is not None:
        get_bank(bank_id)  # 404 for an unknown bank
    matches = [r for r in store.user_consents(user_id, bank_id) if any_id in r.ids()]
    if matches:
        return matches[-1]
    raise NotFound("No such consent", details=[{"field": "consent_id", "message": "unknown consent"}])


def current_consent(user_id: str, bank_id: str, kind: Kind) -> ConsentRecord | None:
    """The consent data calls of this kind use now: the newest live one."""
    now = utcnow()
    live = [r for r in store.user_consents(user_id, bank_id) if r.kind == kind and r.live(now)]
    return live[-1] if live else None


def consented_call[T](
    user_id: str, bank_id: str, kind: Kind, call: Callable[[BankClient, ConsentRecord], T]
) -> T:
    """Run a data call under the user's current consent of `kind`.

    When the bank refuses it for consent reasons (the customer revoked it in their bank, it
    expired, ...), the consent is read back from the bank and its true status stored
    (`finpulse.consents.recheck`), and the typed error propagates: callers show "reconnect", never a
    crash. No consent is ever created here.
    """
    record = current_consent(user_id, bank_id, kind)
    if record is None:
        raise ConsentRequired(
            "No approved consent for this bank", bank_id=bank_id, operation=f"{kind}.data", http_status=None
        )
    try:
        return call(client_for(bank_id), record)
    except ConsentProblem:
        from finpulse.consents.recheck import recheck

        recheck(user_id, bank_id, [kind], Deadline.after(5.0))
        raise
