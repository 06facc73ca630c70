"""Sending an opening or a closing to the bank exactly once, and settling a lost answer from what the
bank lists — never by sending it again.

- The opening lists the agreements at the bank first (`known_before`); a lost answer is then an
  agreement of the product and amount that was not there before (completed), or, once nothing
  has appeared for longer than any request lives (`PAYMENT_UNKNOWN_GRACE`), `failed` (NOT_OPENED).
- A lost closing is settled by the agreement's detail: closed (or gone from the list) is
  completed; still active after the grace period is `failed` (NOT_CLOSED).
- A 4xx is the bank's refusal (`rejected`: nothing happened); 5xx, timeouts, dropped connections
  and unreadable answers are `unknown` and settled at once where the bank can already tell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finpulse.agreements import consent
from finpulse.agreements.progress import completed_effects, move, save_quietly
from finpulse.agreements.records import UNKNOWN_NOTE, AgreementAction
from finpulse.banks import agreements as bank_api
from finpulse.banks.errors import (
    BankError,
    BankRateLimited,
    BankRejectedRequest,
    BankTokenRejected,
    ConsentProblem,
)
from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.errors import FinPulseError
from finpulse.observability import logger
from finpulse.payments import bankside, tuning
from finpulse.payments.records import Failure

NOT_OPENED = Failure(
    code="NOT_OPENED", message="The bank never opened it: no money moved. Try again with a new request"
)
NOT_CLOSED = Failure(code="NOT_CLOSED", message="The bank did not close it: the agreement stays as it was")
NOT_SENT = Failure(code="NOT_SENT", message="The bank could not be asked: nothing happened. Try again later")


def _consent_id(action: AgreementAction) -> str:
    record = consent.current(action.user_id, action.bank_id)
    if record is None or record.consent_id is None:
        raise ConsentProblem(
            "No approved product consent at this bank",
            bank_id=action.bank_id,
            operation="agreements",
            http_status=None,
        )
    return record.consent_id


def _refused(action: AgreementAction, exc: BankError) -> AgreementAction:
    failure = Failure(code=exc.bank_code or exc.code, message=f"The bank refused: {exc.message}")
    return move(action, "rejected", note=failure.message, failure=failure)[0]


def start(action: AgreementAction, deadline: Deadline) -> AgreementAction:
    """`created` → sent once → where the bank's answer puts it (then its effects)."""
    consent_id = _consent_id(action)
    bank = bankside.client(action.bank_id)
    if action.kind == "open":
        listed = bank_api.list_agreements(bank, action.customer_id, consent_id, deadline)
        action.known_before = sorted(a.agreement_id for a in listed)
    action, moved = move(action, "submitting")
    if not moved:
        return refresh(action, deadline)
    try:
        answer = _send(action, bank, consent_id, deadline)
    except (BankRejectedRequest, ConsentProblem) as exc:
        return _refused(action, exc)
    except (BankRateLimited, BankTokenRejected) as exc:  # answered before doing anything
        logger.warning("agreement action not sent", extra={"action_id": action.action_id, **exc.describe()})
        return move(action, "failed", note=NOT_SENT.message, failure=NOT_SENT)[0]
    except BankError as exc:
        logger.warning(
            "agreement action outcome unknown", extra={"action_id": action.action_id, **exc.describe()}
        )
        action = move(action, "unknown", note=UNKNOWN_NOTE)[0]
        return refresh(action, deadline)
    action.agreement_id = answer.agreement_id
    if answer.account_number:
        action.agreement_number = answer.account_number
    if action.kind == "close" and answer.account_balance is not None and action.amount is None:
        action.amount = answer.account_balance
    action = move(action, "completed")[0]
    return completed_effects(action, deadline)


def _send(
    action: AgreementAction, bank: Any, consent_id: str, deadline: Deadline
) -> bank_api.OpenedAgreement:
    if action.kind == "open":
        body: dict[str, Any] = {
            "product_id": action.product_id,
            "amount": float(action.amount or 0),
            "term_months": action.term_months,
            "source_account_id": action.account.account_id,
        }
        return bank_api.open_agreement(bank, action.customer_id, consent_id, body, deadline)
    assert action.agreement_id is not None
    body = {"repayment_account_id": action.account.account_id}
    return bank_api.close_agreement(bank, action.customer_id, consent_id, action.agreement_id, body, deadline)


def refresh(action: AgreementAction, deadline: Deadline) -> AgreementAction:
    """An open action, followed up: an unknown one settled by the bank's list (never resent); a
    completed one whose sync did not run is synced."""
    if action.status == "completed":
        return completed_effects(action, deadline)
    if action.status == "created":
        return start(action, deadline)
    if action.status not in ("unknown", "submitting"):
        return action
    age = utcnow() - (action.submitted_at or action.created_at)
    grace = tuning.tuning().unknown_grace
    if action.status == "submitting" and age <= grace:
        return action  # being sent right now by the request that claimed it
    try:
        found = _evidence(action, deadline)
    except FinPulseError as exc:
        logger.warning(
            "agreement action not settled", extra={"action_id": action.action_id, "code": exc.code}
        )
        return action
    if found:
        action = move(action, "completed", note="Confirmed from the bank's list of agreements")[0]
        return completed_effects(action, deadline)
    if action.status == "submitting":
        action = move(action, "unknown", note=UNKNOWN_NOTE)[0]
    if age > grace:
        failure = NOT_OPENED if action.kind == "open" else NOT_CLOSED
        return move(action, "failed", note=failure.message, failure=failure)[0]
    return action


def _evidence(action: AgreementAction, deadline: Deadline) -> bool:
    bank = bankside.client(action.bank_id)
    listed = bank_api.list_agreements(bank, action.customer_id, _consent_id(action), deadline)
    if action.kind == "close":
        return all(a.agreement_id != action.agreement_id for a in listed)
    for item in listed:
        extra = item.model_extra or {}
        if (
            item.agreement_id not in action.known_before
            and str(extra.get("product_id") or "") == action.product_id
            and item.amount is not None
            and Decimal(item.amount) == action.amount
        ):
            action.agreement_id = item.agreement_id
            number = extra.get("account_number")
            action.agreement_number = str(number) if number else None
            save_quietly(action)
            return True
    return False
