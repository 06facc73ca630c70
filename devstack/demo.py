"""The demo user with every sandbox bank connected, through the app's own API, for the browser
tests and the web benchmark: consents at every bank (the manual bank's approved at the bank, as
the customer would), onboarding done, and a finished first sync.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from sandbox.client import AdminClient

DEMO_EMAIL = "demo@finpulse.dev"
DEMO_PASSWORD = "FinPulse-demo-1"  # noqa: S105 - the documented local demo login


def cognito_sign_in(moto_url: str, client_id: str, email: str, password: str) -> dict[str, Any]:
    """Cognito's AuthenticationResult for a user of the stack's pool, as the SPA signs in."""
    answer = httpx.post(
        moto_url.rstrip("/") + "/",
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
        },
        json={
            "AuthFlow": "USER_PASSWORD_AUTH",
            "ClientId": client_id,
            "AuthParameters": {"USERNAME": email, "PASSWORD": password},
        },
        timeout=30,
    )
    answer.raise_for_status()
    return dict(answer.json()["AuthenticationResult"])


def wait_for_sync(api: httpx.Client, sync_id: str, timeout: float = 180.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        record: dict[str, Any] = api.get(f"/api/sync/{sync_id}").json()
        if record["state"] != "running":
            return record
        time.sleep(1)
    raise TimeoutError(f"sync {sync_id} still running after {timeout:.0f} s")


def connect_every_bank(
    api: httpx.Client,
    bank_urls: dict[str, str],
    *,
    near_expiry_bank: str | None = None,
    products: dict[str, Any] | None = None,
) -> None:
    """Accounts and products consents at every bank, onboarding done, one finished sync.

    `near_expiry_bank`'s consents are created expiring in 5 days (inside the 7-day warning);
    `products` are the product consent's options (default: read only).
    """
    banks = sorted(bank_urls)
    short = AdminClient(bank_urls[near_expiry_bank]) if near_expiry_bank else None
    if short:
        short.set_settings(consent_days=5)
    try:
        body: dict[str, Any] = {"banks": banks, "include_products": True}
        if products:
            body["products"] = products
        results = api.post("/api/consents/init", json=body).json()
    finally:
        if short:
            short.set_settings(consent_days=90)
    for result in results["results"]:
        if result["consent"] and result["consent"]["status"] == "pending":  # the manual bank
            AdminClient(bank_urls[result["bank_id"]]).approve(result["consent"]["request_id"])
    deadline = time.monotonic() + 60
    while True:  # each consent is asked at the bank at most every few seconds
        status = api.post("/api/consents/refresh", json={}).json()
        kinds = [b[k]["current"]["status"] for b in status["banks"] for k in ("accounts", "products")]
        if all(k == "approved" for k in kinds):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"consents not approved: {status}")
        time.sleep(2)
    onboarding = {"step": "done", "banks": [{"bank_id": b, "products": True} for b in banks]}
    api.put("/api/onboarding", json=onboarding).raise_for_status()
    started = api.post("/api/sync/full-refresh").json()
    finished = wait_for_sync(api, started["sync_id"])
    if finished["state"] != "succeeded":
        raise RuntimeError(f"first sync: {finished}")
