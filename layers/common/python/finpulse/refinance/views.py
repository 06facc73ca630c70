"""What the refinance endpoints take and answer (masked account numbers only)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from finpulse.consents.requests import BANK_ID_PATTERN
from finpulse.payments.requests import REF_PATTERN
from finpulse.payments.views import PaymentCheckView, PaymentPartyView
from finpulse.refinance.records import Figures, RefinanceRecord, RefinanceStatus, StepName, StepStatus, Stop


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoanRef(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN)
    agreement_id: str = Field(pattern=REF_PATTERN)


class OfferRef(_Strict):
    bank_id: str = Field(pattern=BANK_ID_PATTERN)
    product_id: str = Field(pattern=REF_PATTERN)


class RefinanceRequest(_Strict):
    loan: LoanRef = Field(description="The loan to refinance")
    offer: OfferRef = Field(description="The offer from GET /api/refinance/optimize-loans")

    def digest(self) -> str:
        import hashlib

        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:32]


class LoanView(BaseModel):
    bank_id: str
    agreement_id: str | None = None
    product_id: str | None = None
    product_name: str
    amount: Decimal = Field(description="Old: outstanding; new: outstanding + commission")
    rate: Decimal | None = None
    term_months: int | None = None


class StepView(BaseModel):
    name: StepName
    status: StepStatus
    bank_id: str
    what: str
    ref: str | None = Field(default=None, description="The agreement action or payment it created")
    note: str | None = None
    at: datetime | None = None


class RefinanceQuote(BaseModel):
    ok: bool
    old: LoanView | None = None
    new: LoanView | None = None
    payout: PaymentPartyView | None = None
    figures: Figures | None = Field(default=None, description="Exactly the refinance recommendation's")
    steps: list[StepView]
    checks: list[PaymentCheckView]


class RefinanceView(BaseModel):
    refinance_id: str
    status: RefinanceStatus
    old: LoanView
    new: LoanView
    payout: PaymentPartyView
    figures: Figures
    steps: list[StepView]
    stop: Stop | None = Field(default=None, description="Where it stopped, the safe state and what to do")
    executions: int
    created_at: datetime
    updated_at: datetime


def step_views(
    old_bank: str, new_bank: str, amount: Decimal, record: RefinanceRecord | None = None
) -> list[StepView]:
    what: dict[StepName, tuple[str, str]] = {
        "open_loan": (
            new_bank,
            f"Open the new loan of {amount:.2f} at {new_bank}, paid to your current account there",
        ),
        "move_money": (new_bank, f"Pay the old loan off from that account to {old_bank}"),
        "close_old": (old_bank, f"Close the old loan at {old_bank} once its balance is zero"),
        "resync": (new_bank, f"Re-sync {new_bank} and {old_bank}"),
    }
    out = []
    for name, (bank, text) in what.items():
        step = record.step(name) if record else None
        out.append(
            StepView(
                name=name,
                status=step.status if step else "pending",
                bank_id=bank,
                what=text,
                ref=step.ref if step else None,
                note=step.note if step else None,
                at=step.at if step else None,
            )
        )
    return out


def view_of(r: RefinanceRecord) -> RefinanceView:
    return RefinanceView(
        refinance_id=r.refinance_id,
        status=r.status,
        old=LoanView(
            bank_id=r.old.bank_id,
            agreement_id=r.old.agreement_id,
            product_name=r.old.product_name,
            amount=r.old.outstanding,
            rate=r.old.rate,
        ),
        new=LoanView(
            bank_id=r.new.bank_id,
            agreement_id=r.new.agreement_id,
            product_id=r.new.product_id,
            product_name=r.new.product_name,
            amount=r.new.amount,
            rate=r.new.rate,
            term_months=r.new.term_months,
        ),
        payout=PaymentPartyView.of(r.payout),
        figures=r.figures,
        steps=step_views(r.old.bank_id, r.new.bank_id, r.new.amount, r),
        stop=r.stop,
        executions=r.executions,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )
