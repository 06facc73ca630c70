"""From a created payment to the bank's answer: its consent, the consent's stored terms, `POST /payments`.

The one conditional write `→ submitting` decides which process sends the payment; everyone else
sees `submitting` and waits or reconciles. An answer that never came (timeout, dropped connection,
5xx, an answer we cannot read) makes the payment `unknown`: it is reconciled, never sent again.
"""

from __future__ import annotations

from typing import Any

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError, BankRejectedRequest, ConsentProblem
from finpulse.banks.models import BankConsent
from finpulse.banks.payments import create_payment, payment_consent
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.errors import FinPulseError
from finpulse.observability import logger
from finpulse.payments import bankside, consent
from finpulse.payments.progress import move, revoke_quietly, save_quietly, settled
from finpulse.payments.records import UNKNOWN_NOTE, Failure, PaymentRecord

# 4xx answers that do not prove the payment was refused: it may have been executed already.
AMBIGUOUS_BANK_CODES = frozenset({"CONSENT_USED", "IDEMPOTENCY_CONFLICT", "DUPLICATE_PAYMENT"})


def start(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    """A created payment: its consent (a single-use one made now, or the existing one), then on."""
    if record.consent.mode == "existing":
        return submit(record, deadline)
    refused = _identity_refused(record)
    if refused is not None:
        return refused
    customer = record.customer_id
    body = consent.single_use_body(
        amount=record.amount,
        currency=record.currency,
        debtor=record.debtor.number,
        creditor=record.creditor.number,
        creditor_name=record.creditor.name,
        reference=record.reference,
        now=utcnow(),
    )
    record.consent.requested = consent.requested(body)
    try:
        answer = bankside.client(record.debtor.bank_id).create_consent("payments", customer, body, deadline)
    except (BankRejectedRequest, ConsentProblem) as exc:
        failure = Failure(
            code="CONSENT_REFUSED", message=f"The bank refused the payment consent: {exc.message}"
        )
        return move(record, "failed", note=failure.message, failure=failure)[0]
    # Any other error leaves the payment `created` (nothing was paid): a retry with the same key
    # asks for a consent again; an orphaned one can never be used and simply expires.
    _learn(record, answer)
    record = save_quietly(record)
    return after_consent(record, answer.status, deadline)


def _learn(record: PaymentRecord, answer: BankConsent) -> None:
    c = record.consent
    c.request_id = answer.request_id or c.request_id
    c.consent_id = answer.consent_id or c.consent_id
    c.raw_status = answer.raw_status
    if answer.approval_url:
        c.approval_url = answer.approval_url


def after_consent(record: PaymentRecord, status: ConsentStatus, deadline: Deadline) -> PaymentRecord:
    if status is ConsentStatus.PENDING:
        return move(record, "awaiting_approval", raw_status=record.consent.raw_status)[0]
    if status is ConsentStatus.APPROVED and record.consent.consent_id:
        return approved(record, deadline)
    code = "CONSENT_EXPIRED" if status is ConsentStatus.EXPIRED else "CONSENT_REJECTED"
    failure = Failure(
        code=code, message=f"The payment consent was {status.value} at the bank; nothing was paid"
    )
    return move(record, "rejected", note=failure.message, failure=failure)[0]


def poll_approval(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    """An awaiting payment's consent, asked of the bank: approved → sent; rejected/expired → rejected."""
    customer = record.customer_id
    ref = record.consent.bank_ref
    assert ref is not None
    answer = bankside.client(record.debtor.bank_id).get_consent("payments", ref, customer, deadline)
    if answer.status is ConsentStatus.PENDING:
        return record
    _learn(record, answer)
    record = save_quietly(record)
    return after_consent(record, answer.status, deadline)


def approved(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    """A single-use consent is approved: read its stored terms back; pay only under the asked ones."""
    customer = record.customer_id
    assert record.consent.consent_id is not None
    try:
        terms = payment_consent(
            bankside.client(record.debtor.bank_id), record.consent.consent_id, customer, deadline
        )
    except BankError as exc:
        # The bank enforces its own stored terms on the payment either way.
        logger.warning(
            "payment consent terms not read", extra={"payment_id": record.payment_id, **exc.describe()}
        )
        return submit(record, deadline)
    asked = {
        "consent_type": "single_use",
        "amount": record.amount,
        "currency": record.currency,
        "debtor_account": record.debtor.number,
        "creditor_account": record.creditor.number,
        "valid_until": record.consent.requested.get("valid_until"),
    }
    record.consent.bank_terms = consent.bank_terms(terms)
    record.consent.differences = consent.differences(asked, terms)
    record = save_quietly(record)
    if consent.material(record.consent.differences):
        revoke_quietly(record, customer, deadline)
        failure = Failure(
            code="CONSENT_TERMS_MISMATCH",
            message="The bank stored the consent with other terms than asked; nothing was paid: "
            + "; ".join(record.consent.differences),
        )
        return move(record, "failed", note=failure.message, failure=failure)[0]
    return submit(record, deadline)


def _initiation(record: PaymentRecord) -> dict[str, Any]:
    creditor: dict[str, Any] = {"schemeName": "RU.CBR.PAN", "identification": record.creditor.number}
    if record.creditor.bank_id != record.debtor.bank_id:
        creditor["bank_code"] = get_bank(record.creditor.bank_id).payment_bank_code
    return {
        "instructedAmount": {"amount": f"{record.amount:.2f}", "currency": record.currency},
        "debtorAccount": {"schemeName": "RU.CBR.PAN", "identification": record.debtor.number},
        "creditorAccount": creditor,
        "comment": record.comment,
        "remittanceInformation": {"reference": record.reference, "unstructured": record.comment},
    }


def _identity_refused(record: PaymentRecord) -> PaymentRecord | None:
    """Checked again right before the bank is asked to do anything: the identities at both banks
    are still the caller's (and verified where required). The payment fails when they are not."""
    try:
        bankside.payable(record.user_id, record.debtor.bank_id, record.creditor.bank_id)
    except FinPulseError as exc:
        failure = Failure(code=exc.code, message=f"{exc.message}; nothing was paid")
        return move(record, "failed", note=failure.message, failure=failure)[0]
    return None


def submit(record: PaymentRecord, deadline: Deadline) -> PaymentRecord:
    refused = _identity_refused(record)
    if refused is not None:
        revoke_quietly(record, record.customer_id, deadline)
        return refused
    customer = record.customer_id
    if record.status == "awaiting_approval":
        short = _short_of_funds(record, customer, deadline)
        if short is not None:
            return short
    record, mine = move(record, "submitting")
    if not mine:
        return record  # another process sends it (or did)
    assert record.consent.consent_id is not None
    bank = bankside.client(record.debtor.bank_id)
    try:
        paid = create_payment(
            bank, customer, record.consent.consent_id, _initiation(record), record.payment_id, deadline
        )
    except (BankRejectedRequest, ConsentProblem) as exc:
        if (exc.bank_code or "").upper() in AMBIGUOUS_BANK_CODES:
            return move(record, "unknown", note=UNKNOWN_NOTE)[0]
        failure = Failure(
            code=exc.bank_code or exc.code, message=f"The bank refused the payment: {exc.message}"
        )
        return move(record, "rejected", note=failure.message, failure=failure)[0]
    except BankError as exc:
        logger.warning("payment outcome unknown", extra={"payment_id": record.payment_id, **exc.describe()})
        return move(record, "unknown", note=UNKNOWN_NOTE)[0]
    record.bank_payment_id = paid.payment_id
    return settled(record, paid.state, paid.raw_status)


def _short_of_funds(record: PaymentRecord, customer: str, deadline: Deadline) -> PaymentRecord | None:
    """Before sending a payment that waited for approval: the money must still be there. Returns
    the rejected payment when it is not, None to go on."""
    available = bankside.available_now(record.user_id, record.debtor, deadline)
    if available is not None and available >= record.amount:
        return None
    revoke_quietly(record, customer, deadline)
    failure = Failure(
        code="INSUFFICIENT_FUNDS", message="The debtor account no longer has enough money; nothing was paid"
    )
    return move(record, "rejected", note=failure.message, failure=failure)[0]
