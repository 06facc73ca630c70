"""A signed-in user's view of the payment API, and what the banks saw (their request logs)."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from devstack.tokens import SignedInUser
from tests.sync.support import connect, refresh, wait_lock_free


@dataclass
class Payer:
    api_client: Any
    user: SignedInUser
    sandbox: Any
    customer: str
    banks: tuple[str, ...]
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def call(self, method: str, path: str, json: Any = None, headers: dict[str, str] | None = None) -> Any:
        return self.api_client.open(
            path, method=method, json=json, headers={**self.user.auth_header, **(headers or {})}
        )

    def pay(self, kind: str, body: dict[str, Any], key: str | None = None) -> Any:
        return self.call("POST", f"/api/payments/{kind}", body, {"Idempotency-Key": key or str(uuid.uuid4())})

    def quote(self, kind: str, body: dict[str, Any]) -> Any:
        return self.call("POST", "/api/payments/quote", {**body, "kind": kind})

    def payment(self, payment_id: str) -> dict[str, Any]:
        r = self.call("GET", f"/api/payments/{payment_id}")
        assert r.status_code == 200, r.get_json()
        body: dict[str, Any] = r.get_json()
        return body

    def wait_final(self, payment_id: str, timeout: float = 20.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            body = self.payment(payment_id)
            if body["final"]:
                return body
            assert time.monotonic() < deadline, body
            time.sleep(0.2)

    def refresh_accounts(self) -> None:
        self.accounts = {
            f"{a['bank_id']}/{a['account_id']}": a
            for a in self.call("GET", "/api/accounts").get_json()["accounts"]
        }

    def account_id(self, bank_id: str, kind: str) -> str:
        return next(
            a["account_id"] for a in self.accounts.values() if a["bank_id"] == bank_id and a["kind"] == kind
        )

    def booked(self, bank_id: str, account_id: str) -> Decimal:
        self.refresh_accounts()
        return Decimal(str(self.accounts[f"{bank_id}/{account_id}"]["booked"]["amount"]))

    def agreement(self, bank_id: str, kind: str) -> dict[str, Any]:
        agreements = self.call("GET", "/api/agreements").get_json()["agreements"]
        return next(a for a in agreements if a["bank_id"] == bank_id and a["kind"] == kind)

    def loan(self, bank_id: str, agreement_id: str) -> dict[str, Any]:
        loans = self.call("GET", "/api/loans").get_json()["loans"]
        return next(x for x in loans if (x["bank_id"], x["agreement_id"]) == (bank_id, agreement_id))


def connected_payer(
    api_client: Any,
    make_user: Any,
    sandbox: Any,
    stack: Any,
    customer: str,
    banks: tuple[str, ...],
    product_options: dict[str, Any] | None = None,
) -> Payer:
    """A fresh user who is `customer` at `banks`, consents approved, everything synced once."""
    user = make_user()
    connect(api_client, user, sandbox, customer=customer, banks=banks, product_options=product_options)
    refresh(api_client, user)
    wait_lock_free(stack, user.sub)
    payer = Payer(api_client, user, sandbox, customer, banks)
    payer.refresh_accounts()
    return payer


def _posts(sandbox: Any, path: str, banks: tuple[str, ...]) -> int:
    # By path, not by route: a request answered by an injected fault never reaches its route.
    return sum(int(sandbox.admin(b).counters()["by_path"].get(f"POST {path}", 0)) for b in banks)


def bank_posts(sandbox: Any, *banks: str) -> int:
    """POST /payments the banks received (from their request logs), whatever they answered."""
    return _posts(sandbox, "/payments", banks)


def consent_posts(sandbox: Any, *banks: str) -> int:
    return _posts(sandbox, "/payment-consents/request", banks)


def wait_until(check: Any, timeout: float = 20.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
