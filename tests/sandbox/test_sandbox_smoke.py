"""The fixture starts three banks that answer over real HTTP."""

import httpx


def test_banks_answer_health(sandbox):
    for bank in sandbox:
        resp = httpx.get(f"{bank.url}/health")
        assert resp.status_code == 200
        assert resp.json() == {"status": "healthy", "bank": bank.id}
    assert set(sandbox.urls) == {"vbank", "abank", "sbank"}
