"""The agreement operations the endpoints call: quote and open a deposit, quote and close one.

An opening or closing runs once per (user, Idempotency-Key): Powertools Idempotency while the
request runs (finpulse.payments.idem, shared with payments), the action's key item for ever after
(a retry with the same key continues or follows up that action, never starts another one).
"""

from __future__ import annotations

from typing import Any

from finpulse.agreements import close_checks, open_checks, store, submit
from finpulse.agreements.eligibility import ConsentTerms
from finpulse.agreements.errors import BY_CODE, ActionNotFound
from finpulse.agreements.records import AgreementAction, HistoryEntry
from finpulse.agreements.requests import CloseRequest, OpenRequest
from finpulse.agreements.views import (
    AgreementActionView,
    AgreementPartyView,
    CloseQuote,
    OpenQuote,
    ProductConsentView,
)
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.consents.records import utcnow
from finpulse.payments import idem
from finpulse.payments.checks import Checks
from finpulse.payments.errors import IdempotencyKeyReused
from finpulse.payments.records import Party
from finpulse.payments.views import PaymentCheckView, PaymentPartyView
from finpulse.sync.api.models import AgreementView

_ACCEPTED = frozenset({"created", "submitting", "unknown"})


def http_status(action: AgreementAction) -> int:
    return 202 if action.status in _ACCEPTED else 201


def _checks(c: Checks) -> list[PaymentCheckView]:
    return [
        PaymentCheckView(name=x.name, ok=x.ok, code=x.code, message=x.message, field=x.field)
        for x in c.results
    ]


def _party(p: Party | None, available: Any = None) -> AgreementPartyView | None:
    return AgreementPartyView(**PaymentPartyView.of(p).model_dump(), available=available) if p else None


def _consent(t: ConsentTerms | None) -> ProductConsentView | None:
    if t is None:
        return None
    return ProductConsentView(
        consent_id=t.consent_id,
        open=t.open,
        close=t.close,
        product_types=list(t.product_types),
        max_amount=t.max_amount,
        opened_so_far=t.opened_so_far,
        room=t.room,
    )


def _stored_agreement(user_id: str, bank_id: str, agreement_id: str | None) -> AgreementView | None:
    from finpulse.data import entities

    if agreement_id is None:
        return None
    found = next((a for a in entities.agreements(user_id, bank_id) if a.agreement_id == agreement_id), None)
    return AgreementView.of(found, stale=False) if found else None


def view(action: AgreementAction) -> AgreementActionView:
    agreement = (
        _stored_agreement(action.user_id, action.bank_id, action.agreement_id)
        if action.kind == "open"
        else None
    )
    return AgreementActionView.of(action, agreement)


# --- opening --------------------------------------------------------------------------------
@flushes_status_log
def quote_open(user_id: str, request: OpenRequest, deadline: Deadline) -> OpenQuote:
    p = open_checks.prepare(user_id, request, deadline, stop_early=False)
    total = p.amount + p.interest if p.amount is not None and p.interest is not None else None
    return OpenQuote(
        ok=p.checks.passed,
        bank_id=request.bank_id,
        product_id=request.product_id,
        product_name=p.product.name if p.product else None,
        amount=p.amount,
        currency=p.product.currency if p.product else None,
        term_months=p.term_months,
        rate=p.product.best_rate_for_saver if p.product else None,
        opened_on=p.opened_on,
        maturity_date=p.maturity_date,
        interest_at_maturity=p.interest,
        total_at_maturity=total,
        source=_party(p.source, p.available),
        consent=_consent(p.terms),
        checks=_checks(p.checks),
    )


def _new_open(user_id: str, key: str, request: OpenRequest, p: open_checks.Prepared) -> AgreementAction:
    assert p.product is not None
    assert p.source is not None
    assert p.customer_id is not None
    now = utcnow()
    return AgreementAction(
        user_id=user_id,
        customer_id=p.customer_id,
        action_id=store.new_action_id(now),
        kind="open",
        idempotency_key=key,
        request_hash=request.digest("open"),
        bank_id=request.bank_id,
        product_id=p.product.product_id,
        product_name=p.product.name,
        product_kind=p.product.kind.value,
        amount=p.amount,
        currency=p.product.currency,
        term_months=p.term_months,
        rate=p.product.best_rate_for_saver,
        maturity_date=p.maturity_date,
        interest_at_maturity=p.interest,
        account=p.source,
        history=[HistoryEntry(at=now, status="created")],
        created_at=now,
        updated_at=now,
    )


