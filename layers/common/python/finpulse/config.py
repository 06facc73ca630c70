"""Process-wide settings, read once from the function's environment (set by template.yaml)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Settings:
    env: str
    region: str
    team_id: str
    banks_json: str
    consents_table: str
    tokens_table: str
    data_table: str
    locks_table: str
    idempotency_table: str
    bank_credentials_secret: str
    state_machine_arn: str
    bank_status_table: str = ""
    payments_table: str = ""
    allow_trusted_auto_identity: bool = False


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


@cache
def settings() -> Settings:
    """The settings of this process. Tests that change the environment call `settings.cache_clear()`."""
    return Settings(
        env=_env("FINPULSE_ENV", "dev"),
        region=_env("AWS_REGION", _env("AWS_DEFAULT_REGION", "eu-central-1")),
        team_id=_env("TEAM_ID", "team200"),
        banks_json=_env("BANKS", "[]"),
        consents_table=_env("CONSENTS_TABLE"),
        tokens_table=_env("TOKENS_TABLE"),
        data_table=_env("DATA_TABLE"),
        locks_table=_env("LOCKS_TABLE"),
        idempotency_table=_env("IDEMPOTENCY_TABLE"),
        bank_credentials_secret=_env("BANK_CREDENTIALS_SECRET"),
        state_machine_arn=_env("FULL_REFRESH_STATE_MACHINE_ARN"),
        bank_status_table=_env("BANK_STATUS_TABLE"),
        payments_table=_env("PAYMENTS_TABLE"),
        allow_trusted_auto_identity=_env("ALLOW_TRUSTED_AUTO_IDENTITY", "false").lower() == "true",
    )
