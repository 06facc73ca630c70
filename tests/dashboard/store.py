"""Write engine-shaped data straight into the data table, through the data layer as a sync does.

For endpoint tests of shapes the sandbox banks never produce (a foreign-currency account, a loan
without details, only deposits): accounts, balances and agreements go through the sync's
`EntityWriter`, transactions through its `TxApplier` (month parts, cursors first), so the
dashboard reads them exactly as it reads synced data.
"""

from __future__ import annotations

from collections import defaultdict

from finpulse.analytics import EngineInput
from finpulse.data import cursors, versioning
from finpulse.data.batch import data_writer
from finpulse.data.cursors import AccountCursor
from finpulse.data.entities import ACCOUNT, AGREEMENT, BALANCE, EntityWriter
from finpulse.data.snapshot import BankSnapshot
from finpulse.data.transactions import TxApplier
from finpulse.data.txbuckets import AccountBuckets
from finpulse.domain import Transaction


def store(user_id: str, data: EngineInput) -> int:
    """Store accounts, balances, agreements and transactions; bump the data version (as a sync)."""
    writer = data_writer()
    banks = {a.bank_id for a in data.accounts} | {a.bank_id for a in data.agreements}
    entities = {b: EntityWriter(user_id, b, BankSnapshot(), writer) for b in banks}
    for a in data.accounts:
        entities[a.bank_id].put(ACCOUNT, (a.account_id,), a)
    for b in data.balances:
        entities[b.bank_id].put(BALANCE, (b.account_id, b.type.value), b)
    for a in data.agreements:
        entities[a.bank_id].put(AGREEMENT, (a.agreement_id,), a)
    by_account: dict[tuple[str, str], list[Transaction]] = defaultdict(list)
    for tx in data.transactions:
        by_account[(tx.bank_id, tx.account_id)].append(tx)
    for (bank, account), txs in by_account.items():
        cursors.put(user_id, bank, AccountCursor(account, exists=True))
        applier = TxApplier(
            user_id, bank, account, AccountCursor(account), AccountBuckets(), "test-store", None
        )
        applier.apply(txs)
        cursors.put(user_id, bank, applier.complete())
        applier.write(writer)
    writer.close()
    return versioning.bump(user_id, "test-store")
