"""The user's data version: one counter that every write of bank data increments.

Derived results (the dashboard and other analytics caches) store the version they were computed
from and are valid only while `current_version(user)` still equals it. A sync that wrote anything
bumps the counter once per bank, and the full refresh's final step bumps it again, so a cache can
never outlive the data it was built from — no cache keys to enumerate and delete.

    pk USER#<uid>  sk DATA_VERSION  {version: N, updated_at, reason}
"""

from __future__ import annotations

from finpulse import clock
from finpulse.config import settings
from finpulse.data.keys import DATA_VERSION_SK, user_pk
from finpulse.data.table import data_table


def current_version(user_id: str) -> int:
    item = (
        data_table()
        .get_item(Key={"pk": user_pk(user_id), "sk": DATA_VERSION_SK}, ConsistentRead=True)
        .get("Item")
    )
    return int(str(item["version"])) if item else 0


def bump(user_id: str, reason: str) -> int:
    """Increment and return the new version (atomic ADD: concurrent bumps never collide)."""
    result = data_table().update_item(
        Key={"pk": user_pk(user_id), "sk": DATA_VERSION_SK},
        UpdateExpression="ADD version :one SET updated_at = :at, reason = :why",
        ExpressionAttributeValues={":one": 1, ":at": clock.iso(clock.now()), ":why": reason},
        ReturnValues="UPDATED_NEW",
    )
    return int(str(result["Attributes"]["version"]))


def bump_request(user_id: str, reason: str) -> dict[str, object]:
    """The same bump as a TransactWriteItems Update (used by the fenced sync summary)."""
    return {
        "Update": {
            "TableName": settings().data_table,
            "Key": {"pk": user_pk(user_id), "sk": DATA_VERSION_SK},
            "UpdateExpression": "ADD version :one SET updated_at = :at, reason = :why",
            "ExpressionAttributeValues": {":one": 1, ":at": clock.iso(clock.now()), ":why": reason},
        }
    }
