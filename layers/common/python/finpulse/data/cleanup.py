"""Data minimisation: when a consent is revoked, delete the data it brought in.

Per user and bank, `BANK#<bank>#ACC|BAL|CARD|CURSOR#...` items and the transaction partitions of
the bank's accounts (`TX#<uid>#<bank>#<acct>`, found through the cursors) came with the account
consent (cards are read under it, with `ReadCards`), and `AGR` items with the product consent.
Payment consents bring no bank data in (the payment history is FinPulse's own record of what the
user did).

Deletion is bounded by the caller's deadline; what could not be deleted in time (or at all) is
reported, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from boto3.dynamodb.conditions import Key

from finpulse.banks.retry import Deadline
from finpulse.config import settings
from finpulse.data import cursors, versioning
from finpulse.data.keys import ACCOUNT, AGREEMENT, BALANCE, CARD, CURSOR, bank_prefix, tx_pk, user_pk
from finpulse.data.table import data_table
from finpulse.observability import logger
from finpulse.storage.dynamo import query_items

ENTITIES: dict[str, tuple[str, ...]] = {
    "accounts": (ACCOUNT, BALANCE, CARD, CURSOR),
    "products": (AGREEMENT,),
}
# Stop deleting with this much time left, so the answer (and the report) still gets out.
RESERVE_SECONDS = 0.5


@dataclass
class CleanupReport:
    deleted: int = 0
    not_deleted: list[str] = field(default_factory=list)


def _keys(tbl: Any, **query: Any) -> list[dict[str, str]]:
    items = query_items(tbl, **query, ProjectionExpression="pk, sk", ConsistentRead=True)
    return [{"pk": str(i["pk"]), "sk": str(i["sk"])} for i in items]


def _keys_of(user_id: str, bank_id: str, kind: str) -> list[dict[str, str]]:
    """The items to delete, in the order to delete them: an account's transaction parts before
    the cursor that indexes them, so a deletion cut short by the deadline can be finished later."""
    tbl = data_table()
    keys: list[dict[str, str]] = []
    if kind == "accounts":
        for _, account in cursors.accounts(user_id, bank_id):
            keys += _keys(tbl, KeyConditionExpression=Key("pk").eq(tx_pk(user_id, bank_id, account)))
    for entity in ENTITIES[kind]:
        prefix = f"{bank_prefix(bank_id)}{entity}#"
        keys += _keys(
            tbl, KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix)
        )
    return keys


def delete_consent_data(user_id: str, bank_id: str, kind: str, deadline: Deadline) -> CleanupReport:
    """Delete what a consent of `kind` (accounts, products, payments) brought in from `bank_id`."""
    report = CleanupReport()
    if kind not in ENTITIES:
        return report
    if not settings().data_table:
        report.not_deleted.append("stored bank data: the data table is not configured")
        return report
    keys = _keys_of(user_id, bank_id, kind)
    tbl = data_table()
    with tbl.batch_writer() as batch:  # resends unprocessed items itself
        for key in keys:
            if deadline.remaining() < RESERVE_SECONDS:
                break
            batch.delete_item(Key=key)
            report.deleted += 1
    left = len(keys) - report.deleted
    if left:
        report.not_deleted.append(
            f"{left} stored item(s) from {bank_id} ({kind}): out of time; revoke again to finish"
        )
    if report.deleted:
        versioning.bump(
            user_id, f"consent revoked: {bank_id} {kind}"
        )  # analytics caches built on it are void
    logger.info(
        "consent data deleted",
        extra={"bank_id": bank_id, "kind": kind, "deleted": report.deleted, "left": left},
    )
    return report
