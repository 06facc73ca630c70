"""Following a payment until it is final: polled at the bank (throttled), reconciled when its
outcome is unknown — never by sending it again.

- `awaiting_approval`: the consent is asked about; once approved the payment is sent, once rejected
  or expired the payment is `rejected`.
- `pending` with the bank's payment id: `GET /payments/{id}` until completed, rejected or failed.
- `unknown`, or `submitting` longer than any request can live (the process died), or `pending`
  without an id: the evidence at the bank decides. A single-use consent the bank reports as used
  means the bank executed the payment (completed once the debit with its reference is on the
  debtor's statement, pending until then). An unused consent is revoked after the grace period and
  read again: still unused, the payment can never execute and is `failed` (nothing was paid). With a
  multi-use or VRP consent only the statement can tell; the payment stays `unknown` until it does,
  and only a new request (a new key) can pay again.
- `created` for longer than any request can live: abandoned before anything was sent → `failed`.
"""

from __future__ import annotations

from typing import Any

from finpulse.banks.consent_status import FINAL as CONSENT_FINAL
from finpulse.banks.errors import BankError
from finpulse.banks.payments import get_payment, payment_consent
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.consents.records import utcnow
from finpulse.errors import FinPulseError
from finpulse.observability import logger
from finpulse.payments import bankside, store, submit, tuning
from finpulse.payments.progress import move, revoke_quietly, settled
from finpulse.payments.records import UNKNOWN_NOTE, Failure, PaymentRecord

NOT_EXECUTED = Failure(
    code="NOT_EXECUTED",
    message="The bank never executed this payment and now cannot: nothing was paid. "
    "Pay again with a new request",
)
ABANDONED = Failure(code="ABANDONED", message="The payment was never sent to the bank: nothing was paid")
EXECUTED_NOTE = (
    "The bank executed a payment under this payment's consent; waiting to see it on your statement"
)
CONFIRMED_NOTE = "Confirmed from your statement: the bank executed this payment once"


def refresh(record: PaymentRecord, deadline: Deadline, *, force: bool = False) -> PaymentRecord:
    """Whatever the bank now says about an open payment (at most once per poll interval unless
    `force`). Bank trouble leaves the payment as it was; the next poll tries again."""
    if record.final:
        return record
    now = utcnow()
    t = tuning.tuning()
    age = now - (record.submitted_at or record.created_at)
    if record.status == "created":
        if age <= t.abandon_after:
            return record
        return move(record, "failed", note=ABANDONED.message, failure=ABANDONED)[0]
    if record.status == "submitting" and age <= t.unknown_grace:
        return record  # being sent right now by the request that claimed it
    if not force and not store.claim_poll(record, now, t.poll_interval.total_seconds()):
        return store.get(record.user_id, record.payment_id) or record
    try:
        if record.status == "awaiting_approval":
            return submit.poll_approval(record, deadline)
        if record.bank_payment_id:
            return _poll_payment(record, deadline)
        return reconcile(record, deadline)
    except FinPulseError as exc:
        extra = exc.describe() if isinstance(exc, BankError) else {"code": exc.code}
        logger.warning("payment not advanced", extra={"payment_id": record.payment_id, **extra})
        return store.get(record.user_id, record.payment_id) or record


def _poll_payment(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    customer = record.customer_id
    assert record.bank_payment_id is not None
    paid = get_payment(bankside.client(record.debtor.bank_id), record.bank_payment_id, customer, deadline)
    if paid.state == "pending" and record.status == "pending":
        return record
    return settled(record, paid.state, paid.raw_status)


def reconcile(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    """The evidence at the bank for a payment whose answer was lost. Never sends it again. Without
    conclusive evidence the payment is (or stays) `unknown`, and the user is told so."""
    settled = _evidence(record, deadline)
    if settled is not None:
        return settled
    if record.status == "submitting":  # its sender died: from now on the outcome is unknown
        return move(record, "unknown", note=UNKNOWN_NOTE)[0]
    return record


def _evidence(record: PaymentRecord, deadline: Deadline) -> PaymentRecord | None:
    if record.consent.mode == "existing":
        if bankside.on_statement(record.user_id, record, deadline):
            return move(record, "completed", note=CONFIRMED_NOTE)[0]
        return None
    customer = record.customer_id
    bank = bankside.client(record.debtor.bank_id)
    assert record.consent.consent_id is not None
    terms = payment_consent(bank, record.consent.consent_id, customer, deadline)
    if not terms.used_up:
        age = utcnow() - (record.submitted_at or record.created_at)
        if terms.status not in CONSENT_FINAL and age <= tuning.tuning().unknown_grace:
            return None
        # Revoke first, then look again: a revoked consent can never be executed, so an unused
        # one now proves the payment never happened and never will.
        if terms.status not in CONSENT_FINAL:
            revoke_quietly(record, customer, deadline)
            terms = payment_consent(bank, record.consent.consent_id, customer, deadline)
        if not terms.used_up and terms.status in CONSENT_FINAL:
            return move(record, "failed", note=NOT_EXECUTED.message, failure=NOT_EXECUTED)[0]
        if not terms.used_up:
            return None
    if bankside.on_statement(record.user_id, record, deadline):
        return move(record, "completed", note=CONFIRMED_NOTE)[0]
    if record.status == "pending":
        return record
    return move(record, "pending", note=EXECUTED_NOTE)[0]


@flushes_status_log
def open_for_user(user_id: str, sync_id: str, remaining_ms: int) -> dict[str, Any]:
    """The full refresh's step: every open payment of the user is followed up once; the banks of
    the ones that completed are synced here (this step runs under the refresh's lock)."""
    from finpulse.payments.progress import resync_here
    from finpulse.payments.resync import sync_banks

    deadline = Deadline.from_lambda_remaining(remaining_ms, margin=5.0)
    checked = moved = 0
    touched: set[str] = set()
    token = resync_here.set(touched)
    try:
        for record in store.open_payments(user_id):
            if deadline.remaining() < 10:
                break
            checked += 1
            before = record.status
            moved += refresh(record, deadline, force=True).status != before
    finally:
        resync_here.reset(token)
    synced = sync_banks(user_id, sorted(touched), sync_id, deadline) if touched else {}
    return {"checked": checked, "moved": moved, "synced": synced}
