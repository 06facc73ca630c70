"""`GET/PUT /api/onboarding`: progress stored with the user, validated, kept per user."""

from __future__ import annotations

from typing import Any


def test_progress_starts_at_banks_and_resumes_where_it_was_saved(api_client: Any, make_user: Any) -> None:
    user = make_user()
    fresh = api_client.get("/api/onboarding", headers=user.auth_header)
    assert fresh.status_code == 200
    assert fresh.get_json() | {} == {
        "step": "banks",
        "banks": [],
        "sync_id": None,
        "stored": False,
        "started_at": None,
        "updated_at": None,
        "completed_at": None,
    }

    chosen = {"step": "consents", "banks": [{"bank_id": "vbank", "products": True}, {"bank_id": "sbank"}]}
    saved = api_client.put("/api/onboarding", json=chosen, headers=user.auth_header)
    assert saved.status_code == 200, saved.get_json()
    body = saved.get_json()
    assert body["stored"] is True
    assert body["completed_at"] is None
    assert body["banks"] == [
        {"bank_id": "vbank", "products": True, "payments": False},
        {"bank_id": "sbank", "products": False, "payments": False},
    ]

    again = api_client.get("/api/onboarding", headers=user.auth_header).get_json()
    assert again == body  # another device or a reload sees the same place

    done = api_client.put(
        "/api/onboarding",
        json={"step": "done", "banks": chosen["banks"], "sync_id": "20251126T064600123Z-1a2b3c4d"},
        headers=user.auth_header,
    ).get_json()
    assert done["completed_at"] is not None
    assert done["started_at"] == body["started_at"]
    assert done["sync_id"] == "20251126T064600123Z-1a2b3c4d"

    other = make_user()
    assert api_client.get("/api/onboarding", headers=other.auth_header).get_json()["stored"] is False


def test_bad_progress_is_refused_with_the_field_named(api_client: Any, make_user: Any) -> None:
    user = make_user()
    cases = [
        ({"step": "later"}, "body.step"),
        ({"step": "banks", "banks": [{"bank_id": "nobank"}]}, "body.banks.0.bank_id"),
        ({"step": "banks", "banks": [{"bank_id": "vbank"}, {"bank_id": "vbank"}]}, "body.banks"),
        ({"step": "banks", "extra": 1}, "body.extra"),
        ({"step": "sync", "sync_id": "../../x"}, "body.sync_id"),
    ]
    for body, field in cases:
        answer = api_client.put("/api/onboarding", json=body, headers=user.auth_header)
        assert answer.status_code == 422, body
        fields = [d["field"] for d in answer.get_json()["error"]["details"]]
        assert any(f.startswith(field) for f in fields), (body, fields)
    assert api_client.get("/api/onboarding", headers=user.auth_header).get_json()["stored"] is False


def test_onboarding_needs_a_signed_in_user(api_client: Any) -> None:
    assert api_client.get("/api/onboarding").status_code == 401
    assert api_client.put("/api/onboarding", json={"step": "banks"}).status_code == 401
