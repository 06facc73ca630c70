"""Reading a user's stored bank data for the endpoints: one Query per user partition."""

from __future__ import annotations

from typing import Any

from finpulse.banks.registry import all_banks
from finpulse.config import settings
from finpulse.domain import Account, Agreement, Balance
from finpulse.storage.dynamo import query_items, table
from finpulse.sync import codec, freshness
from finpulse.sync.entities import ACCOUNT, AGREEMENT, BALANCE
from finpulse.sync.freshness import BankFreshness
from finpulse.sync.layout import user_pk
from finpulse.sync.views import AccountView, AgreementView


def _entities(user_id: str, kinds: set[str], bank_id: str | None) -> list[dict[str, Any]]:
    from boto3.dynamodb.conditions import Key  # deferred: boto3 costs ~250 ms of import

    prefix = f"BANK#{bank_id}#" if bank_id else "BANK#"
    condition = Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix)
    items = query_items(table(settings().data_table), KeyConditionExpression=condition)
    return [i for i in items if i.get("kind") in kinds]


def bank_ids(bank_id: str | None = None) -> list[str]:
    return [b.bank_id for b in all_banks() if bank_id in (None, b.bank_id)]


def freshness_of(user_id: str, bank_id: str | None = None) -> list[BankFreshness]:
    return freshness.for_banks(user_id, bank_ids(bank_id))


def _stale(states: list[BankFreshness]) -> dict[str, bool]:
    return {s.bank_id: s.stale for s in states}


def accounts(user_id: str, bank_id: str | None = None) -> tuple[list[AccountView], list[BankFreshness]]:
    items = _entities(user_id, {ACCOUNT, BALANCE}, bank_id)
    states = freshness_of(user_id, bank_id)
    stale = _stale(states)
    balances: dict[tuple[str, str], list[Balance]] = {}
    accounts_: list[Account] = []
    for item in items:
        if item["kind"] == BALANCE:
            balance = codec.decode(item, Balance)
            balances.setdefault((balance.bank_id, balance.account_id), []).append(balance)
        else:
            accounts_.append(codec.decode(item, Account))
    views = [AccountView.of(a, balances.get(a.key, []), stale.get(a.bank_id, False)) for a in accounts_]
    return views, states


def agreements(user_id: str, bank_id: str | None = None) -> tuple[list[AgreementView], list[BankFreshness]]:
    states = freshness_of(user_id, bank_id)
    stale = _stale(states)
    views = [
        AgreementView.of(a, stale.get(a.bank_id, False))
        for a in (codec.decode(i, Agreement) for i in _entities(user_id, {AGREEMENT}, bank_id))
    ]
    return views, states
