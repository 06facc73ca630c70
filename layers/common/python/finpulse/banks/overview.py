"""The caller's view of the configured banks: display data plus their own connection state."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from finpulse.banks.registry import all_banks
from finpulse.storage.connections import consents_by_bank

ConsentKind = Literal["accounts", "products", "payments"]


class ConsentSummary(BaseModel):
    kind: str
    status: str
    expires_at: str | None = None


class BankState(BaseModel):
    bank_id: str
    name: str
    approval: Literal["auto", "manual"]
    connected: bool
    consents: list[ConsentSummary]


class BanksOverview(BaseModel):
    banks: list[BankState]


def _summary(item: dict[str, Any]) -> ConsentSummary:
    expires = item.get("expires_at")
    return ConsentSummary(
        kind=str(item.get("kind", "accounts")),
        status=str(item.get("status", "pending")),
        expires_at=str(expires) if expires else None,
    )


def banks_overview(user_id: str) -> BanksOverview:
    by_bank = consents_by_bank(user_id)
    states = []
    for bank in all_banks():
        consents = [_summary(i) for i in by_bank.get(bank.bank_id, [])]
        connected = any(c.kind == "accounts" and c.status == "approved" for c in consents)
        states.append(
            BankState(
                bank_id=bank.bank_id,
                name=bank.name,
                approval=bank.approval,
                connected=connected,
                consents=consents,
            )
        )
    return BanksOverview(banks=states)
