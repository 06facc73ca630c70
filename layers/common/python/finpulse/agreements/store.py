"""Agreement actions in the payments table (the money-moving actions' table), beside payments
(`finpulse.storage.versioned`: conditional moves, the key item written with the action):

    pk USER#<sub>  sk AGR#<action id>       d (the action as JSON), status, version, kind, bank_id
    pk USER#<sub>  sk AKEY#<idem. key>      record_id, request_hash, ttl (+31 days)
"""

from __future__ import annotations

from datetime import datetime

from finpulse.agreements.records import AgreementAction
from finpulse.config import settings
from finpulse.payments.ids import PAYMENT_ID_PATTERN, new_payment_id
from finpulse.storage.versioned import KeyTaken, Stale, VersionedStore

__all__ = ["ACTION_ID_PATTERN", "KeyTaken", "StaleAction", "by_key", "get", "insert", "new_action_id", "save"]

ACTION_ID_PATTERN = PAYMENT_ID_PATTERN.replace("^pay-", "^agr-")
StaleAction = Stale

_actions = VersionedStore(
    lambda: settings().payments_table,
    "AGR",
    "AKEY",
    AgreementAction,
    lambda a: a.action_id,
    lambda a: {"kind": a.kind, "bank_id": a.bank_id},
)
insert = _actions.insert
get = _actions.get
by_key = _actions.by_key
save = _actions.save


def new_action_id(now: datetime) -> str:
    return "agr-" + new_payment_id(now).removeprefix("pay-")
