"""The request log and counters the admin API exposes (how many calls did the client make?)."""

from __future__ import annotations

import time
from collections import Counter, deque
from typing import Any


class RequestLog:
    """A bounded log of bank API requests (admin and internal calls are not recorded)."""

    def __init__(self, size: int = 20000) -> None:
        self.entries: deque[dict[str, Any]] = deque(maxlen=size)
        self.by_operation: Counter[str] = Counter()
        self.by_path: Counter[str] = Counter()
        self.by_status: Counter[int] = Counter()
        self.seq = 0

    def record(
        self,
        method: str,
        path: str,
        query: str,
        operation: str,
        status: int,
        latency_ms: float,
        fault: str,
        interaction_id: str | None,
    ) -> None:
        self.seq += 1
        self.entries.append(
            {
                "seq": self.seq,
                "ts": time.time(),
                "method": method,
                "path": path,
                "query": query,
                "operation": operation,
                "status": status,
                "latency_ms": round(latency_ms, 3),
                "fault": fault or None,
                "interaction_id": interaction_id,
            }
        )
        self.by_operation[operation] += 1
        self.by_path[f"{method} {path}"] += 1
        self.by_status[status] += 1

    def clear(self) -> None:
        self.entries.clear()
        self.by_operation.clear()
        self.by_path.clear()
        self.by_status.clear()

    def since(self, seq: int, limit: int) -> list[dict[str, Any]]:
        out = [e for e in self.entries if e["seq"] > seq]
        return out[-limit:] if limit else out

    def counters(self) -> dict[str, Any]:
        return {
            "total": sum(self.by_status.values()),
            "by_operation": dict(self.by_operation),
            "by_path": dict(self.by_path),
            "by_status": {str(k): v for k, v in self.by_status.items()},
            "last_seq": self.seq,
        }
