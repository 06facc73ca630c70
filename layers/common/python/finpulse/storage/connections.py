"""A user's connection state per bank, read from the consents table."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from boto3.dynamodb.conditions import Key

from finpulse.config import settings
from finpulse.storage.dynamo import table
from finpulse.storage.keys import CONSENT_PREFIX, user_pk


def consents_by_bank(user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every consent item of the user, grouped by bank id (paginated Query, never a Scan)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    consents = table(settings().consents_table)
    kwargs: dict[str, Any] = {
        "KeyConditionExpression": Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(CONSENT_PREFIX)
    }
    while True:
        page = consents.query(**kwargs)
        for item in page.get("Items", []):
            grouped[str(item["bank_id"])].append(item)
        if "LastEvaluatedKey" not in page:
            return grouped
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
