"""Every fault knob takes effect, is reproducible from its seed, and switches off."""

import json
import time

import httpx
import pytest


@pytest.fixture
def vbank(team):
    t = team("vbank")
    consent = t.consent("team200-1")["consent_id"]
    account = t.accounts("team200-1", consent)[0]["accountId"]
    return t, consent, f"/accounts/{account}/transactions"


def test_latency_errors_429_and_count(vbank, sandbox):
    t, consent, path = vbank
    admin = sandbox.admin("vbank")
    admin.set_faults(latency_ms=120, paths=["/accounts/*"])
    started = time.perf_counter()
    assert t.get(path, consent).status_code == 200
    assert time.perf_counter() - started >= 0.12
    admin.set_faults(error_rate=1.0, error_statuses=[503], count=2)
    assert [t.get(path, consent).status_code for _ in range(3)] == [503, 503, 200]
    admin.set_faults(rate_429=1.0, retry_after=7)
    limited = t.get(path, consent)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "7"
    admin.clear_faults()
    assert t.get(path, consent).status_code == 200


def test_seeded_faults_replay_the_same_sequence(vbank, sandbox):
    t, consent, path = vbank
    runs = []
    for _ in range(2):
        sandbox.admin("vbank").set_faults(error_rate=0.5, seed=42)
        runs.append([t.get(path, consent).status_code for _ in range(12)])
    assert runs[0] == runs[1]
    assert len(set(runs[0])) > 1


def test_hang_malformed_and_dropped_connections(vbank, sandbox):
    t, consent, path = vbank
    admin = sandbox.admin("vbank")
    admin.set_faults(hang_rate=1.0, hang_seconds=30)
    with pytest.raises(httpx.ReadTimeout):
        t.http.get(path, headers=t.headers(**{"X-Consent-Id": consent}), timeout=0.5)
    admin.set_faults(malformed_rate=1.0)
    broken = t.get(path, consent)
    assert broken.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    admin.set_faults(drop_rate=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        t.get(path, consent)
    admin.clear_faults()
    assert t.get(path, consent).json()["data"]["transaction"]


def test_limit_cap_date_filters_and_status_spellings(vbank, sandbox):
    t, consent, path = vbank
    admin = sandbox.admin("vbank")
    assert len(t.get(path, consent, limit=300).json()["data"]["transaction"]) == 300
    admin.set_faults(limit_cap=100)
    capped = t.get(path, consent, limit=300).json()
    assert len(capped["data"]["transaction"]) == 100
    assert capped["meta"]["pageSize"] == 100
    admin.set_faults(limit_cap=100, limit_cap_mode="reject")
    assert t.get(path, consent, limit=300).status_code == 422

    admin.clear_faults()
    window = {
        "from_booking_date_time": "2000-01-01T00:00:00Z",
        "to_booking_date_time": "2000-01-02T00:00:00Z",
    }
    assert t.get(path, consent, **window).json()["meta"]["totalRecords"] == 0
    admin.set_faults(ignore_date_filters=True)
    assert t.get(path, consent, **window).json()["meta"]["totalRecords"] > 0

    for style, word in (("lower", "approved"), ("title", "Authorized"), ("upper", "AUTHORIZED")):
        admin.set_faults(status_style=style)
        assert t.get(f"/account-consents/{consent}").json()["data"]["status"] == word
        assert t.consent("team200-1")["status"] == word
    admin.clear_faults()
    assert t.get(f"/account-consents/{consent}").json()["data"]["status"] == "Authorized"
    assert admin.set_faults().get("status_style") is None


def test_request_log_and_counters(vbank, sandbox):
    t, consent, path = vbank
    admin = sandbox.admin("vbank")
    admin.clear_requests()
    for page in (1, 2, 3):
        t.get(path, consent, page=page, limit=10)
    assert admin.count("GET /accounts/{account_id}/transactions") == 3
    log = admin.requests()
    assert [e["status"] for e in log] == [200, 200, 200]
    assert all(e["method"] == "GET" and e["path"] == path and e["latency_ms"] >= 0 for e in log)
    with pytest.raises(httpx.HTTPStatusError):
        admin.set_faults(no_such_knob=1)
