"""A user's stored bank data as the endpoints show it: one Query of the user's partition (through
`finpulse.data.entities`) and the banks' freshness."""

from __future__ import annotations

from finpulse.banks.registry import all_banks
from finpulse.data import entities, freshness
from finpulse.data.freshness import BankFreshness
from finpulse.domain import Balance
from finpulse.sync.api.models import AccountView, AgreementView


def bank_ids(bank_id: str | None = None) -> list[str]:
    return [b.bank_id for b in all_banks() if bank_id in (None, b.bank_id)]


def freshness_of(user_id: str, bank_id: str | None = None) -> list[BankFreshness]:
    return freshness.for_banks(user_id, bank_ids(bank_id))


def _stale(states: list[BankFreshness]) -> dict[str, bool]:
    return {s.bank_id: s.stale for s in states}


def accounts(user_id: str, bank_id: str | None = None) -> tuple[list[AccountView], list[BankFreshness]]:
    stored = entities.load(user_id, bank_id)
    states = freshness_of(user_id, bank_id)
    stale = _stale(states)
    balances: dict[tuple[str, str], list[Balance]] = {}
    for balance in stored.balances:
        balances.setdefault((balance.bank_id, balance.account_id), []).append(balance)
    views = [AccountView.of(a, balances.get(a.key, []), stale.get(a.bank_id, False)) for a in stored.accounts]
    return views, states


def agreements(user_id: str, bank_id: str | None = None) -> tuple[list[AgreementView], list[BankFreshness]]:
    states = freshness_of(user_id, bank_id)
    stale = _stale(states)
    views = [AgreementView.of(a, stale.get(a.bank_id, False)) for a in entities.agreements(user_id, bank_id)]
    return views, states
