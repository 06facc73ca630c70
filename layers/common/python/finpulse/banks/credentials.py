"""Team credentials per bank, only from Secrets Manager (Powertools Parameters, cached).

The secret (`BANK_CREDENTIALS_SECRET`) holds `{"<bank_id>": {"client_id", "client_secret"}}`.
The value is cached in memory for `CACHE_SECONDS`, so a rotated secret is picked up without a
redeploy and warm invocations do not call Secrets Manager.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from finpulse.banks.errors import BankUnavailable
from finpulse.config import settings

CACHE_SECONDS = 300


@dataclass(frozen=True, slots=True)
class TeamCredentials:
    client_id: str
    client_secret: str

    def __repr__(self) -> str:  # never print the secret, even in a traceback's locals
        return f"TeamCredentials(client_id={self.client_id!r}, client_secret=***)"


def team_credentials(bank_id: str) -> TeamCredentials:
    from aws_lambda_powertools.utilities import parameters

    name = settings().bank_credentials_secret
    missing = BankUnavailable(
        "FinPulse has no team credentials for this bank", bank_id=bank_id, operation="auth.credentials"
    )
    if not name:
        raise missing
    value: Any = parameters.get_secret(name, transform="json", max_age=CACHE_SECONDS)
    entry = value.get(bank_id) if isinstance(value, dict) else None
    if not isinstance(entry, dict):
        raise missing
    client_id, client_secret = entry.get("client_id"), entry.get("client_secret")
    if not (isinstance(client_id, str) and client_id and isinstance(client_secret, str) and client_secret):
        raise missing
    return TeamCredentials(client_id, client_secret)


def forget_credentials() -> None:
    """Drop the cached secret (tests that switch AWS endpoints)."""
    from aws_lambda_powertools.utilities.parameters import base

    # Also drops the default providers, whose boto3 clients are bound to their endpoint.
    base.clear_caches()  # type: ignore[no-untyped-call]
