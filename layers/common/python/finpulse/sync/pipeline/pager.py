"""Which transaction pages of one account to ask for next, given the pages that arrived.

- No window (first sync), or a bank that honours the date filter: after page 1 every remaining
  page is known (`meta.totalPages`) and all are requested at once; the per-bank cap bounds them.
- A bank that ignores the date filter (page 1 holds transactions older than the window): pages
  are asked one at a time and paging stops at the first page entirely older than the window — or
  at once when the page is ordered newest first and already reaches below the window, since every
  later page can only be older.
- No `totalPages` in the answer: one page at a time while pages come back full.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Pager:
    since: datetime | None
    limit: int
    total: int | None = None
    sequential: bool = False
    stopped: bool = False
    requested: set[int] = field(default_factory=lambda: {1})
    arrived: set[int] = field(default_factory=set)

    def on_page(self, page: int, times: Sequence[datetime], meta: dict[str, Any]) -> list[int]:
        """Record an arrived page (its booking times, in bank order); return the pages to ask now."""
        self.arrived.add(page)
        if page == 1:
            self.total = _total_pages(meta)
            ignored = self.since is not None and any(t < self.since for t in times)
            self.sequential = ignored or self.total is None
        if self.sequential:
            return self._next_sequential(page, times)
        if page == 1 and self.total is not None:
            return self._ask(range(2, self.total + 1))
        return []

    def _next_sequential(self, page: int, times: Sequence[datetime]) -> list[int]:
        since = self.since
        if since is not None and times:
            entirely_older = all(t < since for t in times)
            newest_first = all(a >= b for a, b in itertools.pairwise(times))
            if entirely_older or (newest_first and times[-1] < since):
                self.stopped = True
                return []
        more = page < self.total if self.total is not None else len(times) >= self.limit
        return self._ask([page + 1]) if more and times else []

    def _ask(self, pages: Any) -> list[int]:
        fresh = [p for p in pages if p not in self.requested]
        self.requested.update(fresh)
        return fresh

    @property
    def complete(self) -> bool:
        return self.requested <= self.arrived


def _total_pages(meta: dict[str, Any]) -> int | None:
    for key in ("totalPages", "total_pages"):
        value = meta.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return None
