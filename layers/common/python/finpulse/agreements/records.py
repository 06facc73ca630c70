"""An agreement action (opening or closing a product) as FinPulse stores it, and its states (pure).

    created ──▶ submitting ──▶ completed
       │            ├────────▶ rejected      the bank refused it (4xx): nothing happened
       │            └────────▶ unknown ──▶ completed | failed
       └──▶ failed (abandoned before anything was sent)

Only the process whose conditional write moved the action to `submitting` sends the bank request,
and it is never sent again: a lost answer is `unknown` and settled by what the bank lists
(an agreement of the product and amount that was not there before; a closed agreement gone from
the list), never by sending it again. `completed`, `rejected` and `failed` are final.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.consents.records import UtcTime
from finpulse.payments.records import Failure, Party

ActionKind = Literal["open", "close"]
ActionStatus = Literal["created", "submitting", "completed", "rejected", "unknown", "failed"]
FINAL: frozenset[str] = frozenset({"completed", "rejected", "failed"})
_NEXT: dict[str, frozenset[str]] = {
    "created": frozenset({"submitting", "failed"}),
    "submitting": frozenset({"completed", "rejected", "unknown", "failed"}),
    "unknown": frozenset({"completed", "failed"}),
}
UNKNOWN_NOTE = (
    "The bank did not confirm this. FinPulse is checking with the bank and will never send it again "
    "on its own: do not repeat it until this is settled (retry this request with the same "
    "Idempotency-Key to check again)"
)


class HistoryEntry(BaseModel):
    at: UtcTime
    status: ActionStatus
    note: str | None = None


class AgreementAction(BaseModel):
    user_id: str
    customer_id: str
    action_id: str
    kind: ActionKind
    status: ActionStatus = "created"
    idempotency_key: str
    request_hash: str
    bank_id: str
    product_id: str | None = None
    product_name: str = ""
    product_kind: str = "deposit"
    amount: Decimal | None = Field(default=None, description="Opened: the amount; closed: what came back")
    currency: str = "RUB"
    term_months: int | None = None
    rate: Decimal | None = None
    maturity_date: date | None = None
    interest_at_maturity: Decimal | None = None
    account: Party = Field(description="Opened: the source account; closed: where the money went")
    agreement_id: str | None = Field(default=None, description="The agreement opened or closed")
    agreement_number: str | None = Field(default=None, repr=False, description="Its account (full)")
    known_before: list[str] = Field(default_factory=list, description="Agreements listed before an opening")
    failure: Failure | None = None
    note: str | None = None
    synced: bool = False
    history: list[HistoryEntry] = Field(default_factory=list)
    submitted_at: UtcTime | None = None
    created_at: UtcTime
    updated_at: UtcTime
    version: int = 0

    @property
    def final(self) -> bool:
        return self.status in FINAL


class IllegalTransition(Exception):
    """A bug: code asked for a move the state machine does not have."""


def can_move(action: AgreementAction, to: ActionStatus) -> bool:
    return to in _NEXT.get(action.status, frozenset())


def transition(
    action: AgreementAction,
    to: ActionStatus,
    now: datetime,
    *,
    note: str | None = None,
    failure: Failure | None = None,
) -> None:
    if not can_move(action, to):
        raise IllegalTransition(f"{action.status} -> {to}")
    action.status = to
    action.updated_at = now
    action.note = note
    if failure is not None:
        action.failure = failure
    if to == "submitting":
        action.submitted_at = now
    action.history.append(HistoryEntry(at=now, status=to, note=note))
