"""Agreement actions in the payments table (the money-moving actions' table), beside payments:

    pk USER#<sub>  sk AGR#<action id>       d (the action as JSON), kind, status, bank_id, version
    pk USER#<sub>  sk AKEY#<idem. key>      action_id, request_hash, ttl (+31 days)

Every move is a conditional put on `version`; the action and its key item are created in one
transaction (`finpulse.storage.dynamo.insert_pair`), so one key never names two actions.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from finpulse.agreements.records import AgreementAction
from finpulse.config import settings
from finpulse.payments.ids import PAYMENT_ID_PATTERN
from finpulse.storage.dynamo import insert_pair, put_versioned, table
from finpulse.storage.keys import user_pk

KEY_TTL = timedelta(days=31)
ACTION_ID_PATTERN = PAYMENT_ID_PATTERN.replace("^pay-", "^agr-")


class StaleAction(Exception):
    """Someone else changed the action since it was read."""


class KeyTaken(Exception):
    """Another request created an action under this idempotency key first."""


def new_action_id(now: datetime) -> str:
    from finpulse.payments.ids import new_payment_id

    return "agr-" + new_payment_id(now).removeprefix("pay-")


def _table() -> Any:
    return table(settings().payments_table)


def _item(action: AgreementAction) -> dict[str, Any]:
    body = action.model_dump(mode="json", exclude={"version"})
    return {
        "pk": user_pk(action.user_id),
        "sk": f"AGR#{action.action_id}",
        "d": json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        "kind": action.kind,
        "status": action.status,
        "bank_id": action.bank_id,
        "version": action.version,
    }


def _action(item: dict[str, Any]) -> AgreementAction:
    data = json.loads(str(item["d"]))
    data["version"] = int(item["version"])
    return AgreementAction.model_validate(data)


def insert(action: AgreementAction) -> None:
    key_item = {
        "pk": user_pk(action.user_id),
        "sk": f"AKEY#{action.idempotency_key}",
        "action_id": action.action_id,
        "request_hash": action.request_hash,
        "ttl": int((action.created_at + KEY_TTL).timestamp()),
    }
    if not insert_pair(settings().payments_table, _item(action), key_item):
        raise KeyTaken(action.idempotency_key)


def get(user_id: str, action_id: str) -> AgreementAction | None:
    key = {"pk": user_pk(user_id), "sk": f"AGR#{action_id}"}
    item = _table().get_item(Key=key, ConsistentRead=True).get("Item")
    return _action(item) if item else None


def by_key(user_id: str, idempotency_key: str) -> AgreementAction | None:
    key = {"pk": user_pk(user_id), "sk": f"AKEY#{idempotency_key}"}
    pointer = _table().get_item(Key=key, ConsistentRead=True).get("Item")
    return get(user_id, str(pointer["action_id"])) if pointer else None


def save(action: AgreementAction) -> AgreementAction:
    expected = action.version
    action.version = expected + 1
    if not put_versioned(_table(), _item(action), expected):
        action.version = expected
        raise StaleAction(action.action_id)
    return action
