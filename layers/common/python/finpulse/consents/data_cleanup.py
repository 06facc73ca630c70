"""Data minimisation: when a consent is revoked, delete the data it brought in.

The data table's layout is the sync pipeline's (finpulse.sync.layout): per user and bank,
`BANK#<bank>#ACC|BAL|CARD|CURSOR#...` items came with the account consent (cards are read under
it, with `ReadCards`) and `AGR` items with the product consent; transactions (`pk TX#<uid>`) carry
the bank in their sort key. Payment consents bring no bank data in (the payment history is
FinPulse's own record of what the user did).

Deletion is bounded by the caller's deadline; what could not be deleted in time (or at all) is
reported, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from boto3.dynamodb.conditions import Key

from finpulse.banks.retry import Deadline
from finpulse.config import settings
from finpulse.consents.records import Kind
from finpulse.observability import logger
from finpulse.storage.dynamo import query_items, table

ENTITIES: dict[str, tuple[str, ...]] = {"accounts": ("ACC", "BAL", "CARD", "CURSOR"), "products": ("AGR",)}
# The consent kinds that bring bank data in (payment consents bring none).
DATA_KINDS: tuple[Kind, ...] = ("accounts", "products")
# Stop deleting with this much time left, so the answer (and the report) still gets out.
RESERVE_SECONDS = 0.5


@dataclass
class CleanupReport:
    deleted: int = 0
    not_deleted: list[str] = field(default_factory=list)


def _keys(tbl: Any, **query: Any) -> list[dict[str, str]]:
    items = query_items(tbl, **query, ProjectionExpression="pk, sk", ConsistentRead=True)
    return [{"pk": str(i["pk"]), "sk": str(i["sk"])} for i in items]


def _keys_of(user_id: str, bank_id: str, kind: Kind) -> list[dict[str, str]]:
    from finpulse.sync.layout import bank_prefix, parse_tx_sk, tx_pk, user_pk

    tbl = table(settings().data_table)
    keys: list[dict[str, str]] = []
    for entity in ENTITIES[kind]:
        prefix = f"{bank_prefix(bank_id)}{entity}#"
        keys += _keys(
            tbl, KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix)
        )
    if kind == "accounts":
        for key in _keys(tbl, KeyConditionExpression=Key("pk").eq(tx_pk(user_id))):
            if parse_tx_sk(key["sk"])[1] == bank_id:
                keys.append(key)
    return keys


def delete_consent_data(user_id: str, bank_id: str, kind: Kind, deadline: Deadline) -> CleanupReport:
    report = CleanupReport()
    if kind not in ENTITIES:
        return report
    if not settings().data_table:
        report.not_deleted.append("stored bank data: the data table is not configured")
        return report
    keys = _keys_of(user_id, bank_id, kind)
    tbl = table(settings().data_table)
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
        from finpulse.sync.versioning import bump

        bump(user_id, f"consent revoked: {bank_id} {kind}")  # analytics caches built on it are void
    logger.info(
        "consent data deleted",
        extra={"bank_id": bank_id, "kind": kind, "deleted": report.deleted, "left": left},
    )
    return report
