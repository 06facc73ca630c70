"""Fault injection: per-request faults decided by a seeded RNG, plus data knobs read by the routes.

Per-request knobs (each a probability 0..1 unless noted), decided in this order:

* ``drop_rate`` — close the connection without an answer;
* ``hang_rate`` — hold the request ``hang_seconds`` (or until the client gives up), then answer;
* ``rate_429`` — ``429`` with ``Retry-After: retry_after``; ``rate_limit_rps`` (+ ``rate_limit_burst``)
  is a real token bucket that answers 429 when exceeded;
* ``error_rate`` — one of ``error_statuses`` (default 500, 502, 503);
* ``latency_ms`` + up to ``jitter_ms`` — added before the answer;
* ``malformed_rate`` — a 200 answer whose JSON body is cut in half.

Data knobs: ``limit_cap`` / ``limit_cap_mode`` (``clamp`` or ``reject``), ``ignore_date_filters``,
``status_style`` (``default``/``lower``/``title``/``upper``). Consent variants of other banks:
``revoked_as`` (the 403 code data calls answer for a revoked consent, e.g. ``CONSENT_REQUIRED``),
``approval_hidden_by_request_id`` (an approved account consent still reads as pending when asked for
by its request id), ``request_id_delete_404`` (``DELETE`` of an account consent by its request id
answers 404).

Scope: ``paths`` (glob list, default every bank API path), ``methods``, ``count`` (only the next N
matching requests). ``seed`` makes the sequence of decisions reproducible. Admin (``/__admin``),
internal (``/__internal``) and the customer app (``/app``) are never faulted.
"""

from __future__ import annotations

import fnmatch
import random
import time
from dataclasses import dataclass
from typing import Any

KNOBS: dict[str, type | tuple[type, ...]] = {
    "seed": int,
    "latency_ms": (int, float),
    "jitter_ms": (int, float),
    "error_rate": (int, float),
    "error_statuses": list,
    "rate_429": (int, float),
    "retry_after": int,
    "rate_limit_rps": (int, float),
    "rate_limit_burst": int,
    "hang_rate": (int, float),
    "hang_seconds": (int, float),
    "malformed_rate": (int, float),
    "drop_rate": (int, float),
    "limit_cap": int,
    "limit_cap_mode": str,
    "ignore_date_filters": bool,
    "status_style": str,
    "revoked_as": str,
    "approval_hidden_by_request_id": bool,
    "request_id_delete_404": bool,
    "paths": list,
    "methods": list,
    "count": int,
}
EXEMPT = ("/__admin", "/__internal", "/app/")


@dataclass
class Decision:
    """What the fault layer does to one request."""

    drop: bool = False
    hang: float = 0.0
    status: int = 0
    retry_after: int = 0
    latency: float = 0.0
    malformed: bool = False
    name: str = ""


class Faults:
    """The bank's current fault configuration and its RNG."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.set(config or {})

    def set(self, config: dict[str, Any]) -> dict[str, Any]:
        """Replace the configuration (validated); returns it."""
        validate(config)
        self.config = dict(config)
        self.rng = random.Random(int(config.get("seed", 0)))
        self.remaining = config.get("count")
        self.tokens = float(config.get("rate_limit_burst") or config.get("rate_limit_rps") or 0)
        self.refilled = time.monotonic()
        keys = (
            "drop_rate",
            "hang_rate",
            "rate_429",
            "error_rate",
            "latency_ms",
            "jitter_ms",
            "malformed_rate",
            "rate_limit_rps",
        )
        self.active = any(config.get(k) for k in keys)
        return self.config

    def clear(self) -> None:
        self.set({})

    def _in_scope(self, method: str, path: str) -> bool:
        if path.startswith(EXEMPT):
            return False
        paths = self.config.get("paths")
        if paths and not any(fnmatch.fnmatchcase(path, p) for p in paths):
            return False
        methods = self.config.get("methods")
        return not methods or method in methods

    def decide(self, method: str, path: str) -> Decision | None:
        """The decision for one request, or None when no per-request fault is configured."""
        if not self.active or not self._in_scope(method, path):
            return None
        if self.remaining is not None:
            if self.remaining <= 0:
                return None
            self.remaining -= 1
        c, r = self.config, self.rng
        # Always six draws per request, so a seed replays the same sequence whatever knobs are on.
        draws = [r.random() for _ in range(6)]
        d = Decision()
        if draws[0] < c.get("drop_rate", 0):
            return Decision(drop=True, name="drop")
        if draws[1] < c.get("hang_rate", 0):
            d.hang, d.name = float(c.get("hang_seconds", 30)), "hang"
        elif draws[2] < c.get("rate_429", 0) or self._bucket_empty():
            return Decision(status=429, retry_after=int(c.get("retry_after", 1)), name="429")
        elif draws[3] < c.get("error_rate", 0):
            statuses = c.get("error_statuses") or [500, 502, 503]
            return Decision(status=int(statuses[int(draws[4] * len(statuses)) % len(statuses)]), name="error")
        d.latency = (float(c.get("latency_ms", 0)) + draws[5] * float(c.get("jitter_ms", 0))) / 1000
        d.malformed = draws[4] < c.get("malformed_rate", 0)
        if d.malformed:
            d.name = "malformed"
        return d

    def _bucket_empty(self) -> bool:
        rps = self.config.get("rate_limit_rps")
        if not rps:
            return False
        now = time.monotonic()
        burst = float(self.config.get("rate_limit_burst") or rps)
        self.tokens = min(burst, self.tokens + (now - self.refilled) * float(rps))
        self.refilled = now
        if self.tokens >= 1:
            self.tokens -= 1
            return False
        return True


def validate(config: dict[str, Any]) -> None:
    """Raise ValueError naming the first unknown knob or wrong type."""
    for key, value in config.items():
        if key not in KNOBS:
            raise ValueError(f"unknown fault knob {key!r}; known: {', '.join(sorted(KNOBS))}")
        expected = KNOBS[key]
        if value is not None and (
            not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool)
        ):
            raise ValueError(f"fault knob {key!r} has the wrong type")
    if config.get("limit_cap_mode") not in (None, "clamp", "reject"):
        raise ValueError("limit_cap_mode must be 'clamp' or 'reject'")
    if config.get("status_style") not in (None, "default", "lower", "title", "upper"):
        raise ValueError("status_style must be default, lower, title or upper")
