"""Moving a payment along its state machine: one conditional write per move, and what a final move
sets off — the business metric (count and amount by kind and outcome) and, for a completed payment,
its effects (data version bumped at once, the touched banks re-synced in the background)."""

from __future__ import annotations

import json
import os
from contextvars import ContextVar
from typing import TYPE_CHECKING

from finpulse.banks.errors import BankError
from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.observability import logger
from finpulse.payments import store
from finpulse.payments.records import Failure, PaymentRecord, PaymentStatus, can_move, transition

if TYPE_CHECKING:
    from finpulse.banks.payments import PaymentState

EFFECTS_FUNCTION_ENV = "PAYMENT_EFFECTS_FUNCTION"
# Set by the full refresh's payments step: it holds the user's sync lock, so the banks a completed
# payment touched are collected here and synced by that step itself, not by another function.
resync_here: ContextVar[set[str] | None] = ContextVar("resync_here", default=None)


def move(
    record: PaymentRecord,
    to: PaymentStatus,
    *,
    raw_status: str | None = None,
    note: str | None = None,
    failure: Failure | None = None,
) -> tuple[PaymentRecord, bool]:
    """(the record as stored now, whether this call made the move). A process that read an older
    record loses the write and gets the newer one back: only one process ever makes a move."""
    if not can_move(record, to):
        return record, False
    transition(record, to, utcnow(), raw_status=raw_status, note=note, failure=failure)
    try:
        saved = store.save(record)
    except store.StaleRecord:
        return store.get(record.user_id, record.payment_id) or record, False
    logger.info(
        "payment moved",
        extra={"payment_id": saved.payment_id, "status": to, "kind": saved.kind, "bank_status": raw_status},
    )
    if saved.final:
        _finished(saved)
    return saved, True


def settled(record: PaymentRecord, state: PaymentState, raw_status: str) -> PaymentRecord:
    """Where the bank's answer about the payment itself puts it."""
    if state in ("pending", "completed"):
        return move(record, state, raw_status=raw_status)[0]
    accepted = "accepted it" if record.status == "pending" else "received it"
    failure = Failure(
        code="BANK_REJECTED",
        message=f"The bank {state} the payment after it {accepted}: nothing counts as paid",
    )
    return move(record, state, raw_status=raw_status, note=failure.message, failure=failure)[0]


def save_quietly(record: PaymentRecord) -> PaymentRecord:
    """Store facts learnt on the way (consent ids, terms) that do not move the state."""
    record.updated_at = utcnow()
    try:
        return store.save(record)
    except store.StaleRecord:
        return store.get(record.user_id, record.payment_id) or record


def _finished(record: PaymentRecord) -> None:
    _metric(record)
    if record.status == "completed":
        completed_effects(record)


def _metric(record: PaymentRecord) -> None:
    from aws_lambda_powertools.metrics import MetricUnit, single_metric

    dimensions: dict[str, str] = {"kind": record.kind, "outcome": record.status}
    with single_metric(name="Payments", unit=MetricUnit.Count, value=1, default_dimensions=dimensions):
        pass
    with single_metric(
        name="PaymentAmount",
        unit=MetricUnit.NoUnit,
        value=float(record.amount),
        default_dimensions=dimensions,
    ):
        pass


def completed_effects(record: PaymentRecord) -> None:
    """Once per payment: the dashboard's data version moves now; the debtor's and creditor's banks
    are re-synced by PaymentEffectsFunction (asynchronous: the answer does not wait for it)."""
    from finpulse.data import versioning

    if not store.claim_effects(record, utcnow()):
        return
    versioning.bump(record.user_id, f"payment:{record.payment_id}")
    collected = resync_here.get()
    if collected is not None:
        collected.update(record.banks)
        return
    function = os.environ.get(EFFECTS_FUNCTION_ENV)
    if not function:
        logger.warning(
            "no effects function configured; the next refresh re-syncs",
            extra={"payment_id": record.payment_id},
        )
        return
    try:
        import boto3

        boto3.client("lambda").invoke(
            FunctionName=function,
            InvocationType="Event",
            Payload=json.dumps({"user_id": record.user_id, "payment_id": record.payment_id}).encode(),
        )
    except Exception:  # the payment stands; the next refresh re-syncs those banks
        logger.warning(
            "re-sync after a payment not started", extra={"payment_id": record.payment_id}, exc_info=True
        )


def revoke_quietly(record: PaymentRecord, customer_id: str, deadline: Deadline) -> bool:
    """Revoke the payment's own single-use consent at the bank; False when the bank was not told."""
    from finpulse.payments.bankside import client

    ref = record.consent.bank_ref
    if record.consent.mode != "single_use" or ref is None:
        return False
    try:
        client(record.debtor.bank_id).revoke_consent("payments", ref, customer_id, deadline)
    except BankError as exc:
        logger.warning(
            "payment consent not revoked", extra={"payment_id": record.payment_id, **exc.describe()}
        )
        return False
    return True
