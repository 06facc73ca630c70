"""Sandbox configuration: which banks, where, with which credentials and behaviour.

Everything has a default, can be set by environment variable and (through ``python -m sandbox``) by
flag. Per-bank settings use ``bank=value`` lists, e.g. ``SANDBOX_APPROVAL="vbank=manual"``.

=========================  ============================  =========================================
Variable                   Default                       Meaning
=========================  ============================  =========================================
SANDBOX_BANKS              ``vbank,abank,sbank``         bank ids, in slot order
SANDBOX_HOST               ``127.0.0.1``                 loopback address to bind
SANDBOX_BASE_PORT          ``8101``                      first port; bank *i* gets base + *i*
SANDBOX_TEAM               ``team200``                   team (client) id
SANDBOX_SECRET             ``team200-secret``            team client secret
SANDBOX_MODE               ``dev``                       ``dev`` / ``test`` (admin API on) or ``prod``
SANDBOX_SEED               ``finpulse``                  data seed
SANDBOX_TODAY              (date of seeding)             reference date ``YYYY-MM-DD`` of the data
SANDBOX_DATA_DIR           ``.sandbox-data``             where each bank keeps ``<bank>.sqlite3``
SANDBOX_CUSTOMERS          ``10``                        customers per bank
SANDBOX_APPROVAL           ``sbank=manual``              approval mode per bank (others auto)
SANDBOX_TOKEN_MODE         (all ``rs256``)               ``bank=hs256`` for HS256 banks
SANDBOX_LIMIT_CAP          ``sbank=100``                 page-size cap per bank (others 500)
SANDBOX_TOKEN_TTL          ``86400``                     token lifetime, seconds
SANDBOX_KEY_GRACE          ``3600``                      seconds an old key stays valid after rotation
SANDBOX_CONSENT_DAYS       ``90``                        default consent lifetime, days
SANDBOX_BIG_CUSTOMERS      (none)                        ``id:AxT,...`` e.g. ``team200-big:4x5000``
SANDBOX_FAULTS             (none)                        JSON ``{"vbank": {...}}`` faults at start
SANDBOX_VARIANTS           (none)                        data variants, e.g. ``salary_everywhere``
                                                         (:mod:`sandbox.data.variants`)
=========================  ============================  =========================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from sandbox.data.variants import parse_variants

DEFAULT_BANKS = ("vbank", "abank", "sbank")
BANK_NAMES = {"vbank": "VBank", "abank": "ABank", "sbank": "SBank"}
MODES = ("dev", "test", "prod")


@dataclass(frozen=True)
class BankSpec:
    """One bank's identity and behaviour."""

    id: str
    name: str
    port: int
    approval: str = "auto"
    token_mode: str = "rs256"  # noqa: S105 - a signing mode, not a secret
    limit_cap: int = 500
    faults: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SandboxConfig:
    """The whole sandbox: banks plus settings shared by all of them."""

    banks: tuple[BankSpec, ...]
    host: str = "127.0.0.1"
    team: str = "team200"
    secret: str = "team200-secret"  # noqa: S105 - the documented sandbox team secret
    mode: str = "dev"
    seed: str = "finpulse"
    today: str | None = None
    data_dir: Path = Path(".sandbox-data")
    customers: int = 10
    token_ttl: int = 86400
    key_grace: int = 3600
    consent_days: int = 90
    big_customers: tuple[tuple[str, int, int], ...] = ()
    variants: tuple[str, ...] = ()

    def base_url(self, bank: BankSpec) -> str:
        return f"http://{self.host}:{bank.port}"

    def with_ports(self, ports: Mapping[str, int]) -> SandboxConfig:
        return replace(self, banks=tuple(replace(b, port=ports.get(b.id, b.port)) for b in self.banks))


