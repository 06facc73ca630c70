"""Write engine-shaped data straight into the data table, as the sync stores it.

For endpoint tests of shapes the sandbox banks never produce (a foreign-currency account, a loan
without details, only deposits): the items have the sync's layout (`finpulse.data.keys`, the
`codec` body), so the dashboard reads them exactly as it reads synced data.
"""

from __future__ import annotations

from typing import Any

from finpulse.analytics import EngineInput
from finpulse.config import settings
from finpulse.data import codec, versioning
from finpulse.data.entities import ACCOUNT, AGREEMENT, BALANCE
from finpulse.data.keys import entity_sk, tx_pk, tx_sk, user_pk
from finpulse.storage.dynamo import table


def _entity(user_id: str, bank_id: str, kind: str, parts: tuple[str, ...], value: Any) -> dict[str, Any]:
    body, digest = codec.encode(value)
    return {
        "pk": user_pk(user_id),
        "sk": entity_sk(bank_id, kind, *parts),
        codec.BODY: body,
        codec.HASH: digest,
        "kind": kind,
        "bank_id": bank_id,
    }


def store(user_id: str, data: EngineInput) -> int:
    """Store accounts, balances, agreements and transactions; bump the data version (as a sync)."""
    items = [_entity(user_id, a.bank_id, ACCOUNT, (a.account_id,), a) for a in data.accounts]
    items += [_entity(user_id, b.bank_id, BALANCE, (b.account_id, b.type.value), b) for b in data.balances]
    items += [_entity(user_id, a.bank_id, AGREEMENT, (a.agreement_id,), a) for a in data.agreements]
    for tx in data.transactions:
        body, digest = codec.encode(tx)
        items.append(
            {
                "pk": tx_pk(user_id),
                "sk": tx_sk(tx.booked_at, tx.bank_id, tx.account_id, tx.transaction_id),
                codec.BODY: body,
                codec.HASH: digest,
            }
        )
    with table(settings().data_table).batch_writer() as batch:
        for item in items:
            batch.put_item(Item=item)
    return versioning.bump(user_id, "test-store")
