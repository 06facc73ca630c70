"""Hostile and stale tokens for authorizer tests, derived from tokens the local user pool minted."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims_of(token: str) -> dict[str, Any]:
    return dict(jwt.decode(token, options={"verify_signature": False}))


def alg_none(token: str) -> str:
    """The same claims, unsigned (`alg: none`)."""
    header = _b64(json.dumps({"alg": "none", "typ": "JWT", "kid": "dummy"}).encode())
    return f"{header}.{_b64(json.dumps(claims_of(token)).encode())}."


def signed_by_other_key(token: str) -> str:
    """The same claims and `kid`, signed RS256 by a key the pool never published."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = jwt.get_unverified_header(token).get("kid", "dummy")
    return jwt.encode(claims_of(token), key, algorithm="RS256", headers={"kid": kid})


def hs256_with(token: str, secret: str | bytes) -> str:
    """Algorithm confusion: HS256 over the same claims (e.g. with the public key PEM as the secret).
    Built by hand: PyJWT rightly refuses to use a PEM as an HMAC secret."""
    kid = jwt.get_unverified_header(token).get("kid", "dummy")
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": kid}).encode())
    payload = _b64(json.dumps(claims_of(token)).encode())
    key = secret.encode() if isinstance(secret, str) else secret
    signature = hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def tampered(token: str, **changes: Any) -> str:
    """Claims changed after signing (the signature no longer matches)."""
    header, _, signature = token.split(".")
    payload = _b64(json.dumps({**claims_of(token), **changes}).encode())
    return f"{header}.{payload}.{signature}"


@contextmanager
def cognito_clock(offset_seconds: float) -> Iterator[None]:
    """moto's Cognito mints tokens as if the time were now + offset (negative: in the past)."""
    fake = mock.Mock(wraps=time)
    fake.time = lambda: time.time() + offset_seconds
    with mock.patch("moto.cognitoidp.models.time", fake):
        yield
