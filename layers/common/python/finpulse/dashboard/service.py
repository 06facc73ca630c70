"""The dashboard for a user: from the cache when it is still valid, else computed and cached.

Order matters for correctness: the data version is read *before* the data. A sync that lands in
between makes the stored item carry the older version number with (partly) newer data, which the
next read simply recomputes; the reverse — an item labelled newer than its data — cannot happen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from finpulse import clock
from finpulse.banks.registry import all_banks
from finpulse.data import dashboard_cache as cache
from finpulse.data.dashboard_cache import CachedDashboard
from finpulse.data.freshness import BankFreshness
from finpulse.gcpause import collector_paused
from finpulse.observability import business_metric, logger


@dataclass(frozen=True)
class DashboardResult:
    cached: CachedDashboard
    from_cache: bool
    freshness: list[BankFreshness] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.cached.version

    @property
    def today(self) -> date:
        return self.cached.today

    @cached_property
    def data(self) -> dict[str, Any]:
        """The dashboard as plain JSON values (sections are cut from it without re-validation)."""
        parsed: dict[str, Any] = json.loads(self.cached.body)
        return parsed


def bank_ids() -> list[str]:
    return [b.bank_id for b in all_banks()]


def _compute(user_id: str, snapshot: cache.Snapshot, today: date) -> CachedDashboard:
    # Deferred: a cache hit needs neither the engine nor the loaders (cold-start import cost).
    from finpulse.analytics.engine import compute_dashboard
    from finpulse.dashboard import loader

    with collector_paused():  # a year of transactions decoded, then every figure computed
        data = loader.engine_input(user_id, snapshot.inputs, today)
        dashboard = compute_dashboard(data)
    return CachedDashboard(
        version=snapshot.version,
        today=today,
        timezone=snapshot.inputs.timezone,
        computed_at=clock.iso(clock.now()),
        body=dashboard.model_dump_json(),
    )


def get(user_id: str, *, force_refresh: bool = False) -> DashboardResult:
    snapshot = cache.read(user_id, bank_ids())
    timezone = snapshot.inputs.timezone
    today = clock.local_today(timezone)
    hit = snapshot.cached
    if hit is not None and not force_refresh and hit.valid_for(snapshot.version, today, timezone):
        business_metric("DashboardCacheHit")
        return DashboardResult(cached=hit, from_cache=True, freshness=snapshot.freshness)
    business_metric("DashboardRecomputed" if force_refresh else "DashboardCacheMiss")
    fresh = _compute(user_id, snapshot, today)
    stored = cache.write(user_id, fresh)
    logger.info(
        "dashboard computed",
        extra={"data_version": fresh.version, "stored": stored, "forced": force_refresh},
    )
    return DashboardResult(cached=fresh, from_cache=False, freshness=snapshot.freshness)


def recompute(user_id: str) -> DashboardResult:
    """Compute and cache now (the full refresh's `include_dashboard`), whatever is cached."""
    return get(user_id, force_refresh=True)
