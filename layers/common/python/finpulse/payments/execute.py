"""A new payment request: checked, recorded under its idempotency key, then sent (exactly once).

A request whose key already named a payment never creates another one: with the same body it
continues that payment where it stopped (a `created` one was never sent and goes on; anything
later is only followed up at the bank), with another body it is refused.
"""

from __future__ import annotations

from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.payments import consent, reconcile, store, submit
from finpulse.payments.errors import IdempotencyKeyReused
from finpulse.payments.ids import new_payment_id, reference
from finpulse.payments.prepare import Prepared, prepare
from finpulse.payments.records import ConsentUse, HistoryEntry, PaymentKind, PaymentRecord
from finpulse.payments.requests import PaymentRequest

COMMENT_ROOM = 120  # the statement text is the comment, " · " and the reference: at most 140


def _default_text(kind: PaymentKind, p: Prepared) -> str:
    assert p.target is not None
    target = p.target.party
    number = f" №{target.agreement_id}" if target.agreement_id else ""
    if target.kind == "credit_card":
        return "Погашение задолженности по кредитной карте"
    if kind == "mdp":
        return f"Платеж по кредиту{number}"
    if kind == "adp":
        return f"Досрочное погашение по кредиту{number}"
    return "Пополнение вклада" if target.kind == "deposit" else "Пополнение накопительного счета"


def _consent_use(p: Prepared) -> ConsentUse:
    if p.existing is None:
        return ConsentUse(mode="single_use")
    record, terms = p.existing.record, p.existing.terms
    return ConsentUse(
        mode="existing",
        local_id=record.local_id,
        request_id=record.request_id,
        consent_id=record.consent_id,
        raw_status=terms.raw_status,
        bank_terms=consent.bank_terms(terms),
        differences=p.existing.differences,
    )


def new_record(user_id: str, key: str, request: PaymentRequest, p: Prepared) -> PaymentRecord:
    assert p.debtor is not None
    assert p.creditor is not None
    assert p.amount is not None
    assert p.customer_id is not None
    now = utcnow()
    payment_id = new_payment_id(now)
    ref = reference(payment_id)
    text = (request.comment or _default_text(p.kind, p))[:COMMENT_ROOM]
    return PaymentRecord(
        user_id=user_id,
        customer_id=p.customer_id,
        payment_id=payment_id,
        kind=p.kind,
        idempotency_key=key,
        request_hash=request.digest(p.kind),
        debtor=p.debtor,
        creditor=p.creditor,
        amount=p.amount,
        currency=p.debtor.currency,
        comment=f"{text} · {ref}",
        reference=ref,
        consent=_consent_use(p),
        history=[HistoryEntry(at=now, status="created")],
        created_at=now,
        updated_at=now,
    )


def create(
    user_id: str, kind: PaymentKind, request: PaymentRequest, key: str, deadline: Deadline
) -> PaymentRecord:
    digest = request.digest(kind)
    found = store.by_key(user_id, key)
    if found is not None:
        return _resume(found, digest, deadline)
    p = prepare(user_id, kind, request, deadline, stop_early=True)
    if p.error is not None:
        raise p.error  # the bank could not be read: nothing was sent, retry later
    p.checks.raise_first()
    record = new_record(user_id, key, request, p)
    try:
        store.insert(record, record.created_at)
    except store.KeyTaken:
        again = store.by_key(user_id, key)
        assert again is not None
        return _resume(again, digest, deadline)
    return _settle_unknown(submit.start(record, deadline), deadline)


def _resume(found: PaymentRecord, digest: str, deadline: Deadline) -> PaymentRecord:
    if found.request_hash != digest:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for another payment; use a new key for a new payment",
            details=[{"field": "header.idempotency-key", "message": found.payment_id}],
        )
    if found.status == "created":
        return _settle_unknown(submit.start(found, deadline), deadline)
    return reconcile.refresh(found, deadline)


def _settle_unknown(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    """An answer lost on the way: look at the bank's evidence right away (the user waits anyway)."""
    if record.status == "unknown":
        return reconcile.refresh(record, deadline, force=True)
    return record
