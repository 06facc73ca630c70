"""The JWT authorizer in isolation: keys, claims, scopes (the HTTP-level cases are in
tests/platform/test_local_stack_auth.py, with tokens from the local user pool)."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from devstack.authorizer import (
    Forbidden,
    JwksCache,
    JwtAuthorizer,
    JwtAuthorizerConfig,
    Unauthorized,
)

ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_pool"
CLIENT = "client-1"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwks(*kids: str) -> dict[str, Any]:
    keys = []
    for kid in kids:
        jwk = json.loads(RSAAlgorithm.to_jwk(KEY.public_key()))
        keys.append({**jwk, "kid": kid, "alg": "RS256", "use": "sig"})
    return {"keys": keys}


class _Fetch:
    def __init__(self, *documents: dict[str, Any]) -> None:
        self.documents = list(documents)
        self.calls = 0

    def __call__(self, url: str) -> dict[str, Any]:
        self.calls += 1
        return self.documents[min(self.calls, len(self.documents)) - 1]


def _token(kid: str = "k1", **claims: Any) -> str:
    now = int(time.time())
    body = {
        "iss": ISSUER,
        "sub": "u1",
        "aud": CLIENT,
        "token_use": "id",
        "iat": now,
        "exp": now + 600,
        **claims,
    }
    return jwt.encode(body, KEY, algorithm="RS256", headers={"kid": kid})


def _authorizer(fetch: _Fetch, clock: Any = time.monotonic) -> JwtAuthorizer:
    config = JwtAuthorizerConfig(name="CognitoJwt", issuer=ISSUER, audiences=(CLIENT,))
    return JwtAuthorizer(config, JwksCache("https://example/jwks.json", fetch=fetch, clock=clock))


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_claims_are_placed_as_api_gateway_renders_them() -> None:
    token = _token(email_verified=True, **{"cognito:groups": ["admins", "users"]})
    context = _authorizer(_Fetch(_jwks("k1"))).authorize(_auth(token))
    claims = context["jwt"]["claims"]
    assert claims["sub"] == "u1"
    assert claims["email_verified"] == "true"
    assert claims["cognito:groups"] == "[admins users]"
    assert isinstance(claims["exp"], str)
    assert context["jwt"]["scopes"] is None


def test_access_tokens_match_on_client_id_and_carry_scopes() -> None:
    token = _token(token_use="access", aud=None, client_id=CLIENT, scope="openid profile")
    context = _authorizer(_Fetch(_jwks("k1"))).authorize(_auth(token), scopes=("profile",))
    assert context["jwt"]["scopes"] == ["openid", "profile"]
    with pytest.raises(Forbidden):
        _authorizer(_Fetch(_jwks("k1"))).authorize(_auth(token), scopes=("admin",))


@pytest.mark.parametrize(
    "claims",
    [
        {"token_use": "refresh"},
        {"token_use": None},
        {"aud": "another-client"},
        {"token_use": "access", "aud": CLIENT},  # an access token must name the client in client_id
        {"iss": ISSUER + "-other"},
        {"exp": int(time.time()) - 5},
        {"nbf": int(time.time()) + 600},
    ],
)
def test_claims_that_fail(claims: dict[str, Any]) -> None:
    with pytest.raises(Unauthorized):
        _authorizer(_Fetch(_jwks("k1"))).authorize(_auth(_token(**claims)))


def test_unknown_kid_refetches_once_then_is_rate_limited() -> None:
    now = [1000.0]
    fetch = _Fetch(_jwks("k1"), _jwks("k1", "k2"))
    authorizer = _authorizer(fetch, clock=lambda: now[0])
    authorizer.authorize(_auth(_token("k1")))
    assert fetch.calls == 1
    with pytest.raises(Unauthorized):  # k2 unknown; within the refetch interval: no new fetch
        authorizer.authorize(_auth(_token("k2")))
    assert fetch.calls == 1
    now[0] += 60
    authorizer.authorize(_auth(_token("k2")))  # rotated key appears after one refetch
    assert fetch.calls == 2
    for _ in range(3):
        authorizer.authorize(_auth(_token("k1")))
    assert fetch.calls == 2


def test_the_algorithm_comes_from_configuration_not_the_token() -> None:
    token = jwt.encode(
        {"iss": ISSUER, "aud": CLIENT, "token_use": "id"}, "secret-key-long-enough-for-hs256!", "HS256"
    )
    with pytest.raises(Unauthorized, match="not allowed"):
        _authorizer(_Fetch(_jwks("k1"))).authorize(_auth(token))
