"""Onboarding progress: `GET/PUT /api/onboarding` (the item is stored by `finpulse.data.onboarding`).

    pk USER#<uid>  sk ONBOARDING  {step, banks: [{bank_id, products, payments}], sync_id,
                                   started_at, updated_at, completed_at}

The web app's guided flow (who you are at each bank → consents → goals → first sync → done)
writes the step the user is on and what they chose, so closing the tab, signing in on another
device or reloading resumes where they left off. What the banks answered is not kept here: the
consents and the sync record are the truth, this item only remembers the user's place and choices.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from finpulse.banks.registry import all_banks
from finpulse.consents.records import UtcTime, iso, utcnow
from finpulse.data import onboarding as store
from finpulse.errors import Unprocessable

Step = Literal["banks", "consents", "goals", "sync", "done"]


class BankPlan(BaseModel):
    """One bank the user chose to connect, and which consent kinds beyond accounts they want."""

    model_config = ConfigDict(extra="forbid")

    bank_id: str = Field(pattern=r"^[a-z][a-z0-9-]{1,31}$")
    products: bool = Field(default=False, description="Also loans, deposits and cards")
    payments: bool = Field(default=False, description="Also payments within limits")


class OnboardingBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    step: Step = Field(description="The step the user is on; `done` once the first sync is seen")
    banks: list[BankPlan] = Field(default_factory=list, max_length=20)
    sync_id: str | None = Field(
        default=None, pattern=r"^[0-9A-Za-z-]{8,64}$", description="The first sync, once started"
    )

    @field_validator("banks")
    @classmethod
    def _unique(cls, value: list[BankPlan]) -> list[BankPlan]:
        ids = [b.bank_id for b in value]
        if len(set(ids)) != len(ids):
            raise ValueError("each bank at most once")
        return value


class OnboardingProgress(OnboardingBody):
    stored: bool = Field(description="False until the user saves progress: the flow starts at `banks`")
    started_at: UtcTime | None = None
    updated_at: UtcTime | None = None
    completed_at: UtcTime | None = Field(default=None, description="When the user first reached `done`")


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None


def _from_item(item: dict[str, Any] | None) -> OnboardingProgress:
    if not item:
        return OnboardingProgress(step="banks", stored=False)
    return OnboardingProgress(
        step=item["step"],
        banks=[BankPlan(**b) for b in item.get("banks", [])],
        sync_id=item.get("sync_id"),
        stored=True,
        started_at=_time(item.get("started_at")),
        updated_at=_time(item.get("updated_at")),
        completed_at=_time(item.get("completed_at")),
    )


def load(user_id: str) -> OnboardingProgress:
    return _from_item(store.load(user_id))


def _check_banks(body: OnboardingBody) -> None:
    known = {b.bank_id for b in all_banks()}
    details = [
        {"field": f"body.banks.{i}.bank_id", "message": "unknown bank"}
        for i, plan in enumerate(body.banks)
        if plan.bank_id not in known
    ]
    if details:
        raise Unprocessable("The request is not valid", details=details)


def save(user_id: str, body: OnboardingBody) -> OnboardingProgress:
    """Replace the progress; the start and first completion times are kept from earlier saves."""
    _check_banks(body)
    previous = load(user_id)
    now = utcnow()
    completed = previous.completed_at or (now if body.step == "done" else None)
    item: dict[str, Any] = {
        "step": body.step,
        "banks": [plan.model_dump() for plan in body.banks],
        "started_at": iso(previous.started_at or now),
        "updated_at": iso(now),
    }
    if body.sync_id:
        item["sync_id"] = body.sync_id
    if completed:
        item["completed_at"] = iso(completed)
    return _from_item(store.save(user_id, item))
