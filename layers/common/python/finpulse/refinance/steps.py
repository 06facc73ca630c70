"""The refinance saga's steps, each idempotent and recorded; a step that cannot finish stops the
saga in a documented safe state (`Stop`) and never retries blindly.

Every step first reads the record: `done` is skipped; a step that was started continues what it
created under its own key (the agreement action or the payment: `refi-<id>-<step>-<attempt>`),
which is followed up at the bank, never sent again. A new attempt (a new key) is made only when
the previous one provably did nothing (refused, or failed with nothing moved).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from finpulse.agreements import records as action_records
from finpulse.agreements import service as agreements
from finpulse.agreements.records import AgreementAction, HistoryEntry
from finpulse.agreements.store import new_action_id
from finpulse.banks.errors import BankError
from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.errors import FinPulseError
from finpulse.payments import bankside, execute
from finpulse.payments.records import Party
from finpulse.payments.requests import PaymentDebtorRef, PaymentRequest, PaymentTargetRef
from finpulse.refinance.records import RefinanceRecord, StepName, Stop

# Where the money is when each step stops, and what the user can do (docs/ARCHITECTURE.md).
SAFE: dict[StepName, tuple[str, str]] = {
    "open_loan": (
        "Nothing has changed: no new loan, no money moved; the old loan is as it was",
        "Resume to try again, or leave it",
    ),
    "move_money": (
        "The new loan is open and its money is on your current account at the new bank; the old "
        "loan is unchanged. Nothing is lost: you owe both until the money is moved",
        "Resume to move the money (the same payment is followed up, never sent twice), or repay "
        "the new loan early from that account",
    ),
    "close_old": (
        "The old loan is repaid in full and the new loan is open; only the old agreement is still open",
        "Resume to close the old agreement (nothing more is paid)",
    ),
    "resync": (
        "Everything is done at the banks; FinPulse has not yet re-read both banks",
        "Resume to re-sync now, or wait for the next refresh",
    ),
}


class Stopped(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def stop_of(step: StepName, code: str, message: str) -> Stop:
    safe, todo = SAFE[step]
    return Stop(step=step, code=code, message=message, safe_state=safe, what_to_do=todo)


def _key(record: RefinanceRecord, step: StepName) -> str:
    return f"{record.refinance_id}-{step}-{record.step(step).attempt}"


def _action(
    record: RefinanceRecord, step: StepName, kind: action_records.ActionKind, account: Party
) -> AgreementAction:
    now = utcnow()
    new, old = record.new, record.old
    opening = kind == "open"
    return AgreementAction(
        user_id=record.user_id,
        customer_id=bankside.payable(record.user_id, new.bank_id if opening else old.bank_id),
        action_id=new_action_id(now),
        kind=kind,
        idempotency_key=_key(record, step),
        request_hash=f"{record.refinance_id}:{step}",
        bank_id=new.bank_id if opening else old.bank_id,
        product_id=new.product_id if opening else None,
        product_name=new.product_name if opening else old.product_name,
        product_kind="loan",
        amount=new.amount if opening else None,
        term_months=new.term_months if opening else None,
        rate=new.rate if opening else old.rate,
        account=account,
        agreement_id=None if opening else old.agreement_id,
        agreement_number=None if opening else old.party.number,
        history=[HistoryEntry(at=now, status="created")],
        created_at=now,
        updated_at=now,
    )


def _run_action(
    record: RefinanceRecord, step: StepName, build: Callable[[], AgreementAction], deadline: Deadline
) -> AgreementAction:
    key = _key(record, step)
    action = agreements.create_once(record.user_id, key, f"{record.refinance_id}:{step}", build, deadline)
    record.step(step).ref = action.action_id
    if action.status == "completed":
        return action
    if action.status in ("rejected", "failed"):
        record.step(step).attempt += 1  # it did nothing: a resume may try again with a new key
        failure = action.failure
        raise Stopped(
            failure.code if failure else "REFUSED", failure.message if failure else "The bank refused"
        )
    raise Stopped("BANK_OUTCOME_UNKNOWN", action.note or action_records.UNKNOWN_NOTE)


def open_loan(record: RefinanceRecord, deadline: Deadline) -> None:
    action = _run_action(
        record, "open_loan", lambda: _action(record, "open_loan", "open", record.payout), deadline
    )
    record.new.agreement_id = action.agreement_id


def move_money(record: RefinanceRecord, deadline: Deadline) -> None:
    """The outstanding, from the payout account to the old loan's account (an ADP: never more
    than is owed), through the payments package: exactly once, reconciled, never resent."""
    step = record.step("move_money")
    key = _key(record, "move_money")
    request = PaymentRequest(
        debtor=PaymentDebtorRef(bank_id=record.payout.bank_id, account_id=record.payout.account_id or ""),
        target=PaymentTargetRef(bank_id=record.old.bank_id, agreement_id=record.old.agreement_id),
        amount=record.old.outstanding,
        comment=f"Рефинансирование кредита №{record.old.agreement_id}",
    )
    try:  # a key that already names the payment continues or follows it up, never resends it
        payment = execute.create(record.user_id, "adp", request, key, deadline)
    except FinPulseError as exc:
        if not isinstance(exc, BankError):
            step.attempt += 1  # refused by a check before anything was sent
        raise Stopped(exc.code, exc.message) from None
    step.ref = payment.payment_id
    if payment.status == "completed":
        return
    if payment.status in ("rejected", "failed"):
        step.attempt += 1
        failure = payment.failure
        raise Stopped(
            failure.code if failure else "PAYMENT_REJECTED", failure.message if failure else "Rejected"
        )
    if payment.status == "awaiting_approval":
        raise Stopped(
            "PAYMENT_AWAITING_APPROVAL",
            f"Approve the payment in your bank's app: {payment.consent.approval_url}",
        )
    raise Stopped("PAYMENT_IN_PROGRESS", payment.note or "The bank is settling the payment")


def close_old(record: RefinanceRecord, deadline: Deadline) -> None:
    """Only once the old loan's balance at the bank is zero: the close then moves no money."""
    left = _balance_now(record)
    if left != 0:
        raise Stopped(
            "OLD_LOAN_NOT_REPAID", f"The old loan still shows {abs(left):.2f} owed at {record.old.bank_id}"
        )
    _run_action(
        record, "close_old", lambda: _action(record, "close_old", "close", record.old.party), deadline
    )


def _balance_now(record: RefinanceRecord) -> Decimal:
    try:
        found = bankside.available_now(record.user_id, record.old.party, Deadline.after(10.0))
    except BankError as exc:
        raise Stopped(exc.code, f"The old loan's balance could not be read now: {exc.message}") from None
    return found if found is not None else Decimal(0)


def resync(record: RefinanceRecord, deadline: Deadline) -> None:
    """Both banks, under the user's sync lock. The payment's own re-sync may hold the lock for a few
    seconds: it is waited for while the step has time."""
    from finpulse.payments.resync import locked_sync

    synced = None
    while synced is None and deadline.remaining() > 40:
        synced = locked_sync(record.user_id, [record.new.bank_id, record.old.bank_id], deadline)
    if synced is None:
        raise Stopped("SYNC_LOCK_HELD", "Another sync is running; the banks were not re-read yet")
    failed = [b for b, outcome in synced.items() if outcome == "failed"]
    if failed:
        raise Stopped("RESYNC_FAILED", f"{', '.join(failed)} could not be re-read now")


RUN: dict[StepName, Callable[[RefinanceRecord, Deadline], None]] = {
    "open_loan": open_loan,
    "move_money": move_money,
    "close_old": close_old,
    "resync": resync,
}
