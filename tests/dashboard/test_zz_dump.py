from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

import pytest

from finpulse.dashboard import clock
from tests.sync.support import connect, refresh


@pytest.mark.parametrize("n", [int(x) for x in os.environ.get("DUMP", "1").split(",")])
def test_dump(n: int, live: Any, api_client: Any, make_user: Any, sandbox: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    user = make_user()
    connect(api_client, user, sandbox, customer=f"team200-{n}")
    done = refresh(api_client, user)
    assert done["state"] == "succeeded", done
    r = api_client.get("/api/dashboard", headers=user.auth_header)
    os.makedirs("/tmp/dash", exist_ok=True)
    with open(f"/tmp/dash/{n}.json", "w") as f:
        json.dump(r.get_json(), f, ensure_ascii=False, indent=1)
    for b in ("vbank", "abank", "sbank"):
        cust = {c["customer_id"]: c for c in sandbox.admin(b).customers()}[f"team200-{n}"]
        with open(f"/tmp/dash/{n}-{b}-admin.json", "w") as f:
            json.dump(cust, f, ensure_ascii=False, indent=1)
