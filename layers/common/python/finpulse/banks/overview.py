"""The caller's view of the configured banks: display data, their own connection state, and how
each bank has been answering lately (from the bank status log: last success, last error, degraded)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from finpulse import clock
from finpulse.banks.health import BankHealth, banks_health
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
    health: BankHealth


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
    health = banks_health([b.bank_id for b in all_banks()])
    # Stored times are fixed-width UTC ISO strings, so string order is time order.
    now = clock.iso(clock.now())
    states = []
    for bank in all_banks():
        consents = [_summary(i) for i in by_bank.get(bank.bank_id, [])]
        connected = any(
            c.kind == "accounts" and c.status == "approved" and (c.expires_at is None or c.expires_at > now)
            for c in consents
        )
        states.append(
            BankState(
                bank_id=bank.bank_id,
                name=bank.name,
                approval=bank.approval,
                connected=connected,
                consents=consents,
                health=health[bank.bank_id],
            )
        )
    return BanksOverview(banks=states)
