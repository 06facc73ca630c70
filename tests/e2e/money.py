"""What the money screens must show, worked out from the API's own answers: amounts and dates
formatted as Intl's ru-RU formats them in the browser (`1 234,56 ₽`, `5 декабря`)."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

import boto3
import httpx

from devstack.demo import DEMO_PASSWORD, connect_every_bank, wait_for_sync
from tests.e2e.browser import App, cognito_sign_in

MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def plain(text: str) -> str:
    """The browser's no-break and narrow no-break spaces as plain spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", text).strip()


def rub(amount: str | Decimal) -> str:
    """`-1234567.5` → `-1 234 567,50 ₽`, as Intl.NumberFormat("ru-RU", RUB) writes it."""
    value = Decimal(amount).quantize(Decimal("0.01"))
    whole, _, frac = f"{abs(value):.2f}".partition(".")
    groups = [whole[max(0, i - 3) : i] for i in range(len(whole), 0, -3)][::-1]
    return f"{'-' if value < 0 else ''}{' '.join(groups)},{frac} ₽"


def signed(amount: str | Decimal) -> str:
    """`+120 000,00 ₽` / `−31 500,00 ₽` (a real minus), as the SPA's formatSigned."""
    value = Decimal(amount)
    text = rub(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


def ru_day(iso: str, today: date) -> str:
    """`2026-12-05` → `5 декабря` (with `2027 г.` when it is not this year)."""
    day = date.fromisoformat(iso[:10])
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year} г."


def refresh(api: httpx.Client) -> dict[str, Any]:
    """A full refresh of every connected bank, waited for (a 409 waits for the running one)."""
    answer = api.post("/api/sync/full-refresh", params={"force": "true"})
    if answer.status_code == 409:
        sync_id = next(d["message"] for d in answer.json()["error"]["details"] if d["field"] == "sync_id")
    else:
        answer.raise_for_status()
        sync_id = answer.json()["sync_id"]
    return wait_for_sync(api, sync_id)


def dashboard(api: httpx.Client) -> dict[str, Any]:
    answer = api.get("/api/dashboard")
    answer.raise_for_status()
    return dict(answer.json())


def all_transactions(api: httpx.Client, **filters: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = api.get(
            "/api/transactions", params={**filters, "limit": 200, **({"cursor": cursor} if cursor else {})}
        )
        page.raise_for_status()
        body = page.json()
        rows += body["transactions"]
        cursor = body["next_cursor"]
        if not cursor:
            return rows
    raise TimeoutError("transactions kept paging for 2 minutes")


@contextmanager
def customer_user(
    app: App, customer_id: str, name: str, products: dict[str, Any] | None = None
) -> Iterator[tuple[str, httpx.Client]]:
    """A second user (e-mail `name-…@example.com`, the demo password) who is `customer_id` at every
    bank, connected and synced once (`products`: the product consent's options, default read
    only); the customer ids are freed afterwards (an id belongs to one user). Yields the e-mail and
    an API client signed in as them."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    config = app.config()
    cognito = boto3.client(
        "cognito-idp",
        endpoint_url=app.moto_url,
        region_name=config["region"],
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    cognito.admin_create_user(
        UserPoolId=config["userPoolId"],
        Username=email,
        MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
    )
    cognito.admin_set_user_password(
        UserPoolId=config["userPoolId"], Username=email, Password=DEMO_PASSWORD, Permanent=True
    )
    token = cognito_sign_in(app, email, DEMO_PASSWORD)
    api = httpx.Client(base_url=app.api_url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    try:
        for bank in app.bank_urls:
            api.put(f"/api/me/banks/{bank}", json={"customer_id": customer_id}).raise_for_status()
        connect_every_bank(api, app.bank_urls, products=products)
        yield email, api
    finally:
        for bank in app.bank_urls:
            api.delete(f"/api/me/banks/{bank}")
        api.close()
