"""Every consent endpoint answers bad input with the error envelope and the right status, never 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consents.support import Api, assert_envelope

DEBTOR = "40817810000000000001"


@pytest.mark.parametrize(
    ("method", "path", "body", "query"),
    [
        ("POST", "/api/consents/init", {"banks": ["nobank"]}, None),
        ("POST", "/api/consents/init", {"banks": ["vbank", {"bank_id": "nobank"}]}, None),
        ("POST", "/api/consents/refresh", {"banks": ["nobank"]}, None),
        ("GET", "/api/consent/status", None, {"request_id": "req-1", "bank_id": "nobank"}),
        ("GET", "/api/consent/status", None, {"request_id": "req-does-not-exist"}),
        ("DELETE", "/api/consents/consent-does-not-exist", None, None),
        ("PUT", "/api/me/banks/nobank", {"customer_id": "team200-1"}, None),
    ],
)
def test_unknown_bank_or_consent_is_404(api: Api, method: str, path: str, body: Any, query: Any) -> None:
    assert_envelope(*api.call(method, path, body, query), 404)


def _without_request_id(body: Any) -> Any:
    return {**body["error"], "request_id": None}


def test_another_users_objects_are_404_exactly_as_unknown_ones(api: Api, other_api: Api) -> None:
    """Every route with an id: a different answer for someone else's id would tell an attacker
    which ids exist."""
    other_api.identify(vbank="team200-9", sbank="team200-9")
    theirs = other_api.init(banks=["vbank", "sbank"])
    approved = theirs["vbank", "accounts"]["consent"]
    pending = theirs["sbank", "accounts"]["consent"]
    their_sync = other_api.client.post("/api/sync/full-refresh", headers=other_api.user.auth_header)
    assert their_sync.status_code == 202, their_sync.json
    sync_id = their_sync.json["sync_id"]
    unknown_consent = _without_request_id(
        api.call("GET", "/api/consent/status", query={"request_id": "c-nope"})[1]
    )
    unknown_delete = _without_request_id(api.call("DELETE", "/api/consents/c-nope")[1])
    unknown_sync_id = sync_id[:-4] + ("0000" if not sync_id.endswith("0000") else "1111")
    unknown_sync = _without_request_id(api.call("GET", f"/api/sync/{unknown_sync_id}")[1])
    for any_id in (approved["id"], approved["consent_id"], approved["request_id"], pending["request_id"]):
        status, body = api.call("GET", "/api/consent/status", query={"request_id": any_id})
        assert_envelope(status, body, 404)
        assert _without_request_id(body) == unknown_consent
        status, body = api.call("DELETE", f"/api/consents/{any_id}")
        assert_envelope(status, body, 404)
        assert _without_request_id(body) == unknown_delete
    status, body = api.call("GET", f"/api/sync/{sync_id}")
    assert_envelope(status, body, 404)
    assert _without_request_id(body) == unknown_sync
    # ... and nothing happened to them.
    assert other_api.status()["vbank"]["accounts"]["current"]["status"] == "approved"


def test_a_user_id_other_than_the_caller_is_403(api: Api, other_api: Api) -> None:
    foreign = other_api.user.sub
    assert_envelope(*api.call("POST", "/api/consents/init", {"banks": ["vbank"], "user_id": foreign}), 403)
    assert_envelope(*api.call("GET", "/api/consents/status", query={"user_id": foreign}), 403)
    assert_envelope(*api.call("POST", "/api/consents/refresh", {"user_id": foreign}), 403)
    mine = api.call("GET", "/api/consents/status", query={"user_id": api.user.sub})
    assert mine[0] == 200


@pytest.mark.parametrize(
    ("limits", "field"),
    [
        ({"debtor_account": DEBTOR}, "body.payment_limits"),
        ({"debtor_account": DEBTOR, "amount": "-1"}, "body.payment_limits.amount"),
        ({"debtor_account": DEBTOR, "amount": "0.001"}, "body.payment_limits.amount"),
        ({"debtor_account": DEBTOR, "consent_type": "multi_use", "max_uses": 2}, "body.payment_limits"),
        (
            {
                "debtor_account": DEBTOR,
                "consent_type": "vrp",
                "vrp_max_individual_amount": 100,
                "vrp_daily_limit": 50,
                "vrp_monthly_limit": 1000,
            },
            "body.payment_limits",
        ),
        ({"debtor_account": DEBTOR, "amount": 10, "valid_until": "2000-01-01T00:00:00Z"}, "valid_until"),
        ({"amount": 10}, "debtor_account"),
        ({"debtor_account": DEBTOR, "amount": 10, "no_limit": True}, "no_limit"),
    ],
)
def test_invalid_payment_limits_are_422_naming_the_field(
    api: Api, limits: dict[str, Any], field: str
) -> None:
    body = {"banks": ["vbank"], "include_payments": True, "payment_limits": limits}
    status, answer = api.call("POST", "/api/consents/init", body)
    assert_envelope(status, answer, 422)
    assert any(field in (d["field"] or "") for d in answer["error"]["details"]), answer


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"banks": []},
        {"banks": "vbank"},
        {"banks": ["vbank", "vbank"]},
        {"banks": ["vbank"], "include_payments": True},
        {"banks": ["vbank"], "include_accounts": False},
        {"banks": ["vbank"], "include_products": True, "products": {"open": True}},
        {"banks": ["vbank"], "include_products": True, "products": {"product_types": ["yacht"]}},
    ],
)
def test_invalid_init_bodies_are_422(api: Api, body: dict[str, Any]) -> None:
    assert_envelope(*api.call("POST", "/api/consents/init", body), 422)


def test_malformed_json_is_400_and_a_missing_query_422(api: Api) -> None:
    response = api.client.post(
        "/api/consents/init",
        data="{not json",
        headers={**api.user.auth_header, "content-type": "application/json"},
    )
    assert_envelope(response.status_code, response.json, 400)
    assert response.json["error"]["code"] == "MALFORMED_BODY"
    assert_envelope(*api.call("GET", "/api/consent/status"), 422)
    assert_envelope(*api.call("POST", "/api/consents/refresh", {"banks": "vbank"}), 422)


def test_init_without_an_identity_fails_per_bank_not_the_request(api: Api) -> None:
    api.identify(vbank="team200-1")
    results = api.init(banks=["vbank", "abank"])
    assert results["vbank", "accounts"]["outcome"] in ("created", "reused")
    assert results["abank", "accounts"]["outcome"] == "failed"
    assert results["abank", "accounts"]["error"]["code"] == "IDENTITY_REQUIRED"


def test_a_customer_unknown_at_the_bank_fails_that_bank_only(api: Api) -> None:
    api.identify(vbank="team200-404", abank="team200-1")
    results = api.init(banks=["vbank", "abank"])
    assert results["vbank", "accounts"]["error"]["code"] == "BANK_NOT_FOUND"
    assert results["abank", "accounts"]["outcome"] in ("created", "reused")


def test_without_a_token_every_consent_route_is_401(api_client: Any) -> None:
    for method, path in [
        ("POST", "/api/consents/init"),
        ("GET", "/api/consents/status"),
        ("POST", "/api/consents/refresh"),
        ("GET", "/api/consent/status"),
        ("DELETE", "/api/consents/x"),
        ("PUT", "/api/me/banks/vbank"),
        ("GET", "/api/me/banks"),
    ]:
        assert api_client.open(path, method=method).status_code == 401
