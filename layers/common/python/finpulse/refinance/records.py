"""A refinance as FinPulse stores it: one saga across two banks, each step recorded (pure: no I/O).

Steps, in order (each idempotent: a step already `done` is skipped, one that was started is
continued from what it recorded — the agreement action or payment it created under its own key):

    open_loan    the new loan at the offering bank, for the old loan's outstanding + commission,
                 paid out to the user's current account there
    move_money   an interbank payment (ADP) of the outstanding from that account to the old loan
    close_old    the old agreement closed, once its balance at the bank is zero
    resync       both banks synced

The refinance is `running` while an execution works on it, `stopped` at the first step that could
not finish (`stop` says where, why, what is safe and what to do; resume runs a new execution from
the record) and `completed` after the last step.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.consents.records import UtcTime
from finpulse.payments.records import Party

StepName = Literal["open_loan", "move_money", "close_old", "resync"]
STEPS: tuple[StepName, ...] = ("open_loan", "move_money", "close_old", "resync")
StepStatus = Literal["pending", "running", "done", "stopped"]
RefinanceStatus = Literal["running", "stopped", "completed"]


class Step(BaseModel):
    name: StepName
    status: StepStatus = "pending"
    attempt: int = Field(default=1, description="A new attempt uses a new key (its previous one did nothing)")
    ref: str | None = Field(default=None, description="The agreement action or payment this step created")
    note: str | None = None
    at: UtcTime | None = None


class Stop(BaseModel):
    step: StepName
    code: str
    message: str = Field(description="What happened")
    safe_state: str = Field(description="Where the money is now")
    what_to_do: str


class OldLoan(BaseModel):
    bank_id: str
    agreement_id: str
    product_name: str = ""
    outstanding: Decimal
    rate: Decimal | None = None
    party: Party = Field(description="The old loan's own account")


class NewLoan(BaseModel):
    bank_id: str
    product_id: str
    product_name: str = ""
    rate: Decimal
    term_months: int
    amount: Decimal = Field(description="Outstanding + commission")
    commission: Decimal
    agreement_id: str | None = None


class Figures(BaseModel):
    """The refinance recommendation's own figures (finpulse.analytics.recommendations.refinance)."""

    current_payment: Decimal
    new_payment: Decimal
    monthly_saving: Decimal
    commission: Decimal
    total_saving: Decimal
    break_even_month: int


class RefinanceRecord(BaseModel):
    user_id: str
    refinance_id: str
    idempotency_key: str
    request_hash: str
    status: RefinanceStatus = "running"
    old: OldLoan
    new: NewLoan
    payout: Party = Field(description="The user's current account at the new bank")
    figures: Figures
    steps: list[Step]
    stop: Stop | None = None
    executions: int = 1
    created_at: UtcTime
    updated_at: UtcTime
    version: int = 0

    def step(self, name: StepName) -> Step:
        return next(s for s in self.steps if s.name == name)

    @property
    def current(self) -> Step | None:
        return next((s for s in self.steps if s.status != "done"), None)


def mark(
    record: RefinanceRecord, name: StepName, status: StepStatus, now: datetime, note: str | None = None
) -> Step:
    step = record.step(name)
    step.status, step.at, step.note = status, now, note
    record.updated_at = now
    return step