def _resume(found: AgreementAction, digest: str, deadline: Deadline) -> AgreementAction:
    if found.request_hash != digest:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for another request; use a new key for a new one",
            details=[{"field": "header.idempotency-key", "message": found.action_id}],
        )
    return submit.refresh(found, deadline)


def create_once(user_id: str, key: str, digest: str, build: Any, deadline: Deadline) -> AgreementAction:
    """The action this key names (continued or followed up), or a new one from `build()`."""
    found = store.by_key(user_id, key)
    if found is not None:
        return _resume(found, digest, deadline)
    action = build()
    try:
        store.insert(action)
    except store.KeyTaken:
        again = store.by_key(user_id, key)
        assert again is not None
        return _resume(again, digest, deadline)
    return submit.start(action, deadline)


def _once(
    user_id: str, key: str, canonical: dict[str, Any], work: Any, deadline: Deadline, action: str
) -> AgreementAction:
    made: list[AgreementAction] = []

    def run() -> dict[str, Any]:
        action = work()
        made.append(action)
        return {"action_id": action.action_id}

    answer = idem.once(user_id, key, canonical, run, deadline, action=action)
    if made:
        return made[0]
    stored = store.get(user_id, str(answer["action_id"]))
    assert stored is not None
    return submit.refresh(stored, deadline)


@flushes_status_log
def open_deposit(
    user_id: str, request: OpenRequest, key: str, deadline: Deadline
) -> tuple[int, AgreementActionView]:
    digest = request.digest("open")

    def build() -> AgreementAction:
        p = open_checks.prepare(user_id, request, deadline, stop_early=True)
        if p.error is not None:
            raise p.error
        p.checks.raise_first(BY_CODE)
        return _new_open(user_id, key, request, p)

    def work() -> AgreementAction:
        return create_once(user_id, key, digest, build, deadline)

    action = _once(user_id, key, request.canonical("open"), work, deadline, "deposit opening")
    return http_status(action), view(action)


# --- closing --------------------------------------------------------------------------------
@flushes_status_log
def quote_close(user_id: str, agreement_id: str, request: CloseRequest, deadline: Deadline) -> CloseQuote:
    p = close_checks.prepare_close(user_id, agreement_id, request, deadline, stop_early=False)
    return CloseQuote(
        ok=p.checks.passed,
        agreement=AgreementView.of(p.agreement, stale=False) if p.agreement else None,
        returned=p.returned,
        principal=p.agreement.principal if p.agreement else None,
        interest_credited=p.credited,
        interest_at_maturity=p.interest_at_maturity,
        interest_lost=p.interest_lost,
        early=p.early,
        to=_party(p.to),
        consent=_consent(p.terms),
        checks=_checks(p.checks),
    )


@flushes_status_log
def close_deposit(
    user_id: str, agreement_id: str, request: CloseRequest, key: str, deadline: Deadline
) -> tuple[int, AgreementActionView]:
    canonical = {**request.canonical("close"), "agreement_id": agreement_id}
    digest = request.digest("close") + agreement_id

    def build() -> AgreementAction:
        p = close_checks.prepare_close(user_id, agreement_id, request, deadline, stop_early=True)
        if p.error is not None:
            raise p.error
        p.checks.raise_first(BY_CODE)
        assert p.agreement is not None
        assert p.to is not None
        assert p.customer_id is not None
        now = utcnow()
        a = p.agreement
        return AgreementAction(
            user_id=user_id,
            customer_id=p.customer_id,
            action_id=store.new_action_id(now),
            kind="close",
            idempotency_key=key,
            request_hash=digest,
            bank_id=request.bank_id,
            product_id=a.product_id,
            product_name=a.product_name,
            product_kind=a.kind.value,
            amount=p.returned,
            currency=a.currency,
            rate=a.interest_rate,
            maturity_date=a.maturity_date,
            interest_at_maturity=p.interest_at_maturity,
            account=p.to,
            agreement_id=a.agreement_id,
            agreement_number=a.account_number,
            history=[HistoryEntry(at=now, status="created")],
            created_at=now,
            updated_at=now,
        )

    def work() -> AgreementAction:
        return create_once(user_id, key, digest, build, deadline)

    action = _once(user_id, key, canonical, work, deadline, "deposit closing")
    return http_status(action), view(action)


@flushes_status_log
def get_action(user_id: str, action_id: str, deadline: Deadline) -> AgreementActionView:
    action = store.get(user_id, action_id)
    if action is None:
        raise ActionNotFound("No such action", details=[{"field": "action_id", "message": "unknown action"}])
    return view(submit.refresh(action, deadline))
