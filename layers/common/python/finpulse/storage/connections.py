"""A user's connection state per bank, read from the consents table."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from boto3.dynamodb.conditions import Key

from finpulse.config import settings
from finpulse.storage.dynamo import query_items, table
from finpulse.storage.keys import CONSENT_PREFIX, user_pk


def consents_by_bank(user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every consent item of the user, grouped by bank id (paginated Query, never a Scan)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in query_items(
        table(settings().consents_table),
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(CONSENT_PREFIX),
    ):
        grouped[str(item["bank_id"])].append(item)
    return grouped
