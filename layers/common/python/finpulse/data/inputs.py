"""The user's financial inputs item.

    pk USER#<uid>  sk INPUTS  {d: FinancialInputs JSON, timezone, updated_at}

Written in one transaction with a bump of the user's data version: a dashboard computed with the
old inputs is invalid from that moment on.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from finpulse import clock
from finpulse.analytics.constants import DEFAULT_TIMEZONE
from finpulse.config import settings
from finpulse.data import versioning
from finpulse.data.keys import INPUTS_SK, user_pk
from finpulse.data.table import data_table
from finpulse.domain import FinancialInputs, from_dict, to_json


class StoredInputs(BaseModel):
    """The INPUTS item as read back (defaults when the user never saved any)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    inputs: FinancialInputs
    timezone: str = DEFAULT_TIMEZONE
    updated_at: datetime | None = None
    stored: bool = False


def key(user_id: str) -> dict[str, str]:
    return {"pk": user_pk(user_id), "sk": INPUTS_SK}


def from_item(item: dict[str, Any] | None) -> StoredInputs:
    if not item:
        return StoredInputs(inputs=FinancialInputs())
    return StoredInputs(
        inputs=from_dict(FinancialInputs, json.loads(str(item["d"]))),
        timezone=str(item.get("timezone") or DEFAULT_TIMEZONE),
        updated_at=item.get("updated_at"),
        stored=True,
    )


def load(user_id: str) -> StoredInputs:
    return from_item(data_table().get_item(Key=key(user_id), ConsistentRead=True).get("Item"))


def save(user_id: str, inputs: FinancialInputs, timezone: str) -> StoredInputs:
    """Store the inputs and bump the data version in one transaction (never one without the other)."""
    now = clock.now()
    item = {**key(user_id), "d": to_json(inputs).decode(), "timezone": timezone, "updated_at": clock.iso(now)}
    name = settings().data_table
    client: Any = data_table().meta.client
    client.transact_write_items(
        TransactItems=[
            # The resource's client types Python values itself (as in versioning.bump_request).
            {"Put": {"TableName": name, "Item": item}},
            versioning.bump_request(user_id, "financial-inputs"),
        ]
    )
    return StoredInputs(inputs=inputs, timezone=timezone, updated_at=now, stored=True)
