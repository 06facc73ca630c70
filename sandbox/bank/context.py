"""The objects one bank process is made of, handed to every route module."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from sandbox.bank.agreement_knobs import AgreementKnobs
from sandbox.bank.auth import Tokens
from sandbox.bank.faults import Faults
from sandbox.bank.payment_knobs import PaymentKnobs
from sandbox.bank.reqlog import RequestLog
from sandbox.bank.settings import Settings
from sandbox.bank.state import BankState
from sandbox.bank.store import Store

if TYPE_CHECKING:
    from sandbox.bank.http import Request


class Bank:
    """Settings, state, keys, faults and the request log of one bank."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings.data_dir / f"{settings.bank_id}.sqlite3")
        self.state = BankState(settings, self.store)
        self.state.open()
        self.tokens = Tokens(settings, self.store)
        self.faults = Faults(settings.faults)
        self.payment_knobs = PaymentKnobs()
        self.agreement_knobs = AgreementKnobs()
        self.log = RequestLog()
        self._peers: httpx.AsyncClient | None = None

    def peers(self) -> httpx.AsyncClient:
        """HTTP client for bank→bank calls (cross-bank credits)."""
        if self._peers is None:
            self._peers = httpx.AsyncClient(timeout=10.0)
        return self._peers

    async def close(self) -> None:
        if self._peers is not None:
            await self._peers.aclose()
        self.store.close()

    def status_style(self) -> str:
        return str(self.faults.config.get("status_style") or "default")

    def effective_limit_cap(self) -> tuple[int, str]:
        cap = self.faults.config.get("limit_cap") or self.settings.limit_cap
        mode = self.faults.config.get("limit_cap_mode") or self.settings.limit_cap_mode
        return int(cap), str(mode)

    def describe(self) -> dict[str, Any]:
        s = self.settings
        return {
            "bank": s.bank_id,
            "name": s.name,
            "base_url": s.base_url,
            "mode": s.mode,
            "approval": s.approval,
            "token_mode": s.token_mode,
            "limit_cap": s.limit_cap,
            "limit_cap_mode": s.limit_cap_mode,
            "token_ttl": s.token_ttl,
            "key_grace": s.key_grace,
            "consent_days": s.consent_days,
            "payment_settle_seconds": s.payment_settle_seconds,
            "variants": s.variants,
            "issuer": s.issuer,
            "audience": s.audience,
            "seed": s.seed,
            "reference_date": self.state.reference_date().isoformat(),
            "customers": len(self.state.customers),
            "accounts": len(self.state.accounts),
            "transactions": sum(self.state.tx_count(a) for a in self.state.accounts),
        }


def team_of(bank: Bank, req: Request) -> str:
    """The team of the request's bearer token (401 when it is missing or invalid)."""
    from sandbox.bank.http import ApiError

    auth = req.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "UNAUTHORIZED",
            "Not authenticated: send Authorization: Bearer <token>",
            [(b"www-authenticate", b"Bearer")],
        )
    try:
        claims = bank.tokens.verify(token.strip())
    except Exception as exc:
        if hasattr(exc, "headers"):
            exc.headers = [(b"www-authenticate", b"Bearer")]
        raise
    req.claims = claims
    return str(claims["sub"])
