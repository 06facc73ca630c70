"""The bank registry: which banks exist is configuration, never code.

The registry is a JSON list (template parameter `BankRegistry` → env `BANKS`). Adding a bank is
adding an entry: id, display name, base URL, token mode and approval mode.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, TypeAdapter

from finpulse.config import settings
from finpulse.errors import NotFound

BankId = str
IdentityMode = Literal["trusted_auto", "bank_approval"]


class BankConfig(BaseModel):
    """One bank as an operator configures it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bank_id: BankId = Field(pattern=r"^[a-z][a-z0-9-]{1,31}$")
    name: str = Field(min_length=1, max_length=64)
    base_url: HttpUrl
    # `jwks`: the bank signs its team token with a key from its JWKS and FinPulse verifies it.
    # `opaque`: the bank signs with a secret FinPulse cannot have; the token is used as a bearer only.
    token_mode: Literal["jwks", "opaque"] = "jwks"  # noqa: S105 - a mode name, not a secret
    approval: Literal["auto", "manual"] = "auto"
    # Whether this bank's automatic consent approval proves that the caller is the customer.
    # `bank_approval` (the safe default): only a consent the customer approved in the bank's own app
    # verifies a FinPulse user's claim to a customer id. `trusted_auto`: sandboxes only, where every
    # test customer belongs to the team; refused in prod unless the operator allows it explicitly.
    identity: IdentityMode = "bank_approval"
    # A pending consent the customer has not acted on within this time is given up as expired.
    pending_timeout_hours: float = Field(default=24, gt=0, le=720)
    # Algorithms accepted for `jwks` tokens: from configuration, never from the token header.
    allowed_algorithms: tuple[str, ...] = ("RS256",)
    token_issuer: str | None = None
    token_audience: str | None = None
    page_limit: int = Field(default=100, ge=1, le=1000)
    concurrency: int = Field(default=8, ge=1, le=64)
    # How other banks name this one in a payment's `creditorAccount.bank_code` (default: bank_id).
    bank_code: str | None = Field(default=None, min_length=1, max_length=32)

    def url(self, path: str) -> str:
        return str(self.base_url).rstrip("/") + path

    @property
    def payment_bank_code(self) -> str:
        return self.bank_code or self.bank_id

    @property
    def trusts_auto_approval(self) -> bool:
        """Auto-approved consents verify identities here. In prod only with the operator's explicit
        `AllowTrustedAutoIdentity` (the deployment refuses it otherwise; this is the second lock)."""
        if self.identity != "trusted_auto":
            return False
        return settings().env != "prod" or settings().allow_trusted_auto_identity


class PublicBank(BaseModel):
    """What a user may see of a bank: no URLs, no token settings."""

    bank_id: BankId
    name: str
    approval: Literal["auto", "manual"]


_registry_adapter = TypeAdapter(list[BankConfig])


def parse(raw: str) -> tuple[BankConfig, ...]:
    """A registry from its JSON; ValueError (pydantic's ValidationError is one) when invalid."""
    banks = _registry_adapter.validate_json(raw)
    ids = [b.bank_id for b in banks]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate bank ids in the registry: {sorted(ids)}")
    return tuple(banks)


@cache
def _load(raw: str) -> tuple[BankConfig, ...]:
    return parse(raw)


def all_banks() -> tuple[BankConfig, ...]:
    return _load(settings().banks_json)


def get_bank(bank_id: str) -> BankConfig:
    for bank in all_banks():
        if bank.bank_id == bank_id:
            return bank
    raise NotFound(f"Unknown bank '{bank_id}'", details=[{"field": "bank_id", "message": "unknown bank"}])


def public_view(bank: BankConfig) -> PublicBank:
    return PublicBank(bank_id=bank.bank_id, name=bank.name, approval=bank.approval)
