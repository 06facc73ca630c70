"""A user's stored transactions newest first, in cursor pages.

Each account's parts (`finpulse.data.txbuckets`) are read newest month first — one Query per
account, all side by side, a further page of an account only when the page before runs out — and
merged by (booking time, bank, account, transaction id), newest first. The cursor is the position
of the last transaction returned; the next page starts strictly below it.

Value filters are the caller's: `hint` is a cheap test of a transaction's stored JSON that must
never reject a match (it skips decoding the obvious misses), `keep` the exact test of the decoded
transaction. The work per request is capped (`SCAN_BUDGET` transactions examined): a rare filter
over a long history answers with the matches so far and a cursor to continue from.
"""

from __future__ import annotations

import base64
import binascii
import heapq
import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from finpulse import clock
from finpulse.data import cursors
from finpulse.data.keys import tx_pk
from finpulse.data.table import query_page
from finpulse.data.transactions import month_range_query
from finpulse.data.txbuckets import decode_lines, parse_line
from finpulse.domain import Transaction
from finpulse.errors import Unprocessable

SCAN_BUDGET = 50_000
# Parts per Query page without value filters: the newest two parts hold the first page.
_PARTS_PER_PAGE = 2

Position = tuple[str, str, str, str]
"""(booking stamp, bank id, account id, transaction id): the order of the merged history."""


@dataclass(frozen=True)
class TxRange:
    """What the keys select: one bank or all, one account or all, a date range (inclusive, UTC)."""

    bank_id: str | None = None
    account_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def bounds(self) -> tuple[str, str | None]:
        """[low, high) as stamps; `high` None when open."""
        low = clock.iso(datetime.combine(self.date_from, time.min, UTC)) if self.date_from else ""
        high = (
            clock.iso(datetime.combine(self.date_to + timedelta(days=1), time.min, UTC))
            if self.date_to
            else None
        )
        return low, high


def encode_cursor(position: Position) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": list(position)}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stamp, bank, account, tx_id = json.loads(raw)["p"]
        if not all(isinstance(p, str) for p in (stamp, bank, account, tx_id)):
            raise TypeError("cursor parts are strings")
        clock.parse_iso(stamp)
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise Unprocessable(
            "The cursor is not valid",
            details=[{"field": "query.cursor", "message": "use next_cursor as given"}],
        ) from None
    return (stamp, bank, account, tx_id)


@cache
def _adapter() -> TypeAdapter[Transaction]:
    return TypeAdapter(Transaction)


class _Account:
    """One account's transactions in [low, high) and below `before`, newest first, page by page."""

    def __init__(
        self, user_id: str, bank: str, account: str, low: str, high: str | None, before: Position | None
    ) -> None:
        self.bank, self.account = bank, account
        self.low, self.high, self.before = low, high, before
        top = min(filter(None, (high, before[0] if before else None)), default=None)
        query = month_range_query(
            tx_pk(user_id, bank, account),
            clock.parse_iso(low) if low else None,
            clock.parse_iso(top) if top else None,
        )
        self.query = {**query, "ScanIndexForward": False}
        self.items: list[dict[str, Any]] = []
        self.next: dict[str, Any] | None = None
        self.fetched = False

    def fetch(self, limit: int | None) -> None:
        self.items, self.next = query_page(self.query, start=self.next, limit=limit)
        self.fetched = True

    def entries(self, limit: int | None) -> Iterator[tuple[Position, str]]:
        if not self.fetched:
            self.fetch(limit)
        while True:
            for item in self.items:
                for line in reversed(decode_lines(item["z"])):
                    entry = parse_line(line)
                    position = (entry.stamp, self.bank, self.account, entry.tx_id)
                    if self.high is not None and entry.stamp >= self.high:
                        continue
                    if self.before is not None and position >= self.before:
                        continue
                    if entry.stamp < self.low:
                        return
                    yield position, entry.json
            if self.next is None:
                return
            self.fetch(limit)


def query(
    user_id: str,
    where: TxRange,
    *,
    limit: int,
    cursor: str | None,
    keep: Callable[[Transaction], bool] | None = None,
    hint: Callable[[str], bool] | None = None,
) -> tuple[list[Transaction], str | None]:
    """Up to `limit` transactions, newest first, and the cursor of the next page (None at the end)."""
    before = decode_cursor(cursor) if cursor else None
    low, high = where.bounds()
    accounts = [
        _Account(user_id, bank, account, low, high, before)
        for bank, account in cursors.accounts(user_id, where.bank_id)
        if where.account_id in (None, account)
    ]
    # Without value filters the newest parts hold the page; with them, read whole pages (1 MB).
    per_page = _PARTS_PER_PAGE if keep is None and hint is None else None
    if len(accounts) > 1:
        with ThreadPoolExecutor(max_workers=min(12, len(accounts)), thread_name_prefix="tx-page") as pool:
            list(pool.map(lambda a: a.fetch(per_page), accounts))
    merged = heapq.merge(*(a.entries(per_page) for a in accounts), key=lambda e: e[0], reverse=True)
    out: list[Transaction] = []
    for examined, (position, body) in enumerate(merged, start=1):
        if hint is None or hint(body):
            tx = _adapter().validate_json(body)
            if keep is None or keep(tx):
                out.append(tx)
                if len(out) == limit:
                    return out, encode_cursor(position)
        if examined >= SCAN_BUDGET:
            return out, encode_cursor(position)
    return out, None
