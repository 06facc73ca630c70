"""What one bank's sync did: the per-bank Task's output and the sync record's per-bank entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from finpulse import clock
from finpulse.data.freshness import TypeState

Outcome = Literal["ok", "partial", "failed"]


@dataclass
class BankSyncResult:
    bank_id: str
    outcome: Outcome
    started_at: datetime
    finished_at: datetime
    types: dict[str, TypeState] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    error_code: str | None = None
    error_message: str | None = None
    # True when trying again soon may succeed (bank down, throttled); False for consent trouble.
    retryable: bool = False

    @property
    def wrote(self) -> bool:
        keys = (
            "transactions_written",
            "transactions_deleted",
            "transaction_items_written",
            "entities_written",
            "entities_deleted",
        )
        return any(self.counts.get(k, 0) for k in keys)

    def to_json(self) -> dict[str, Any]:
        return {
            "bank_id": self.bank_id,
            "outcome": self.outcome,
            "started_at": clock.iso(self.started_at),
            "finished_at": clock.iso(self.finished_at),
            "duration_ms": int((self.finished_at - self.started_at).total_seconds() * 1000),
            "types": dict(self.types),
            "counts": dict(self.counts),
            "error": {"code": self.error_code, "message": self.error_message} if self.error_code else None,
            "retryable": self.retryable,
        }
