"""Team tokens: issue (``POST /auth/bank-token``), verify, JWKS, rotation and "expire all now".

Tokens are RS256 with a ``kid`` from ``/.well-known/jwks.json`` by default, or HS256 with a secret only
the bank knows (``token_mode=hs256``). Claims: ``iss`` = the bank's base URL, ``aud`` = the bank id,
``sub`` = ``client_id`` = the team, ``iat``, ``exp``, ``jti``. A rotated key stays valid (and in the
JWKS) for ``key_grace`` seconds. Keys live in the bank's SQLite store, so tokens survive a restart.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import asdict, dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from sandbox.bank.http import ApiError
from sandbox.bank.settings import Settings
from sandbox.bank.store import Store

ALGS = {"rs256": "RS256", "hs256": "HS256"}


@dataclass
class Key:
    kid: str
    alg: str
    material: str
    created: float
    retired_at: float | None = None


class Tokens:
    """The bank's keyring and token verifier."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.keys: list[Key] = [Key(**doc) for doc in store.all("keys")]
        # Bumped by "expire all tokens now": a token carries the generation it was issued in.
        self.generation = int(store.get_meta("keep:token_generation") or 0)
        self._cache: dict[str, tuple[dict[str, Any], str]] = {}
        self._loaded: dict[str, Any] = {}
        if not self.keys or self.keys[-1].alg != ALGS[settings.token_mode]:
            self.rotate(grace=0 if not self.keys else None)

    # --- keys -----------------------------------------------------------------------------
    def _new_key(self, alg: str) -> Key:
        kid = f"{self.settings.bank_id}-{uuid.uuid4().hex[:12]}"
        if alg == "RS256":
            private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            material = private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode()
        else:
            material = secrets.token_hex(32)
        return Key(kid, alg, material, time.time())

    def rotate(self, grace: int | None = None) -> Key:
        """Make a new active key (in the current token mode); the old one is valid for ``grace`` s."""
        now = time.time()
        grace = self.settings.key_grace if grace is None else grace
        for key in self.keys:
            if key.retired_at is None:
                key.retired_at = now - self.settings.key_grace + grace
                self.store.put("keys", key.kid, asdict(key))
        key = self._new_key(ALGS[self.settings.token_mode])
        self.keys.append(key)
        self.store.put("keys", key.kid, asdict(key))
        self._cache.clear()
        return key

    def valid_keys(self) -> list[Key]:
        cutoff = time.time() - self.settings.key_grace
        return [k for k in self.keys if k.retired_at is None or k.retired_at > cutoff]

    def active(self) -> Key:
        return self.keys[-1]

    def _signing(self, key: Key) -> Any:
        if key.kid not in self._loaded:
            if key.alg == "RS256":
                private = serialization.load_pem_private_key(key.material.encode(), password=None)
                self._loaded[key.kid] = (private, private.public_key())  # type: ignore[union-attr]
            else:
                self._loaded[key.kid] = (key.material, key.material)
        return self._loaded[key.kid]

    def jwks(self) -> dict[str, Any]:
        """Public keys of every valid RS256 key (HS256 secrets are never published)."""
        out = []
        for key in self.valid_keys():
            if key.alg != "RS256":
                continue
            jwk = RSAAlgorithm.to_jwk(self._signing(key)[1], as_dict=True)
            out.append({**jwk, "kid": key.kid, "use": "sig", "alg": "RS256"})
        return {"keys": out}

    # --- tokens ---------------------------------------------------------------------------
    def issue(self, team: str) -> tuple[str, int]:
        key = self.active()
        now = int(time.time())
        ttl = self.settings.token_ttl
        claims = {
            "iss": self.settings.issuer,
            "aud": self.settings.audience,
            "sub": team,
            "client_id": team,
            "type": "team",
            "iat": now,
            "exp": now + ttl,
            "jti": uuid.uuid4().hex,
            "gen": self.generation,
        }
        token = jwt.encode(claims, self._signing(key)[0], algorithm=key.alg, headers={"kid": key.kid})
        return token, ttl

    def expire_all(self) -> None:
        """Every token issued up to now is rejected from now on."""
        self.generation += 1
        self.store.set_meta("keep:token_generation", str(self.generation))
        self._cache.clear()

    def verify(self, token: str) -> dict[str, Any]:
        """Claims of a valid token, else :class:`ApiError` 401."""
        hit = self._cache.get(token)
        now = time.time()
        if hit is not None:
            claims, kid = hit
            if (
                claims["exp"] > now
                and claims.get("gen", 0) >= self.generation
                and any(k.kid == kid for k in self.valid_keys())
            ):
                return claims
            self._cache.pop(token, None)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise ApiError(401, "INVALID_TOKEN", "Malformed bearer token") from None
        key = next((k for k in self.valid_keys() if k.kid == header.get("kid")), None)
        if key is None:
            raise ApiError(401, "INVALID_TOKEN", "Token signed with an unknown or retired key")
        try:
            claims = jwt.decode(
                token,
                self._signing(key)[1],
                algorithms=[key.alg],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                options={"require": ["exp", "iat", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise ApiError(401, "TOKEN_EXPIRED", "Token expired") from None
        except jwt.PyJWTError as exc:
            raise ApiError(401, "INVALID_TOKEN", f"Invalid token: {type(exc).__name__}") from None
        if claims.get("gen", 0) < self.generation:
            raise ApiError(401, "TOKEN_EXPIRED", "Token revoked by the bank; request a new one")
        if len(self._cache) > 10000:
            self._cache.clear()
        self._cache[token] = (claims, key.kid)
        return claims
