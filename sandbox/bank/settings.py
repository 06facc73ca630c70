"""A bank process's settings: fixed identity plus knobs the admin API may change at run time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar


@dataclass
class Settings:
    """Built from the runner's JSON payload (:func:`sandbox.config.worker_payload`)."""

    bank_id: str
    name: str
    port: int
    host: str
    team: str
    secret: str
    mode: str
    seed: str
    today: str | None
    data_dir: Path
    customers: int
    approval: str
    token_mode: str
    limit_cap: int
    token_ttl: int
    key_grace: int
    consent_days: int
    internal_secret: str
    peers: dict[str, str] = field(default_factory=dict)
    bank_ids: list[str] = field(default_factory=list)
    big_customers: list[list[Any]] = field(default_factory=list)
    faults: dict[str, Any] = field(default_factory=dict)
    limit_cap_mode: str = "clamp"
    payment_settle_seconds: float = 0.0
    variants: str = ""
    """Data variants (comma list, :mod:`sandbox.data.variants`); part of the seed key."""

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def issuer(self) -> str:
        """``iss`` of the bank's tokens: its base URL."""
        return self.base_url

    @property
    def audience(self) -> str:
        """``aud`` of the bank's tokens: the bank id (``vbank``)."""
        return self.bank_id

    @property
    def admin_enabled(self) -> bool:
        return self.mode in ("dev", "test")

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Settings:
        bank = payload["bank"]
        return cls(
            bank_id=bank["id"],
            name=bank["name"],
            port=bank["port"],
            host=payload["host"],
            team=payload["team"],
            secret=payload["secret"],
            mode=payload["mode"],
            seed=payload["seed"],
            today=payload["today"],
            data_dir=Path(payload["data_dir"]),
            customers=payload["customers"],
            approval=bank["approval"],
            token_mode=bank["token_mode"],
            limit_cap=bank["limit_cap"],
            token_ttl=payload["token_ttl"],
            key_grace=payload["key_grace"],
            consent_days=payload["consent_days"],
            internal_secret=payload["internal_secret"],
            peers=payload["peers"],
            bank_ids=payload["bank_ids"],
            big_customers=payload["big_customers"],
            faults=bank.get("faults") or {},
            variants=payload.get("variants") or "",
        )

    # Knobs the admin API may set (``PATCH /__admin/settings``) and their types.
    MUTABLE: ClassVar[dict[str, type]] = {
        "approval": str,
        "token_mode": str,
        "limit_cap": int,
        "limit_cap_mode": str,
        "token_ttl": int,
        "key_grace": int,
        "consent_days": int,
        "payment_settle_seconds": float,
        "variants": str,
    }
