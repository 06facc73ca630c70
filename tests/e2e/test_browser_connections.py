"""The demo user keeps their banks connected: revoke and reconnect, renew a consent near expiry, and
see a failing bank as stale (with its last good time) while the others are fresh.

Set-up goes through the app's own API as the demo user (consents at the three sandbox banks, the
manual one approved at the bank, onboarding done, a first sync); one vbank consent is made near
expiry through the sandbox admin API (`consent_days`). Screens are screenshotted at 1280 and
375 px and checked with axe-core.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.browser import App, Screens, sign_in

pytestmark = pytest.mark.browser
BANKS = ["vbank", "abank", "sbank"]


@pytest.fixture(scope="module")
def demo_connected(demo_api: httpx.Client) -> httpx.Client:
    return demo_api


def _open_connections(page: Any, app: App) -> None:
    from playwright.sync_api import expect

    sign_in(page, app)
    expect(page.get_by_test_id("home")).to_be_visible()
    page.get_by_test_id("nav-connections").click()
    expect(page.get_by_test_id("connections")).to_be_visible()


def test_demo_user_lands_in_onboarding_with_customer_ids_prefilled(app: App, screens: Screens) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("step-banks")).to_be_visible()
    for bank in BANKS:
        expect(page.get_by_test_id(f"customer-id-{bank}")).to_have_value("team200-1")
    screens.capture("demo-onboarding")
    screens.assert_accessible()


def test_demo_user_revokes_a_bank_and_reconnects_it(app: App, screens: Screens, demo_connected: Any) -> None:
    from playwright.sync_api import expect

    page = screens.page
    _open_connections(page, app)
    row = page.get_by_test_id("kind-abank-accounts")
    expect(row).to_have_attribute("data-status", "approved")
    screens.capture("connections")

    page.get_by_test_id("revoke-abank-accounts").click()
    dialog = page.get_by_test_id("connection-abank").get_by_test_id("revoke-dialog")
    expect(dialog).to_contain_text("удалит счета, остатки, карты и все операции из ABank")
    screens.capture("revoke-confirm")
    dialog.get_by_test_id("revoke-dialog-confirm").click()
    outcome = page.get_by_test_id("connection-abank").get_by_test_id("revoke-outcome")
    expect(outcome).to_contain_text("отозвано")
    expect(outcome).to_contain_text("Удалено")
    expect(row).to_have_attribute("data-status", "revoked")
    screens.capture("revoked")

    page.get_by_test_id("reconnect-abank-accounts").click()
    expect(row).to_have_attribute("data-status", "approved")
    expect(page.get_by_test_id("connection-abank").get_by_test_id("bank-connected")).to_have_text("Подключён")
    screens.capture("reconnected")
    screens.assert_accessible()


def test_demo_user_renews_a_consent_near_expiry(app: App, screens: Screens, demo_connected: Any) -> None:
    from playwright.sync_api import expect

    page = screens.page
    _open_connections(page, app)
    row = page.get_by_test_id("kind-vbank-accounts")
    expect(row.get_by_test_id("near-expiry-warning")).to_be_visible()
    expect(row.get_by_test_id("kind-expiry")).to_contain_text("осталось")
    screens.capture("near-expiry")

    page.get_by_test_id("renew-vbank-accounts").click()
    expect(row.get_by_test_id("near-expiry-warning")).to_have_count(0)
    expect(row).to_have_attribute("data-status", "approved")
    expect(row.get_by_test_id("kind-expiry")).to_contain_text("дн")
    screens.capture("renewed")
    screens.assert_accessible()


def test_failing_bank_shows_stale_with_its_last_good_time_while_others_are_fresh(
    app: App, screens: Screens, demo_connected: Any
) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sbank = app.admin("sbank")
    sbank.set_faults(error_rate=1.0, error_statuses=[503])
    try:
        _open_connections(page, app)
        page.get_by_test_id("refresh-now").click()
        progress = page.get_by_test_id("refresh-progress").get_by_test_id("sync-progress")
        expect(progress).not_to_have_attribute("data-state", "running", timeout=180_000)
        expect(progress.get_by_test_id("sync-bank-sbank")).to_have_attribute("data-state", "failed")
        expect(progress.get_by_test_id("sync-bank-vbank")).to_have_attribute("data-state", "ok")
        screens.capture("refresh-partial")

        stale = page.get_by_test_id("connection-sbank").get_by_test_id("bank-freshness")
        expect(stale).to_have_attribute("data-status", "stale")
        expect(stale).to_contain_text("Показаны данные на")
        for bank in ("vbank", "abank"):
            fresh = page.get_by_test_id(f"connection-{bank}").get_by_test_id("bank-freshness")
            expect(fresh).to_have_attribute("data-status", "fresh")
            expect(fresh).to_contain_text("обновлены")
        expect(page.get_by_test_id("sync-indicator")).to_have_attribute("data-state", "partial")
        screens.capture("connections-stale")

        page.get_by_role("link", name="Главная", exact=True).click()
        expect(page.get_by_test_id("home-bank-sbank").get_by_test_id("home-stale")).to_contain_text(
            "Данные на"
        )
        screens.capture("home-stale")
    finally:
        sbank.clear_faults()
    screens.assert_accessible()
