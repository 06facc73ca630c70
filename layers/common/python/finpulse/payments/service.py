"""The payment operations the endpoints call: quote, pay, one payment, the history."""

from __future__ import annotations

from typing import Any

from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.payments import consent, execute, idem, reconcile, store
from finpulse.payments.errors import PaymentNotFound
from finpulse.payments.prepare import Prepared, prepare
from finpulse.payments.records import PaymentKind, PaymentRecord
from finpulse.payments.requests import PaymentQuoteRequest, PaymentRequest
from finpulse.payments.views import (
    PaymentCheckView,
    PaymentPartyView,
    PaymentQuote,
    PaymentQuoteConsent,
    PaymentQuoteCreditor,
    PaymentQuoteDebtor,
    PaymentView,
)

# Accepted, outcome not known yet (the user is told what happens next); anything else was created.
_ACCEPTED = frozenset({"created", "awaiting_approval", "submitting", "unknown"})


def http_status(record: PaymentRecord) -> int:
    return 202 if record.status in _ACCEPTED else 201


@flushes_status_log
def pay(
    user_id: str, kind: PaymentKind, request: PaymentRequest, key: str, deadline: Deadline
) -> tuple[int, PaymentView]:
    made: list[PaymentRecord] = []

    def work() -> dict[str, Any]:
        record = execute.create(user_id, kind, request, key, deadline)
        made.append(record)
        return {"payment_id": record.payment_id}

    answer = idem.once(user_id, key, request.canonical(kind), work, deadline)
    if made:
        record = made[0]
    else:  # a retry: the same payment, followed up (never sent again)
        stored = store.get(user_id, str(answer["payment_id"]))
        assert stored is not None
        record = reconcile.refresh(stored, deadline)
    return http_status(record), PaymentView.of(record)


@flushes_status_log
def get_payment(user_id: str, payment_id: str, deadline: Deadline) -> PaymentView:
    record = store.get(user_id, payment_id)
    if record is None:
        raise PaymentNotFound(
            "No such payment", details=[{"field": "payment_id", "message": "unknown payment"}]
        )
    return PaymentView.of(reconcile.refresh(record, deadline))


@flushes_status_log
def quote(user_id: str, request: PaymentQuoteRequest, deadline: Deadline) -> PaymentQuote:
    p = prepare(user_id, request.kind, request, deadline, stop_early=False)
    debtor = (
        PaymentQuoteDebtor(**PaymentPartyView.of(p.debtor).model_dump(), available=p.available)
        if p.debtor
        else None
    )
    creditor = (
        PaymentQuoteCreditor(**PaymentPartyView.of(p.creditor).model_dump(), outstanding=p.owed)
        if p.creditor
        else None
    )
    return PaymentQuote(
        kind=request.kind,
        ok=p.checks.passed,
        amount=p.amount,
        amount_source=p.amount_source,
        currency=p.debtor.currency if p.debtor else None,
        debtor=debtor,
        creditor=creditor,
        consent=_quote_consent(p, request.consent_id is not None),
        checks=[
            PaymentCheckView(name=c.name, ok=c.ok, code=c.code, message=c.message, field=c.field)
            for c in p.checks.results
        ],
    )


def _quote_consent(p: Prepared, existing_asked: bool) -> PaymentQuoteConsent | None:
    if p.existing is not None:
        terms = p.existing.terms
        return PaymentQuoteConsent(
            mode="existing",
            approval="auto",
            consent_id=p.existing.record.consent_id,
            status=terms.raw_status,
            limits=consent.bank_terms(terms),
            usage=consent.usage(terms),
            differences=p.existing.differences,
        )
    if existing_asked or p.debtor is None or p.creditor is None or p.amount is None:
        return None
    return PaymentQuoteConsent(
        mode="single_use",
        approval=p.approval,
        limits={
            "consent_type": "single_use",
            "amount": f"{p.amount:.2f}",
            "currency": p.debtor.currency,
            "debtor_account": p.debtor.masked,
            "creditor_account": p.creditor.masked,
            "valid_for": f"{int(consent.SINGLE_USE_VALIDITY.total_seconds() // 3600)} h",
        },
    )
