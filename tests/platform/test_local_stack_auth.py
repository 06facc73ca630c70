"""The local HTTP API enforces the template's JWT authorizer as API Gateway does, and hands the
handlers the verified claims. Requests go through SAM's emulator (Flask test client, no socket);
tokens are minted by the local Cognito user pool."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from devstack import forge
from devstack.apigw import LocalApi
from devstack.inprocess_stack import InProcessStack
from devstack.tokens import SignedInUser, sign_in

UNAUTHORIZED = {"message": "Unauthorized"}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_health_needs_no_token(api_client: Any) -> None:
    response = api_client.get("/api/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"


@pytest.mark.parametrize("path", ["/api/me", "/api/banks"])
def test_protected_routes_without_a_token_are_401(api_client: Any, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 401
    assert response.json == UNAUTHORIZED


@pytest.mark.parametrize("header", ["Bearer", "Bearer ", "Bearer not-a-jwt", "Basic abc"])
def test_malformed_authorization_is_401(api_client: Any, header: str) -> None:
    response = api_client.get("/api/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json == UNAUTHORIZED


def test_expired_token_is_401(api_client: Any, aws_stack: InProcessStack, demo_user: SignedInUser) -> None:
    with forge.cognito_clock(-2 * 3600):  # minted two hours ago, valid for one
        stale = sign_in(aws_stack.clients, aws_stack.resources, demo_user.email, demo_user.password)
    assert forge.claims_of(stale.id_token)["exp"] < forge.claims_of(demo_user.id_token)["iat"]
    response = api_client.get("/api/me", headers=stale.auth_header)
    assert response.status_code == 401
    assert response.json == UNAUTHORIZED


def test_token_for_another_app_client_is_401(
    api_client: Any, aws_stack: InProcessStack, demo_user: SignedInUser
) -> None:
    res = aws_stack.resources
    other = aws_stack.client("cognito-idp").create_user_pool_client(
        UserPoolId=res.user_pool_id, ClientName="another-app", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"]
    )["UserPoolClient"]["ClientId"]
    tokens = aws_stack.client("cognito-idp").initiate_auth(
        ClientId=other,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": demo_user.email, "PASSWORD": demo_user.password},
    )["AuthenticationResult"]
    assert forge.claims_of(tokens["IdToken"])["aud"] == other
    for token in (tokens["IdToken"], tokens["AccessToken"]):
        response = api_client.get("/api/me", headers=_bearer(token))
        assert response.status_code == 401
        assert response.json == UNAUTHORIZED


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param(forge.signed_by_other_key, id="signed-by-another-key"),
        pytest.param(forge.alg_none, id="alg-none"),
        pytest.param(lambda t: forge.hs256_with(t, "dummy"), id="hs256"),
        pytest.param(lambda t: forge.tampered(t, sub="someone-else"), id="tampered-claims"),
        pytest.param(lambda t: forge.tampered(t, iss="https://evil.example"), id="other-issuer"),
    ],
)
def test_forged_tokens_are_401(
    api_client: Any, demo_user: SignedInUser, forged: Callable[[str], str]
) -> None:
    response = api_client.get("/api/me", headers=_bearer(forged(demo_user.id_token)))
    assert response.status_code == 401
    assert response.json == UNAUTHORIZED


def test_algorithm_confusion_with_the_public_key_is_401(
    api_client: Any, local_api: LocalApi, demo_user: SignedInUser
) -> None:
    public_pem = local_api.jwks.key("dummy").public_bytes(
        encoding=serialization.Encoding.PEM, format=serialization.PublicFormat.SubjectPublicKeyInfo
    )
    token = forge.hs256_with(demo_user.id_token, public_pem)
    assert api_client.get("/api/me", headers=_bearer(token)).status_code == 401


def test_me_answers_the_callers_identity(api_client: Any, demo_user: SignedInUser) -> None:
    response = api_client.get("/api/me", headers=demo_user.auth_header)
    assert response.status_code == 200
    assert response.json["user_id"] == demo_user.sub
    assert response.json["email"] == "demo@finpulse.dev"


def test_access_tokens_and_tokens_without_bearer_prefix_are_accepted(
    api_client: Any, demo_user: SignedInUser
) -> None:
    by_access = api_client.get("/api/me", headers=_bearer(demo_user.access_token))
    assert by_access.status_code == 200
    assert by_access.json["user_id"] == demo_user.sub
    raw = api_client.get("/api/me", headers={"Authorization": demo_user.id_token})
    assert raw.status_code == 200


def test_each_user_sees_themselves(api_client: Any, make_user: Callable[[], SignedInUser]) -> None:
    alice, bob = make_user(), make_user()
    assert api_client.get("/api/me", headers=alice.auth_header).json["user_id"] == alice.sub
    assert api_client.get("/api/me", headers=bob.auth_header).json["email"] == bob.email


def test_banks_lists_three_banks_without_urls_or_secrets(api_client: Any, demo_user: SignedInUser) -> None:
    response = api_client.get("/api/banks", headers=demo_user.auth_header)
    assert response.status_code == 200
    banks = response.json["banks"]
    assert [b["bank_id"] for b in banks] == ["vbank", "abank", "sbank"]
    text = response.get_data(as_text=True)
    for leak in ("http://", "https://", "base_url", "client_secret", "team200-secret", "token_mode"):
        assert leak not in text


def test_a_foreign_user_id_is_403_with_the_envelope(api_client: Any, demo_user: SignedInUser) -> None:
    response = api_client.get("/api/banks?user_id=someone-else", headers=demo_user.auth_header)
    assert response.status_code == 403
    error = response.json["error"]
    assert error["status"] == 403
    assert error["code"] == "FORBIDDEN"
    assert error["details"][0]["field"] == "user_id"
    own = api_client.get(f"/api/banks?user_id={demo_user.sub}", headers=demo_user.auth_header)
    assert own.status_code == 200


def test_unknown_api_route_is_http_apis_404(api_client: Any, demo_user: SignedInUser) -> None:
    # No route matches: API Gateway itself answers, before any function or authorizer.
    response = api_client.get("/api/no-such-route", headers=demo_user.auth_header)
    assert response.status_code == 404
    assert response.json == {"message": "Not Found"}


def test_a_handler_answers_unknown_paths_with_the_envelope(aws_stack: InProcessStack) -> None:
    event = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": "/api/me/nothing",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {
            "http": {"method": "GET", "path": "/api/me/nothing"},
            "requestId": "r2",
            "stage": "$default",
        },
        "isBase64Encoded": False,
    }
    result = aws_stack.invoke("MeFunction", event).json()
    assert result["statusCode"] == 404
    assert json.loads(result["body"])["error"]["code"] == "NOT_FOUND"


def test_cors_preflight_needs_no_token_and_401_carries_cors(api_client: Any) -> None:
    origin = {"Origin": "http://127.0.0.1:5173"}
    preflight = api_client.options("/api/me", headers={**origin, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    denied = api_client.get("/api/me", headers=origin)
    assert denied.status_code == 401
    assert denied.headers["Access-Control-Allow-Origin"] == "*"


def test_the_jwks_is_fetched_once_and_cached(
    api_client: Any, local_api: LocalApi, demo_user: SignedInUser
) -> None:
    for _ in range(3):
        api_client.get("/api/me", headers=demo_user.auth_header)
    assert local_api.jwks.fetch_count == 1


def test_config_json_names_the_local_user_pool(api_client: Any, aws_stack: InProcessStack) -> None:
    config = api_client.get("/config.json").json
    assert config["apiBase"] == "/api"
    assert config["userPoolId"] == aws_stack.resources.user_pool_id
    assert config["userPoolClientId"] == aws_stack.resources.user_pool_client_id
    assert config["region"] == aws_stack.resources.region
