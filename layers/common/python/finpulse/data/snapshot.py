"""What is stored for one bank of one user, read in one Query before a sync compares against it.

The Query (`begins_with(sk, "BANK#<bank>#")`) projects only keys, content hashes and cursor fields:
a bank's accounts, balances, agreements and cards are tens of items, and the hashes are all a sync
needs to skip unchanged ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from finpulse.data import cursors as cursors
from finpulse.data.keys import bank_prefix, user_pk
from finpulse.data.table import data_table
from finpulse.storage.dynamo import query_items


@dataclass
class BankSnapshot:
    hashes: dict[str, str] = field(default_factory=dict)  # entity sk -> content hash
    cursors: dict[str, cursors.AccountCursor] = field(default_factory=dict)  # account id -> cursor

    def sks(self, kind: str, bank_id: str) -> set[str]:
        prefix = f"{bank_prefix(bank_id)}{kind}#"
        return {sk for sk in self.hashes if sk.startswith(prefix)}


def load(user_id: str, bank_id: str) -> BankSnapshot:
    from boto3.dynamodb.conditions import Key  # deferred: boto3 costs ~250 ms of import

    data = data_table()
    snapshot = BankSnapshot()
    cursor_prefix = f"{bank_prefix(bank_id)}{cursors.KIND}#"
    items = query_items(
        data,
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(bank_prefix(bank_id)),
        ProjectionExpression="sk, h, account_id, watermark, pending",
        ConsistentRead=True,
    )
    for item in items:
        sk = str(item["sk"])
        if sk.startswith(cursor_prefix):
            cursor = cursors.from_item(item)
            snapshot.cursors[cursor.account_id] = cursor
        elif "h" in item:
            snapshot.hashes[sk] = str(item["h"])
    return snapshot
