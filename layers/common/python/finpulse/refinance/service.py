"""The refinance operations the endpoints call: quote, start (once per Idempotency-Key), one
refinance, resume."""

from __future__ import annotations

from typing import Any

from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.consents.records import utcnow
from finpulse.payments import idem
from finpulse.payments.errors import IdempotencyKeyReused
from finpulse.payments.views import PaymentCheckView, PaymentPartyView
from finpulse.refinance import saga
from finpulse.refinance.errors import BY_CODE, RefinanceNotFound
from finpulse.refinance.plan import Plan, plan
from finpulse.refinance.records import STEPS, RefinanceRecord, Step
from finpulse.refinance.store import KeyTaken, new_refinance_id, refinances
from finpulse.refinance.views import (
    LoanView,
    RefinanceQuote,
    RefinanceRequest,
    RefinanceView,
    step_views,
    view_of,
)


def _plan(user_id: str, r: RefinanceRequest, deadline: Deadline, stop_early: bool) -> Plan:
    return plan(
        user_id,
        r.loan.bank_id,
        r.loan.agreement_id,
        r.offer.bank_id,
        r.offer.product_id,
        deadline,
        stop_early=stop_early,
    )


@flushes_status_log
def quote(user_id: str, request: RefinanceRequest, deadline: Deadline) -> RefinanceQuote:
    p = _plan(user_id, request, deadline, stop_early=False)
    old, new = p.old, p.new
    return RefinanceQuote(
        ok=p.checks.passed,
        old=LoanView(
            bank_id=old.bank_id,
            agreement_id=old.agreement_id,
            product_name=old.product_name,
            amount=old.outstanding,
            rate=old.rate,
        )
        if old
        else None,
        new=LoanView(
            bank_id=new.bank_id,
            product_id=new.product_id,
            product_name=new.product_name,
            amount=new.amount,
            rate=new.rate,
            term_months=new.term_months,
        )
        if new
        else None,
        payout=PaymentPartyView.of(p.payout) if p.payout else None,
        figures=p.figures,
        steps=step_views(old.bank_id, new.bank_id, new.amount) if old and new else [],
        checks=[
            PaymentCheckView(name=c.name, ok=c.ok, code=c.code, message=c.message, field=c.field)
            for c in p.checks.results
        ],
    )


def _create(user_id: str, key: str, request: RefinanceRequest, deadline: Deadline) -> RefinanceRecord:
    digest = request.digest()
    found = refinances.by_key(user_id, key)
    if found is None:
        p = _plan(user_id, request, deadline, stop_early=True)
        if p.error is not None:
            raise p.error
        p.checks.raise_first(BY_CODE)
        assert p.old is not None
        assert p.new is not None
        assert p.payout is not None
        assert p.figures is not None
        now = utcnow()
        record = RefinanceRecord(
            user_id=user_id,
            refinance_id=new_refinance_id(now),
            idempotency_key=key,
            request_hash=digest,
            old=p.old,
            new=p.new,
            payout=p.payout,
            figures=p.figures,
            steps=[Step(name=s) for s in STEPS],
            created_at=now,
            updated_at=now,
        )
        try:
            refinances.insert(record)
        except KeyTaken:
            found = refinances.by_key(user_id, key)
        else:
            saga.start_execution(record)
            return record
    assert found is not None
    if found.request_hash != digest:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for another refinance; use a new key",
            details=[{"field": "header.idempotency-key", "message": found.refinance_id}],
        )
    return found


@flushes_status_log
def start(user_id: str, request: RefinanceRequest, key: str, deadline: Deadline) -> RefinanceView:
    made: list[RefinanceRecord] = []

    def work() -> dict[str, Any]:
        made.append(_create(user_id, key, request, deadline))
        return {"refinance_id": made[0].refinance_id}

    answer = idem.once(
        user_id,
        key,
        {"kind": "refinance", "body": request.model_dump(mode="json")},
        work,
        deadline,
        action="refinance",
    )
    record = made[0] if made else refinances.get(user_id, str(answer["refinance_id"]))
    assert record is not None
    return view_of(record)


def get(user_id: str, refinance_id: str) -> RefinanceView:
    record = refinances.get(user_id, refinance_id)
    if record is None:
        raise RefinanceNotFound(
            "No such refinance", details=[{"field": "refinance_id", "message": "unknown"}]
        )
    return view_of(record)


def resume(user_id: str, refinance_id: str) -> RefinanceView:
    return view_of(saga.resume(user_id, refinance_id))
