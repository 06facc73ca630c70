"""The real path a dashboard test walks: identity and consents at the sandbox banks, a full refresh
(Step Functions, per-bank sync), then `GET /api/dashboard` with the clock pinned."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from finpulse.dashboard import clock
from tests.sync.support import connect, refresh

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
"""09:00 UTC = 12:00 in Moscow on the sandbox's reference date."""


def pin_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime = NOW) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def synced_dashboard(
    customer_id: str, api_client: Any, user: Any, sandbox: Any, inputs: dict[str, Any] | None = None
) -> dict[str, Any]:
    connect(api_client, user, sandbox, customer=customer_id)
    if inputs is not None:
        r = api_client.put("/api/me/financial-inputs", json=inputs, headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
    done = refresh(api_client, user)
    assert done["state"] == "succeeded", done
    return dashboard(api_client, user)


def dashboard(api_client: Any, user: Any, *, force: bool = False) -> dict[str, Any]:
    path = "/api/dashboard?force_refresh=true" if force else "/api/dashboard"
    r = api_client.get(path, headers=user.auth_header)
    assert r.status_code == 200, r.get_json()
    body: dict[str, Any] = r.get_json()["dashboard"]
    return body
