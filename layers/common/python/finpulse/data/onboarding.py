"""The user's onboarding progress item (its shape is `finpulse.onboarding.progress`'s).

pk USER#<uid>  sk ONBOARDING  {step, banks, sync_id, started_at, updated_at, completed_at}
"""

from __future__ import annotations

from typing import Any

from finpulse.data.keys import ONBOARDING_SK, user_pk
from finpulse.data.table import data_table


def _key(user_id: str) -> dict[str, str]:
    return {"pk": user_pk(user_id), "sk": ONBOARDING_SK}


def load(user_id: str) -> dict[str, Any] | None:
    item: dict[str, Any] | None = data_table().get_item(Key=_key(user_id), ConsistentRead=True).get("Item")
    return item


def save(user_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Replace the item with `fields` (keys added here); returns what was stored."""
    item = {**fields, **_key(user_id)}
    data_table().put_item(Item=item)
    return item
