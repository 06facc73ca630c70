"""Python clients for the sandbox: :class:`AdminClient` (one bank) and :class:`SandboxBanks` (all).

These are what the pytest fixtures yield and what the local dev stack can use; they talk to the banks
over real HTTP only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from sandbox.runner import BanksHandle


class AdminClient:
    """The admin API of one bank (exists in ``dev`` and ``test`` mode only)."""

    def __init__(self, base_url: str, http: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = http or httpx.Client(timeout=30.0)

    def _call(self, method: str, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        resp = self.http.request(method, f"{self.base_url}/__admin{path}", json=json, params=params)
        resp.raise_for_status()
        return resp.json()

    # --- bank -----------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        """Identity, modes, reference date and sizes of the bank."""
        return dict(self._call("GET", ""))

    def set_settings(self, **changes: Any) -> dict[str, Any]:
        """Change run-time settings: ``approval`` (auto/manual), ``token_mode`` (rs256/hs256),
        ``token_ttl``, ``key_grace``, ``consent_days``, ``limit_cap``, ``limit_cap_mode``,
        ``payment_settle_seconds``, ``variants`` (data variants, comma list: re-seeds the bank)."""
        return dict(self._call("PATCH", "/settings", json=changes))

    def reset(self) -> dict[str, Any]:
        """Restore the seed data; clears consents, payments, faults and the request log."""
        return dict(self._call("POST", "/reset"))

    # --- faults ---------------------------------------------------------------------------
    def faults(self) -> dict[str, Any]:
        return dict(self._call("GET", "/faults"))

    def set_faults(self, **knobs: Any) -> dict[str, Any]:
        """Replace the fault configuration (see :mod:`sandbox.bank.faults` for the knobs)."""
        return dict(self._call("PUT", "/faults", json=knobs))

    def update_faults(self, **knobs: Any) -> dict[str, Any]:
        """Merge knobs into the current fault configuration."""
        return dict(self._call("PATCH", "/faults", json=knobs))

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    # --- payment knobs (sandbox.bank.payment_knobs) ---------------------------------------
    def payment_knobs(self) -> dict[str, Any]:
        return dict(self._call("GET", "/payment-knobs"))

    def set_payment_knobs(self, **knobs: Any) -> dict[str, Any]:
        """Replace the payment knobs: ``reject_after_accept``, ``drop_after_commit``,
        ``consent_approval``, ``consent_terms``, ``consent_terms_count``."""
        return dict(self._call("PUT", "/payment-knobs", json=knobs))

    def clear_payment_knobs(self) -> None:
        self._call("DELETE", "/payment-knobs")

    # --- agreement knobs (sandbox.bank.agreement_knobs) -----------------------------------
    def agreement_knobs(self) -> dict[str, Any]:
        return dict(self._call("GET", "/agreement-knobs"))

    def set_agreement_knobs(self, **knobs: Any) -> dict[str, Any]:
        """Replace the agreement knobs: ``open_drop_after_commit``, ``open_decline``,
        ``close_drop_after_commit``, ``close_refuse`` (each: the next N requests)."""
        return dict(self._call("PUT", "/agreement-knobs", json=knobs))

    def clear_agreement_knobs(self) -> None:
        self._call("DELETE", "/agreement-knobs")

    # --- consents, tokens, keys -----------------------------------------------------------
    def consents(self, status: str | None = None) -> list[dict[str, Any]]:
        """Every consent (any kind); ``status`` filters (``pending``, ``authorized``, ...)."""
        return list(self._call("GET", "/consents", params={"status": status} if status else None)["consents"])

    def approve(self, consent_or_request_id: str) -> dict[str, Any]:
        """Approve a pending request as the customer would; returns it with its new consent id."""
        return dict(self._call("POST", f"/consents/{consent_or_request_id}/approve"))

    def reject(self, consent_or_request_id: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/consents/{consent_or_request_id}/reject"))

    def revoke(self, consent_or_request_id: str) -> dict[str, Any]:
        """Revoke as the customer would in their bank: data calls then answer 403 CONSENT_REVOKED."""
        return dict(self._call("POST", f"/consents/{consent_or_request_id}/revoke"))

    def expire_consent(self, consent_or_request_id: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/consents/{consent_or_request_id}/expire"))

    def expire_tokens(self) -> None:
        """Every token issued so far answers 401 from now on."""
        self._call("POST", "/tokens/expire")

    def rotate_keys(self, grace_seconds: int | None = None) -> dict[str, Any]:
        """New signing key now; the old one stays valid (and in the JWKS) for ``grace_seconds``."""
        return dict(self._call("POST", "/keys/rotate", json={"grace_seconds": grace_seconds}))

    # --- request log ----------------------------------------------------------------------
    def requests(self, since: int = 0, limit: int = 0) -> list[dict[str, Any]]:
        """Logged API calls after sequence number ``since``: method, path, query, operation, status,
        latency_ms, fault, interaction_id."""
        return list(self._call("GET", "/requests", params={"since": since, "limit": limit})["requests"])

    def counters(self) -> dict[str, Any]:
        """``{"total", "by_operation", "by_path", "by_status", "last_seq"}``."""
        return dict(self._call("GET", "/counters"))

    def count(self, operation: str) -> int:
        """How many calls of ``operation`` (e.g. ``"GET /accounts/{account_id}/transactions"``)."""
        return int(self.counters()["by_operation"].get(operation, 0))

    def clear_requests(self) -> None:
        self._call("DELETE", "/requests")

    # --- data -----------------------------------------------------------------------------
    def customers(self) -> list[dict[str, Any]]:
        """Customers with their accounts (id, number, kind, balance, transaction count) and agreements."""
        return list(self._call("GET", "/customers")["customers"])

    def add_big_customer(
        self, customer_id: str, accounts: int = 4, transactions: int = 5000, days: int = 365
    ) -> list[str]:
        """Create a load-test customer (transactions spread over the last `days`); returns the new
        account ids."""
        body = {"customer_id": customer_id, "accounts": accounts, "transactions": transactions, "days": days}
        return list(self._call("POST", "/customers/big", json=body)["accounts"])

    def add_transactions(self, account_id: str, count: int = 10) -> list[str]:
        """Book ``count`` new card purchases on the account now; returns their ids."""
        return list(
            self._call("POST", f"/accounts/{account_id}/transactions", json={"count": count})["transactions"]
        )

    def pending_transactions(self, account_id: str) -> list[str]:
        """Ids of the account's pending (held) transactions, newest first."""
        return list(self._call("GET", f"/accounts/{account_id}/pending")["transactions"])

    def book_pending(self, tx_id: str) -> dict[str, Any]:
        """Settle a pending transaction now: same id, status completed, booking time now."""
        return dict(self._call("POST", f"/transactions/{tx_id}/book"))


