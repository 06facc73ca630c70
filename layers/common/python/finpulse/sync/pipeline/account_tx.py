"""One account's transaction sync inside a bank sync: paging, normalising, applying, finishing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from finpulse.banks.statement import BankTransaction
from finpulse.data.cursors import AccountCursor
from finpulse.data.transactions import TxApplier
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
        self, bank_id: str, page: int, items: list[BankTransaction], meta: dict[str, Any]
    ) -> list[int]:
        """Apply an arrived page; return further pages to request (none once the account failed)."""
        self.pages += 1
        txs, invalid = normalise.transactions(bank_id, self.account_id, items)
        if invalid:
            # One malformed transaction must not block the account forever; it is counted and
            # logged (no content), the rest of the page is stored.
            self.invalid += invalid
            logger.warning(
                "transactions skipped", extra={"bank_id": bank_id, "operation": "normalise", "count": invalid}
            )
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
