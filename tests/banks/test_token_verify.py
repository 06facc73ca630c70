"""Team-token verification with locally generated keys: what is accepted, what is refused, and why."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from finpulse.banks.errors import BankTokenRejected
from finpulse.banks.http import BankHttp
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.banks.token_verify import JwksCache, verify_team_token

BASE = "https://vbank.example"


def bank(**overrides: Any) -> BankConfig:
    fields: dict[str, Any] = {"bank_id": "vbank", "name": "VBank", "base_url": BASE, "token_mode": "jwks"}
    return BankConfig.model_validate(fields | overrides)


class StaticJwks(JwksCache):
    """A JWKS cache whose 'bank' is a dict; counts fetches like the real one would refetch."""

    def __init__(self, keys: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self.keys = keys
        self.lookups: list[str] = []

    def key(self, bank: BankConfig, kid: str, http: BankHttp, deadline: Deadline) -> dict[str, Any]:
        self.lookups.append(kid)
        if kid not in self.keys:
            raise BankTokenRejected("unknown kid", bank_id=bank.bank_id, operation="auth.token")
        return self.keys[kid]


RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
JWKS = StaticJwks(
    {
        "rsa-1": RSAAlgorithm.to_jwk(RSA_KEY.public_key(), as_dict=True),
        "ec-1": ECAlgorithm.to_jwk(EC_KEY.public_key(), as_dict=True),
    }
)


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    return {"iss": BASE, "aud": "vbank", "sub": "team200", "iat": now, "exp": now + 3600} | overrides


def verify(token: str, config: BankConfig | None = None) -> Any:
    config = config or bank()
    return verify_team_token(config, token, JWKS, BankHttp(config), Deadline.after(5))


def rs256(payload: dict[str, Any] | None = None, kid: str = "rsa-1", alg: str = "RS256") -> str:
    return jwt.encode(payload or claims(), RSA_KEY, algorithm=alg, headers={"kid": kid})


def test_rs256_with_known_kid_and_right_claims_is_verified() -> None:
    result = verify(rs256())
    assert result.verified
    assert result.claims["sub"] == "team200"
    assert result.expires_at == pytest.approx(time.time() + 3600, abs=5)


def test_es256_only_when_the_bank_allows_it() -> None:
    token = jwt.encode(claims(), EC_KEY, algorithm="ES256", headers={"kid": "ec-1"})
    assert verify(token, bank(allowed_algorithms=("RS256", "ES256"))).verified
    with pytest.raises(BankTokenRejected, match="not allowed"):
        verify(token)  # default allow-list: RS256 only — never the token's own say-so


def _unsigned(header: dict[str, Any], payload: dict[str, Any]) -> str:
    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{part(header)}.{part(payload)}."


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none_is_always_rejected(alg: str) -> None:
    token = _unsigned({"alg": alg, "kid": "rsa-1"}, claims())
    for config in (bank(), bank(token_mode="opaque")):
        with pytest.raises(BankTokenRejected, match="alg: none"):
            verify(token, config)


def test_hs256_is_an_opaque_bearer_only_at_banks_configured_opaque() -> None:
    token = jwt.encode(claims(), "a-secret-only-the-bank-has-0123456789", algorithm="HS256")
    result = verify(token, bank(token_mode="opaque"))
    assert not result.verified
    assert result.claims == {}  # nothing from an unverifiable token is trusted
    assert result.expires_at is not None  # only used to schedule the refresh
    with pytest.raises(BankTokenRejected, match="token_mode=opaque"):
        verify(token)


def test_hs256_is_rejected_even_if_listed_as_allowed_at_a_jwks_bank() -> None:
    token = jwt.encode(
        claims(), "a-secret-only-the-bank-has-0123456789", algorithm="HS256", headers={"kid": "rsa-1"}
    )
    with pytest.raises(BankTokenRejected):
        verify(token, bank(allowed_algorithms=("RS256", "HS256")))


def test_a_non_jwt_is_fine_only_as_an_opaque_bearer() -> None:
    assert not verify("opaque-bearer-1234567890", bank(token_mode="opaque")).verified
    with pytest.raises(BankTokenRejected, match="not a JWT"):
        verify("opaque-bearer-1234567890")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (claims(aud="abank"), "audience"),
        (claims(iss="https://evil.example"), "issuer"),
        (claims(exp=int(time.time()) - 3600), "expired"),
        ({k: v for k, v in claims().items() if k != "exp"}, "verification"),
        ({k: v for k, v in claims().items() if k != "aud"}, "verification"),
    ],
)
def test_exp_iss_aud_are_checked(payload: dict[str, Any], message: str) -> None:
    with pytest.raises(BankTokenRejected, match=message):
        verify(rs256(payload))


def test_configured_issuer_and_audience_win_over_the_defaults() -> None:
    config = bank(token_issuer="https://auth.vbank.example", token_audience="aggregators")
    assert verify(rs256(claims(iss="https://auth.vbank.example", aud="aggregators")), config).verified
    with pytest.raises(BankTokenRejected):
        verify(rs256(), config)


def test_kid_is_required_and_looked_up() -> None:
    token = jwt.encode(claims(), RSA_KEY, algorithm="RS256")
    with pytest.raises(BankTokenRejected, match="no kid"):
        verify(token)
    with pytest.raises(BankTokenRejected, match="unknown kid"):
        verify(rs256(kid="rotated-away"))


def test_a_token_signed_by_another_key_with_a_known_kid_fails() -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(claims(), other, algorithm="RS256", headers={"kid": "rsa-1"})
    with pytest.raises(BankTokenRejected, match="verification"):
        verify(token)


def test_rejection_messages_never_carry_the_token() -> None:
    token = rs256(claims(aud="abank"))
    with pytest.raises(BankTokenRejected) as info:
        verify(token)
    assert token not in str(info.value)
    assert token not in json.dumps(info.value.describe())
