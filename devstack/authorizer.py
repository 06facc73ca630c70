"""API Gateway's JWT authorizer, which SAM's local emulator does not enforce.

Checks what an HTTP API JWT authorizer checks (AWS docs, "Controlling access to HTTP APIs with JWT
authorizers"): a token in the identity source (with or without "Bearer "), an RSA signature by a key
of the issuer's JWKS (algorithm from an allow-list, never from the token), `iss` equal to the
configured issuer, `aud` (ID token) or `client_id` (access token) among the configured audiences,
`exp`/`nbf`/`iat`, and the route's scopes. Cognito's `token_use` must be `id` or `access`. The keys
come from the local Cognito (moto) while `iss` is the AWS-style issuer, exactly as in the tokens.
On success the claims go where API Gateway puts them: `requestContext.authorizer.jwt.claims`,
every value a string (numbers and booleans as text, lists as "[a b]").
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jwt
from jwt.algorithms import RSAAlgorithm

ALLOWED_ALGORITHMS = ("RS256",)
JWKS_TTL_SECONDS = 3600.0
# An unknown `kid` triggers one refetch at most this often (a forged kid must not hammer the IdP).
REFETCH_INTERVAL_SECONDS = 30.0
LEEWAY_SECONDS = 0


class Unauthorized(Exception):
    """→ 401 {"message": "Unauthorized"}; the reason is for logs only, never for the client."""


@dataclass(frozen=True)
class JwtAuthorizerConfig:
    name: str
    issuer: str
    audiences: tuple[str, ...]
    identity_source: str = "$request.header.Authorization"

    @property
    def header(self) -> str:
        prefix = "$request.header."
        if not self.identity_source.startswith(prefix):
            raise ValueError(f"unsupported identity source {self.identity_source}")
        return self.identity_source[len(prefix) :]


Fetch = Callable[[str], Mapping[str, Any]]


def http_fetch(url: str) -> Mapping[str, Any]:
    # requests, not urllib: in-process moto intercepts requests' calls to the AWS issuer URL.
    import requests

    response = requests.get(url, timeout=5)
    response.raise_for_status()
    data: Mapping[str, Any] = response.json()
    return data


class JwksCache:
    """The issuer's public keys by `kid`, cached; one rate-limited refetch on an unknown `kid`."""

    def __init__(
        self, url: str, fetch: Fetch = http_fetch, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.url = url
        self._fetch = fetch
        self._clock = clock
        self._keys: dict[str, Any] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()
        self.fetch_count = 0

    def _refresh(self) -> None:
        document = self._fetch(self.url)
        keys = {}
        for jwk in document.get("keys", []):
            if jwk.get("kty") == "RSA" and jwk.get("kid") and jwk.get("use", "sig") == "sig":
                keys[jwk["kid"]] = RSAAlgorithm.from_jwk(json.dumps(jwk))
        self._keys = keys
        self._fetched_at = self._clock()
        self.fetch_count += 1

    def key(self, kid: str) -> Any:
        with self._lock:
            now = self._clock()
            stale = self._fetched_at is None or now - self._fetched_at > JWKS_TTL_SECONDS
            may_refetch = self._fetched_at is None or now - self._fetched_at > REFETCH_INTERVAL_SECONDS
            if stale or (kid not in self._keys and may_refetch):
                self._refresh()
            if kid not in self._keys:
                raise Unauthorized(f"unknown kid {kid!r}")
            return self._keys[kid]


def _as_claim_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + " ".join(_as_claim_string(v) for v in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def extract_token(headers: Mapping[str, str], config: JwtAuthorizerConfig) -> str:
    raw = headers.get(config.header) or ""
    token = raw[7:] if raw[:7].lower() == "bearer " else raw
    token = token.strip()
    if not token:
        raise Unauthorized("no token in the identity source")
    return token


class JwtAuthorizer:
    def __init__(self, config: JwtAuthorizerConfig, jwks: JwksCache) -> None:
        self.config = config
        self.jwks = jwks

    def authorize(self, headers: Mapping[str, str], scopes: tuple[str, ...] = ()) -> dict[str, Any]:
        """The `requestContext.authorizer` value for a valid request; raises Unauthorized otherwise."""
        token = extract_token(headers, self.config)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"malformed token: {exc}") from exc
        alg = header.get("alg")
        if alg not in ALLOWED_ALGORITHMS:  # rejects "none" and HS* before any key is looked at
            raise Unauthorized(f"algorithm {alg!r} not allowed")
        key = self.jwks.key(str(header.get("kid", "")))
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=list(ALLOWED_ALGORITHMS),
                issuer=self.config.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "iat"], "verify_aud": False},
            )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"invalid token: {exc}") from exc
        self._check_audience(claims)
        granted = tuple(str(claims.get("scope", "")).split()) if "scope" in claims else ()
        if scopes and not set(scopes) & set(granted):
            # API Gateway answers 403 for a valid token without a required scope.
            raise Forbidden("token lacks the route's scopes")
        return {
            "jwt": {
                "claims": {k: _as_claim_string(v) for k, v in claims.items()},
                "scopes": list(granted) if granted else None,
            }
        }

    def _check_audience(self, claims: Mapping[str, Any]) -> None:
        use = claims.get("token_use")
        if use == "id":
            aud = claims.get("aud")
            audiences = aud if isinstance(aud, list) else [aud]
        elif use == "access":
            audiences = [claims.get("client_id")]
        else:
            raise Unauthorized(f"token_use {use!r} is neither id nor access")
        if not set(self.config.audiences) & {a for a in audiences if isinstance(a, str)}:
            raise Unauthorized("audience mismatch")


class Forbidden(Exception):
    """→ 403 {"message": "Forbidden"} (a valid token that lacks a required scope)."""
