"""The real path a dashboard test walks: identity and consents at the sandbox banks, a full refresh
(Step Functions, per-bank sync), then `GET /api/dashboard` with the clock pinned.

The clock is the app's one clock (`finpulse.clock`). A pinned clock runs on from its moment (a frozen
one would stop the consents' poll interval from ever passing). The bank side — consents, the sync
and its lock lease — runs on the real clock even while one is pinned: a lease taken "in the past"
would meet DynamoDB's TTL, which deletes on real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest

from finpulse import clock
from tests.sync.support import connect, refresh
from tests.timeshift import running_from

_REAL_NOW = clock.now

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
"""09:00 UTC = 12:00 in Moscow on the sandbox's reference date."""


def pin_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime = NOW) -> None:
    monkeypatch.setattr(clock, "now", running_from(moment))


@contextmanager
def real_clock() -> Iterator[None]:
    pinned = clock.now
    clock.now = _REAL_NOW  # type: ignore[assignment]
    try:
        yield
    finally:
        clock.now = pinned  # type: ignore[assignment]


def synced_dashboard(
    customer_id: str, api_client: Any, user: Any, sandbox: Any, inputs: dict[str, Any] | None = None
) -> dict[str, Any]:
    with real_clock():
        connect(api_client, user, sandbox, customer=customer_id)
        done = refresh(api_client, user)
    assert done["state"] == "succeeded", done
    if inputs is not None:  # on the pinned day: a goal date must lie after it
        r = api_client.put("/api/me/financial-inputs", json=inputs, headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
    return dashboard(api_client, user)


def dashboard(api_client: Any, user: Any, *, force: bool = False) -> dict[str, Any]:
    path = "/api/dashboard?force_refresh=true" if force else "/api/dashboard"
    r = api_client.get(path, headers=user.auth_header)
    assert r.status_code == 200, r.get_json()
    body: dict[str, Any] = r.get_json()["dashboard"]
    return body
