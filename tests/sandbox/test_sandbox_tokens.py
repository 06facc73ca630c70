"""Team tokens: RS256 verifiable from the JWKS (iss, aud), HS256 mode, rotation with grace, expiry."""

import time

import httpx
import jwt
import pytest


def _token(url, secret="team200-secret"):  # noqa: S107 - the documented sandbox secret
    return httpx.post(f"{url}/auth/bank-token", params={"client_id": "team200", "client_secret": secret})


def _accounts(url, token):
    return httpx.get(
        f"{url}/accounts",
        params={"client_id": "team200-1"},
        headers={"Authorization": f"Bearer {token}", "X-Requesting-Bank": "team200"},
    )


def test_rs256_token_verifies_against_the_jwks(sandbox):
    url = sandbox.url("vbank")
    answer = _token(url).json()
    assert answer["token_type"] == "bearer"
    assert answer["expires_in"] == 86400
    header = jwt.get_unverified_header(answer["access_token"])
    assert header["alg"] == "RS256"
    keys = jwt.PyJWKSet.from_dict(httpx.get(f"{url}/.well-known/jwks.json").json())
    key = next(k for k in keys.keys if k.key_id == header["kid"])
    claims = jwt.decode(answer["access_token"], key.key, algorithms=["RS256"], audience="vbank", issuer=url)
    assert claims["sub"] == "team200"
    assert _token(url, "wrong").status_code == 401
    assert httpx.post(f"{url}/auth/bank-token").status_code == 422


def test_hs256_mode_signs_with_a_secret_only_the_bank_knows(sandbox):
    url, admin = sandbox.url("abank"), sandbox.admin("abank")
    admin.set_settings(token_mode="hs256")
    token = _token(url).json()["access_token"]
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    kid = jwt.get_unverified_header(token)["kid"]
    assert kid not in {k["kid"] for k in httpx.get(f"{url}/.well-known/jwks.json").json()["keys"]}
    assert _accounts(url, token).status_code == 403  # accepted as a token; only the consent is missing


def test_bad_tokens_get_401(sandbox):
    url = sandbox.url("vbank")
    unsigned = jwt.encode(
        {"sub": "team200", "aud": "vbank", "iss": url, "exp": time.time() + 60}, None, algorithm="none"
    )
    for token in (unsigned, "not-a-jwt", _token(url).json()["access_token"][:-4] + "AAAA"):
        assert _accounts(url, token).status_code == 401
    assert httpx.get(f"{url}/accounts", params={"client_id": "team200-1"}).status_code == 401


def test_rotation_keeps_the_old_key_for_the_grace_period(sandbox):
    url, admin = sandbox.url("vbank"), sandbox.admin("vbank")
    old = _token(url).json()["access_token"]
    old_kid = jwt.get_unverified_header(old)["kid"]
    rotated = admin.rotate_keys(grace_seconds=60)
    assert old_kid in rotated["valid_kids"]
    assert rotated["active_kid"] != old_kid
    assert _accounts(url, old).status_code == 403  # still a valid token
    kids = {k["kid"] for k in httpx.get(f"{url}/.well-known/jwks.json").json()["keys"]}
    assert {old_kid, rotated["active_kid"]} <= kids
    new = _token(url).json()["access_token"]
    admin.rotate_keys(grace_seconds=0)  # the key of `new` is dropped at once; the first one keeps its 60 s
    assert _accounts(url, new).status_code == 401
    assert _accounts(url, old).status_code == 403
    kids = {k["kid"] for k in httpx.get(f"{url}/.well-known/jwks.json").json()["keys"]}
    assert jwt.get_unverified_header(new)["kid"] not in kids
    assert old_kid in kids


def test_expire_all_tokens_and_short_lifetime(sandbox):
    url, admin = sandbox.url("sbank"), sandbox.admin("sbank")
    token = _token(url).json()["access_token"]
    admin.expire_tokens()
    resp = _accounts(url, token)
    assert resp.status_code == 401
    assert resp.json()["detail"]["error"] == "TOKEN_EXPIRED"
    assert _accounts(url, _token(url).json()["access_token"]).status_code == 403
    admin.set_settings(token_ttl=1)
    short = _token(url).json()
    assert short["expires_in"] == 1
    time.sleep(2.1)
    assert _accounts(url, short["access_token"]).status_code == 401


@pytest.mark.parametrize("bank", ["vbank", "abank", "sbank"])
def test_each_bank_has_its_own_keys(sandbox, bank):
    token = _token(sandbox.url(bank)).json()["access_token"]
    others = [b for b in ("vbank", "abank", "sbank") if b != bank]
    assert all(_accounts(sandbox.url(o), token).status_code == 401 for o in others)
