"""Verifying a bank's team token, exactly as the brief says.

* `alg: none` is always rejected.
* A bank configured `opaque` signs with a secret FinPulse cannot have (HS256): such a token is
  used as a bearer only, never trusted for its claims. Anywhere else an HS token is rejected.
* A bank configured `jwks`: the algorithm must be in that bank's allow-list from configuration
  (never taken from the token), the `kid` must be in the bank's JWKS (cached; refetched once when
  the `kid` is unknown, which is what a key rotation looks like), and `exp`, `iss`, `aud` must hold.

PyJWT and cryptography are imported here, lazily: only a token refresh pays for them.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from finpulse.banks.errors import BankTokenRejected, InvalidBankResponse
from finpulse.banks.http import BankHttp
from finpulse.banks.models import Jwks
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.banks.tuning import tuning

OPERATION = "auth.token"
SYMMETRIC_PREFIX = "HS"
OPAQUE_MODE = "opaque"
LEEWAY_SECONDS = 30


@dataclass(frozen=True, slots=True)
class VerifiedToken:
    claims: dict[str, Any]
    verified: bool  # False: an opaque bearer (HS at an `opaque` bank)
    expires_at: float | None  # from `exp`, when the token has one


def expected_issuer(bank: BankConfig) -> str:
    return bank.token_issuer or str(bank.base_url).rstrip("/")


def expected_audience(bank: BankConfig) -> str:
    return bank.token_audience or bank.bank_id


class JwksCache:
    """Public keys per bank, fetched on first need, kept `jwks_max_age`, refetched on unknown kid."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], tuple[float, dict[str, dict[str, Any]]]] = {}
        self._lock = threading.Lock()

    def _fetch(self, bank: BankConfig, http: BankHttp, deadline: Deadline) -> dict[str, dict[str, Any]]:
        answer = http.request("GET", "/.well-known/jwks.json", operation="auth.jwks", deadline=deadline)
        try:
            jwks = Jwks.model_validate(answer.body)
        except ValueError:
            raise InvalidBankResponse(
                "The bank's JWKS is not valid", bank_id=bank.bank_id, operation="auth.jwks"
            ) from None
        keys = {str(k["kid"]): k for k in jwks.keys if k.get("kid")}
        with self._lock:
            self._keys[(bank.bank_id, str(bank.base_url))] = (time.monotonic(), keys)
        return keys

    def key(self, bank: BankConfig, kid: str, http: BankHttp, deadline: Deadline) -> dict[str, Any]:
        cached = self._keys.get((bank.bank_id, str(bank.base_url)))
        fresh = cached is not None and time.monotonic() - cached[0] < tuning().jwks_max_age
        if cached is not None and fresh and kid in cached[1]:
            return cached[1][kid]
        # Unknown kid (or stale cache): one refetch, never more per verification.
        keys = self._fetch(bank, http, deadline)
        if kid not in keys:
            raise BankTokenRejected(
                "The bank's token is signed with a key that is not in its JWKS",
                bank_id=bank.bank_id,
                operation=OPERATION,
            )
        return keys[kid]

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()


def _reject(bank: BankConfig, message: str) -> BankTokenRejected:
    return BankTokenRejected(message, bank_id=bank.bank_id, operation=OPERATION)


def verify_team_token(
    bank: BankConfig, token: str, jwks: JwksCache, http: BankHttp, deadline: Deadline
) -> VerifiedToken:
    import jwt

    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        if bank.token_mode == OPAQUE_MODE:
            return VerifiedToken({}, verified=False, expires_at=None)  # truly opaque: not a JWT at all
        raise _reject(bank, "The bank's token is not a JWT") from None
    alg = header.get("alg")
    if not isinstance(alg, str) or alg.strip().lower() in ("", "none"):
        raise _reject(bank, "Unsigned tokens (alg: none) are never accepted")
    if alg.upper().startswith(SYMMETRIC_PREFIX):
        if bank.token_mode != OPAQUE_MODE:
            raise _reject(
                bank,
                f"{alg} tokens cannot be verified by FinPulse; "
                "they are accepted only from banks configured with token_mode=opaque",
            )
        # The signature is unverifiable by design; `exp` is read only to schedule the refresh.
        unverified = jwt.decode(token, options={"verify_signature": False})
        exp = unverified.get("exp")
        expires = float(exp) if isinstance(exp, int | float) else None
        return VerifiedToken({}, verified=False, expires_at=expires)
    # Asymmetric: verify at every bank, also one configured `opaque` that happens to sign with a key.
    allowed = [a for a in bank.allowed_algorithms if not a.upper().startswith(SYMMETRIC_PREFIX)]
    if alg not in allowed:
        raise _reject(bank, f"Algorithm {alg} is not allowed for this bank (allowed: {', '.join(allowed)})")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise _reject(bank, "The bank's token has no kid")
    jwk = jwks.key(bank, kid, http, deadline)
    try:
        key = jwt.PyJWK(jwk, algorithm=alg)
        claims: dict[str, Any] = jwt.decode(
            token,
            key.key,
            algorithms=[alg],
            audience=expected_audience(bank),
            issuer=expected_issuer(bank),
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError:
        raise _reject(bank, "The bank issued an expired token") from None
    except jwt.InvalidAudienceError:
        raise _reject(bank, "The bank's token is for another audience") from None
    except jwt.InvalidIssuerError:
        raise _reject(bank, "The bank's token has an unexpected issuer") from None
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise _reject(bank, f"The bank's token failed verification ({type(exc).__name__})") from None
    return VerifiedToken(claims, verified=True, expires_at=float(claims["exp"]))
