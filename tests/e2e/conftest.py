"""Browser tests: one local stack and one Chromium for the whole session (see browser.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.demo import DEMO_EMAIL, DEMO_PASSWORD, connect_every_bank
from tests.e2e.browser import (
    CHROMIUM_ARGS,
    HEIGHT,
    WIDTHS,
    App,
    Screens,
    app_from_state,
    cognito_sign_in,
    safe_name,
)
from tests.e2e.money import refresh

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


@pytest.fixture(scope="session")
def app(request: pytest.FixtureRequest) -> App:
    if not (DIST / "index.html").is_file():
        pytest.skip("frontend/dist is missing: build the SPA first (`make spa`)")
    running = os.environ.get("FINPULSE_E2E_STATE")
    if running:
        return app_from_state(Path(running))
    stack = request.getfixturevalue("dev_stack")
    return App(stack.api_url, stack.moto_url, stack.bank_urls, stack.outbox)


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a bank call, a Lambda cold start: seconds, not ms
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(
        viewport={"width": WIDTHS[0], "height": HEIGHT}, locale="ru-RU", timezone_id="Europe/Moscow"
    )
    ctx.set_default_timeout(30_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def screens(context: Any, request: pytest.FixtureRequest) -> Screens:
    return Screens(context.new_page(), safe_name(request.node.nodeid))


@pytest.fixture(scope="session")
def demo_api(app: App) -> Iterator[httpx.Client]:
    """The demo user with every sandbox bank connected and synced once for the whole session (its
    vbank consents expire in 5 days, for the renewal test): an API client signed in as them."""
    token = cognito_sign_in(app, DEMO_EMAIL, DEMO_PASSWORD)
    api = httpx.Client(base_url=app.api_url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    connect_every_bank(api, app.bank_urls, near_expiry_bank="vbank")
    yield api
    api.close()


@pytest.fixture(scope="module")
def demo(app: App, demo_api: httpx.Client) -> httpx.Client:
    """The demo user as a module starts: no bank faults left by another module, data refreshed."""
    for bank in app.bank_urls:
        app.admin(bank).clear_faults()
    assert refresh(demo_api)["state"] == "succeeded"
    return demo_api
