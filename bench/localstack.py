"""What the benchmarks through the local stack share: `make dev`'s stack on free ports, a fresh
signed-in user, a sandbox customer connected at some banks, a full refresh run to the end."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx


def options(workdir: Path, **overrides: Any) -> Any:
    """`make dev`'s options on free ports, without the schedule, the watcher or the SPA."""
    from devstack.stack import StackOptions

    defaults: dict[str, Any] = {
        "api_port": 0,
        "moto_port": 0,
        "bank_base_port": 0,
        "schedule": False,
        "watch": False,
        "prewarm": True,
        "access_log": False,
        "spa_dir": None,
        "state_file": None,
        "sandbox_data_dir": workdir / "banks",
    }
    return StackOptions(**(defaults | overrides))


def start(workdir: Path) -> Any:
    from devstack.stack import LocalStack

    return LocalStack(options(workdir)).start()


def signed_in(stack: Any, *, demo: bool = False) -> httpx.Client:
    """A fresh user, or the demo user (`make dev` makes it customer team200-1 at every bank, and a
    customer id belongs to one user: a benchmark of team200-1 is the demo user's)."""
    from devstack.provision import boto_clients
    from devstack.tokens import demo_user, new_user

    clients = boto_clients(stack.resources.region, stack.moto.url)
    user = demo_user(clients, stack.resources) if demo else new_user(clients, stack.resources, None)
    return httpx.Client(base_url=stack.api_url, headers=user.auth_header, timeout=60)


def connect(http: httpx.Client, sandbox: Any, customer: str, banks: Iterable[str]) -> None:
    """`customer` at `banks`, account and product consents approved (a manual bank's as the customer)."""
    banks = list(banks)
    for bank in banks:
        http.put(f"/api/me/banks/{bank}", json={"customer_id": customer}).raise_for_status()
    r = http.post("/api/consents/init", json={"banks": banks, "include_products": True})
    r.raise_for_status()
    for result in r.json()["results"]:
        consent = result.get("consent") or {}
        if consent.get("status") == "pending":
            sandbox.admin(result["bank_id"]).approve(consent.get("request_id") or consent["consent_id"])
    deadline = time.monotonic() + 60
    while True:
        http.post("/api/consents/refresh", json={}).raise_for_status()
        status = http.get("/api/consents/status").json()
        if set(banks) <= {b["bank_id"] for b in status["banks"] if b["connected"]}:
            return
        assert time.monotonic() < deadline, status
        time.sleep(1.0)


def refresh(http: httpx.Client) -> dict[str, Any]:
    r = http.post("/api/sync/full-refresh")
    assert r.status_code == 202, r.text
    sync_id = r.json()["sync_id"]
    while True:
        answer = http.get(f"/api/sync/{sync_id}")
        body: dict[str, Any] = answer.json() if answer.status_code == 200 else {"state": "running"}
        if body["state"] != "running":
            return body
        time.sleep(0.1)
