"""One account's transaction sync inside a bank sync: paging, normalising, applying, finishing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from finpulse.banks.models import TransactionItem
from finpulse.data.cursors import AccountCursor
from finpulse.data.transactions import TxApplier
from finpulse.domain import Transaction
from finpulse.observability import logger
from finpulse.sync.pipeline import normalise
from finpulse.sync.pipeline.pager import Pager


@dataclass
class AccountTx:
    account_id: str
    since: datetime | None
    pager: Pager
    applier: TxApplier
    in_flight: int = 0
    failed: bool = False
    invalid: int = 0
    pages: int = 0
    _cursor_written: bool = field(default=False)

    def on_page(
        self, bank_id: str, page: int, items: list[TransactionItem], meta: dict[str, Any]
    ) -> list[int]:
        """Apply an arrived page; return further pages to request (none once the account failed)."""
        self.pages += 1
        txs: list[Transaction] = []
        for item in items:
            try:
                txs.append(normalise.transaction(bank_id, self.account_id, item))
            except (ValidationError, ValueError):
                # One malformed transaction must not block the account forever; it is counted
                # and logged (ids only), the rest of the page is stored.
                self.invalid += 1
                logger.warning("transaction skipped", extra={"bank_id": bank_id, "operation": "normalise"})
        self.applier.apply(txs)
        if self.failed:
            return []
        return self.pager.on_page(page, [t.booked_at for t in txs], meta)

    @property
    def done(self) -> bool:
        return self.in_flight == 0 and (self.failed or self.pager.complete)

    def finish(self) -> AccountCursor:
        if self.failed or not self.pager.complete:
            return self.applier.incomplete()
        return self.applier.complete()