def parse_pairs(text: str | None) -> dict[str, str]:
    """``"vbank=manual, sbank=auto"`` → ``{"vbank": "manual", "sbank": "auto"}``."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if "=" in part:
            key, value = part.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def parse_big(text: str | None) -> tuple[tuple[str, int, int], ...]:
    """``"team200-big:4x5000,team200-huge:1x50000"`` → ``(("team200-big", 4, 5000), ...)``."""
    out = []
    for part in (text or "").split(","):
        if ":" in part:
            name, shape = part.strip().split(":", 1)
            accounts, txs = shape.lower().split("x", 1)
            out.append((name, int(accounts), int(txs)))
    return tuple(out)


def load(env: Mapping[str, str] | None = None, **overrides: Any) -> SandboxConfig:
    """Build the configuration from ``env`` (default ``os.environ``) and keyword overrides.

    Overrides named like the fields (``banks=["vbank"]``, ``base_port=9000``, ``approval={...}``,
    ``token_mode={...}``, ``limit_cap={...}``, ``faults={...}``) win over the environment.
    """
    env = os.environ if env is None else env

    def pick(name: str, var: str, default: Any) -> Any:
        if overrides.get(name) is not None:
            return overrides[name]
        return env.get(var, default)

    bank_ids = pick("banks", "SANDBOX_BANKS", ",".join(DEFAULT_BANKS))
    if isinstance(bank_ids, str):
        bank_ids = [b.strip() for b in bank_ids.split(",") if b.strip()]
    base_port = int(pick("base_port", "SANDBOX_BASE_PORT", 8101))
    approval = {
        "sbank": "manual",
        **parse_pairs(env.get("SANDBOX_APPROVAL")),
        **(overrides.get("approval") or {}),
    }
    token_mode = {**parse_pairs(env.get("SANDBOX_TOKEN_MODE")), **(overrides.get("token_mode") or {})}
    caps = {
        "sbank": "100",
        **parse_pairs(env.get("SANDBOX_LIMIT_CAP")),
        **{k: str(v) for k, v in (overrides.get("limit_cap") or {}).items()},
    }
    faults = orjson.loads(env.get("SANDBOX_FAULTS") or "{}")
    faults.update(overrides.get("faults") or {})
    banks = tuple(
        BankSpec(
            b,
            BANK_NAMES.get(b, b.capitalize()),
            base_port + i if base_port else 0,
            approval.get(b, "auto"),
            token_mode.get(b, "rs256"),
            int(caps.get(b, 500)),
            faults.get(b, {}),
        )
        for i, b in enumerate(bank_ids)
    )
    mode = str(pick("mode", "SANDBOX_MODE", "dev"))
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    for bank in banks:
        if bank.approval not in ("auto", "manual") or bank.token_mode not in ("rs256", "hs256"):
            raise ValueError(f"bad approval/token mode for {bank.id}")
    big = overrides.get("big_customers")
    variants = overrides.get("variants")
    return SandboxConfig(
        banks=banks,
        host=str(pick("host", "SANDBOX_HOST", "127.0.0.1")),
        team=str(pick("team", "SANDBOX_TEAM", "team200")),
        secret=str(pick("secret", "SANDBOX_SECRET", "team200-secret")),
        mode=mode,
        seed=str(pick("seed", "SANDBOX_SEED", "finpulse")),
        today=pick("today", "SANDBOX_TODAY", None) or None,
        data_dir=Path(pick("data_dir", "SANDBOX_DATA_DIR", ".sandbox-data")),
        customers=int(pick("customers", "SANDBOX_CUSTOMERS", 10)),
        token_ttl=int(pick("token_ttl", "SANDBOX_TOKEN_TTL", 86400)),
        key_grace=int(pick("key_grace", "SANDBOX_KEY_GRACE", 3600)),
        consent_days=int(pick("consent_days", "SANDBOX_CONSENT_DAYS", 90)),
        big_customers=tuple(big) if big is not None else parse_big(env.get("SANDBOX_BIG_CUSTOMERS")),
        variants=parse_variants(",".join(variants) if variants is not None else env.get("SANDBOX_VARIANTS")),
    )


def worker_payload(cfg: SandboxConfig, bank: BankSpec, internal_secret: str) -> bytes:
    """What a bank process needs to know, as JSON (passed through the environment)."""
    return orjson.dumps(
        {
            "bank": {
                "id": bank.id,
                "name": bank.name,
                "port": bank.port,
                "approval": bank.approval,
                "token_mode": bank.token_mode,
                "limit_cap": bank.limit_cap,
                "faults": dict(bank.faults),
            },
            "peers": {b.id: cfg.base_url(b) for b in cfg.banks},
            "bank_ids": [b.id for b in cfg.banks],
            "host": cfg.host,
            "team": cfg.team,
            "secret": cfg.secret,
            "mode": cfg.mode,
            "seed": cfg.seed,
            "today": cfg.today,
            "data_dir": str(cfg.data_dir),
            "customers": cfg.customers,
            "token_ttl": cfg.token_ttl,
            "key_grace": cfg.key_grace,
            "consent_days": cfg.consent_days,
            "big_customers": [list(b) for b in cfg.big_customers],
            "variants": ",".join(cfg.variants),
            "internal_secret": internal_secret,
        }
    )
