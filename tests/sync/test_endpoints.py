"""The data and sync endpoints: answers, filters, cursor pages, freshness, and bad input (4xx)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.sync.support import connect, refresh, wait_lock_free

_synced: dict[str, Any] = {}


@pytest.fixture
def synced(live: Any, api_client: Any, make_user: Any, sandbox: Any) -> Any:
    """One user with three banks synced, shared by the read-only tests of this module."""
    if "user" not in _synced:
        user = make_user()
        connect(api_client, user, sandbox, customer="team200-10")
        _synced["sync"] = refresh(api_client, user)
        wait_lock_free(live, user.sub)
        _synced["user"] = user
    return _synced["user"]


def _get(api_client: Any, user: Any, path: str) -> Any:
    return api_client.get(path, headers=user.auth_header)


def test_accounts_have_both_balance_types_masked_numbers_and_freshness(api_client: Any, synced: Any) -> None:
    r = _get(api_client, synced, "/api/accounts")
    assert r.status_code == 200
    body = r.get_json()
    assert {a["bank_id"] for a in body["accounts"]} == {"vbank", "abank", "sbank"}
    for account in body["accounts"]:
        assert account["available"]
        assert account["booked"]
        assert account["masked_number"].startswith("****")
        assert not account["stale"]
    assert {f["bank_id"]: f["status"] for f in body["freshness"]} == {
        b: "fresh" for b in ("vbank", "abank", "sbank")
    }
    assert '"number"' not in r.get_data(as_text=True)
    only = _get(api_client, synced, "/api/accounts?bank_id=abank").get_json()
    assert {a["bank_id"] for a in only["accounts"]} == {"abank"}


def test_transactions_page_with_a_cursor_newest_first_without_gaps(api_client: Any, synced: Any) -> None:
    first = _get(api_client, synced, "/api/transactions?limit=7").get_json()
    second = _get(api_client, synced, f"/api/transactions?limit=7&cursor={first['next_cursor']}").get_json()
    everything = _get(api_client, synced, "/api/transactions?limit=14").get_json()
    ids = [t["transaction_id"] for t in first["transactions"] + second["transactions"]]
    assert ids == [t["transaction_id"] for t in everything["transactions"]]
    times = [t["booked_at"] for t in everything["transactions"]]
    assert times == sorted(times, reverse=True)
    assert {f["bank_id"] for f in first["freshness"]} == {"vbank", "abank", "sbank"}


def test_transaction_filters(api_client: Any, synced: Any) -> None:
    def fetch(query: str) -> list[dict[str, Any]]:
        r = _get(api_client, synced, f"/api/transactions?limit=200&{query}")
        assert r.status_code == 200, r.get_json()
        return list(r.get_json()["transactions"])

    everything = fetch("")
    assert everything
    sample = next(t for t in everything if t["merchant_name"] and t["mcc"])
    assert {t["bank_id"] for t in fetch("bank_id=sbank")} == {"sbank"}
    assert {
        t["account_id"] for t in fetch(f"bank_id={sample['bank_id']}&account_id={sample['account_id']}")
    } == {sample["account_id"]}
    assert all(float(t["amount"]) > 0 for t in fetch("direction=in"))
    assert all(float(t["amount"]) <= 0 for t in fetch("direction=out"))
    word = sample["merchant_name"].split()[0].lower()
    assert all(
        word in (t["description"] + " " + (t["merchant_name"] or "")).lower() for t in fetch(f"q={word}")
    )
    assert all(t["mcc"] == sample["mcc"] for t in fetch(f"mcc={sample['mcc']}"))
    same_category = fetch(f"category={sample['category']}")
    assert all(t["category"] == sample["category"] for t in same_category)
    # Each row names its category in Russian; the answer lists every category the filter takes.
    labels = {
        c["code"]: c["label"]
        for c in _get(api_client, synced, "/api/transactions?limit=1").get_json()["categories"]
    }
    assert labels["groceries"] == "Продукты"
    assert "loan_payments" not in labels
    assert all(t["category_label"] == labels[t["category"]] for t in everything)
    day = date.fromisoformat(sample["booked_at"][:10])
    window = fetch(f"from={day}&to={day}")
    assert window
    assert all(t["booked_at"][:10] == str(day) for t in window)
    assert sample["transaction_id"] in {t["transaction_id"] for t in window}
    assert fetch(f"from={day + timedelta(days=3650)}") == []


def test_agreements_carry_rates_from_the_detail_calls(api_client: Any, synced: Any) -> None:
    body = _get(api_client, synced, "/api/agreements").get_json()
    assert body["agreements"]
    assert any(a["interest_rate"] is not None for a in body["agreements"])
    assert all(
        a["masked_account_number"] in (None,) or a["masked_account_number"].startswith("****")
        for a in body["agreements"]
    )


def test_sync_status_and_one_sync(api_client: Any, synced: Any, make_user: Any) -> None:
    latest = _get(api_client, synced, "/api/sync/status").get_json()["sync"]
    assert latest["sync_id"] == _synced["sync"]["sync_id"]
    assert latest["state"] == "succeeded"
    assert latest["duration_ms"] >= 0
    assert set(latest["banks"]) == {"vbank", "abank", "sbank"}
    stranger = make_user()
    assert _get(api_client, stranger, f"/api/sync/{latest['sync_id']}").status_code == 404
    assert _get(api_client, stranger, "/api/sync/status").get_json() == {"sync": None}


def test_bootstrap_syncs_one_bank_and_answers_stale_data_when_the_bank_fails(
    api_client: Any, synced: Any, sandbox: Any
) -> None:
    ok = _get(api_client, synced, "/api/banks/sbank/bootstrap")
    assert ok.status_code == 200, ok.get_json()
    body = ok.get_json()
    assert body["sync"]["outcome"] == "ok"
    assert body["freshness"]["status"] == "fresh"
    assert body["accounts"]
    assert 0 < len(body["transactions"]) <= 50
    assert body["sync"]["types"]["transactions"] == "ok"

    sandbox.admin("sbank").set_faults(error_rate=1.0, error_statuses=[502])
    failed = _get(api_client, synced, "/api/banks/sbank/bootstrap").get_json()
    assert failed["sync"]["outcome"] == "failed"
    assert failed["freshness"]["stale"]
    assert failed["freshness"]["error"]["code"] == "BANK_UNAVAILABLE"
    assert failed["accounts"] == body["accounts"] or {a["account_id"] for a in failed["accounts"]} == {
        a["account_id"] for a in body["accounts"]
    }
    assert all(a["stale"] for a in failed["accounts"])
    assert len(failed["transactions"]) == len(body["transactions"])
    sandbox.admin("sbank").clear_faults()
    assert _get(api_client, synced, "/api/banks/sbank/bootstrap").get_json()["freshness"]["stale"] is False


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/transactions?limit=0", 422),
        ("/api/transactions?limit=201", 422),
        ("/api/transactions?direction=sideways", 422),
        ("/api/transactions?from=2025-13-01", 422),
        ("/api/transactions?from=2025-02-01&to=2025-01-01", 422),
        ("/api/transactions?cursor=not-a-cursor", 422),
        ("/api/transactions?mcc=12", 422),
        ("/api/transactions?bank_id=Nope!", 422),
        ("/api/transactions?bank_id=nobank", 404),
        ("/api/accounts?bank_id=nobank", 404),
        ("/api/agreements?bank_id=BAD", 422),
        ("/api/sync/not-a-sync-id", 422),
        ("/api/sync/20250101T000000000Z-deadbeef", 404),
        ("/api/banks/nobank/bootstrap", 404),
        ("/api/banks/Bad_Bank/bootstrap", 422),
        ("/api/accounts?user_id=someone-else", 403),
    ],
)
def test_bad_input_gets_the_error_envelope(
    live: Any, api_client: Any, make_user: Any, path: str, status: int
) -> None:
    user = make_user()
    r = api_client.get(path, headers=user.auth_header)
    assert r.status_code == status, r.get_json()
    error = r.get_json()["error"]
    assert error["status"] == status
    assert error["code"]
    assert error["message"]


def test_full_refresh_rejects_bad_flags_and_needs_a_token(live: Any, api_client: Any, make_user: Any) -> None:
    user = make_user()
    r = api_client.post("/api/sync/full-refresh?force=maybe", headers=user.auth_header)
    assert r.status_code == 422
    assert r.get_json()["error"]["code"] == "VALIDATION_ERROR"
    assert api_client.post("/api/sync/full-refresh").status_code == 401
    assert api_client.get("/api/transactions").status_code == 401
