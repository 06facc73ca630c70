"""`GET /api/transactions`' filters: the key range the data layer selects, and the value filters
applied to each transaction it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from finpulse.analytics.categories import categorise
from finpulse.data import txquery
from finpulse.data.txquery import TxRange
from finpulse.domain import Transaction


@dataclass(frozen=True)
class TxFilter:
    bank_id: str | None = None
    account_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    direction: Literal["in", "out"] | None = None
    text: str | None = None
    category: str | None = None
    mcc: str | None = None

    @property
    def keys(self) -> TxRange:
        return TxRange(self.bank_id, self.account_id, self.date_from, self.date_to)

    @property
    def has_values(self) -> bool:
        return any(v is not None for v in (self.direction, self.text, self.category, self.mcc))

    def hint(self, body: str) -> bool:
        """A cheap test of the stored JSON that never rejects a match: the text's words must all
        occur in it (a match lies in one field, or across fields joined by spaces), and the MCC
        as its field; JSON escapes `"`, `\\` and control characters, so words holding those are
        left to `matches`."""
        if self.mcc is not None and f'"mcc":"{self.mcc}"' not in body:
            return False
        if self.text:
            words = [w for w in self.text.casefold().split(" ") if w]
            if words and all(_plain_json(w) for w in words):
                folded = body.casefold()
                return all(w in folded for w in words)
        return True

    def matches(self, tx: Transaction) -> bool:
        if self.direction == "in" and tx.amount <= 0:
            return False
        if self.direction == "out" and tx.amount > 0:
            return False
        if self.mcc is not None and tx.mcc != self.mcc:
            return False
        if self.category is not None and categorise(tx.mcc, tx.bank_category) != self.category:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = " ".join(filter(None, (tx.description, tx.merchant_name, tx.counterparty_name)))
            if needle not in haystack.casefold():
                return False
        return True


def _plain_json(word: str) -> bool:
    return not any(c in '"\\' or ord(c) < 0x20 for c in word)


def find(
    user_id: str, f: TxFilter, *, limit: int, cursor: str | None
) -> tuple[list[Transaction], str | None]:
    """The caller's transactions matching `f`, newest first, and the cursor of the next page."""
    if not f.has_values:
        return txquery.query(user_id, f.keys, limit=limit, cursor=cursor)
    return txquery.query(user_id, f.keys, limit=limit, cursor=cursor, keep=f.matches, hint=f.hint)
