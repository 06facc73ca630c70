from __future__ import annotations

import json
from typing import Any

from tests.sync.support import connect, refresh


def test_dashboard_smoke(live: Any, api_client: Any, make_user: Any, sandbox: Any) -> None:
    user = make_user()
    connect(api_client, user, sandbox, customer="team200-1")
    done = refresh(api_client, user)
    assert done["state"] == "succeeded", done
    r = api_client.get("/api/dashboard", headers=user.auth_header)
    body = r.get_json()
    assert r.status_code == 200, body
    print(json.dumps(body, ensure_ascii=False, indent=1)[:6000])
    r2 = api_client.get("/api/dashboard", headers=user.auth_header)
    assert r2.get_json()["from_cache"] is True
    for path in ["/api/loans", "/api/deposits", "/api/cards", "/api/safe-to-spend", "/api/timeline",
                 "/api/refinance/optimize-loans", "/api/recommendations", "/api/spending",
                 "/api/me/financial-inputs"]:
        r = api_client.get(path, headers=user.auth_header)
        assert r.status_code == 200, (path, r.get_json())