@dataclass
class Bank:
    """One running bank as the fixtures expose it."""

    id: str
    name: str
    url: str
    admin: AdminClient


class SandboxBanks:
    """All running banks: URLs, team credentials, admin clients, resets."""

    def __init__(self, handle: BanksHandle) -> None:
        self.handle = handle
        self.http = httpx.Client(timeout=30.0)
        # Settings each bank started with (the ``sandbox`` fixture restores them after a test).
        self.defaults: dict[str, dict[str, Any]] = {}
        self.banks = {
            b.id: Bank(b.id, b.name, handle.urls[b.id], AdminClient(handle.urls[b.id], self.http))
            for b in handle.config.banks
        }

    def __getitem__(self, bank_id: str) -> Bank:
        return self.banks[bank_id]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.banks.values())

    @property
    def team(self) -> str:
        return self.handle.team

    @property
    def secret(self) -> str:
        return self.handle.secret

    @property
    def urls(self) -> dict[str, str]:
        return dict(self.handle.urls)

    def url(self, bank_id: str) -> str:
        return self.banks[bank_id].url

    def admin(self, bank_id: str) -> AdminClient:
        return self.banks[bank_id].admin

    def token(self, bank_id: str) -> str:
        """A fresh team token from ``bank_id`` (``POST /auth/bank-token``)."""
        resp = self.http.post(
            f"{self.url(bank_id)}/auth/bank-token",
            params={"client_id": self.team, "client_secret": self.secret},
        )
        resp.raise_for_status()
        return str(resp.json()["access_token"])

    def clean(self) -> None:
        """Between tests: clear faults, payment and agreement knobs and request logs at every bank
        (data stays)."""
        for bank in self.banks.values():
            bank.admin.clear_faults()
            bank.admin.clear_payment_knobs()
            bank.admin.clear_agreement_knobs()
            bank.admin.clear_requests()

    def reset(self) -> None:
        """Restore every bank's seed data (also clears consents, payments, faults, logs)."""
        for bank in self.banks.values():
            bank.admin.reset()

    def close(self) -> None:
        self.http.close()
