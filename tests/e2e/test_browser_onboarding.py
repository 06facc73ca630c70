"""A brand-new user signs up, confirms the e-mailed code, goes through onboarding with three banks
(approving the manual bank's consent on its own page in a second tab), sees the first sync finish
and lands on the home page; then resets the password and signs out on every device.

Real parts only: the SPA from frontend/dist, Cognito through the stack's user pool, the API and
its Lambdas, the sandbox banks over HTTP. Every screen is screenshotted at 1280 and 375 px and
checked with axe-core.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.e2e.browser import App, Screens

pytestmark = pytest.mark.browser

PASSWORD = "Novyi-klient-2024"
NEW_PASSWORD = "Drugoi-parol-2025"
CUSTOMER = "team200-2"  # the saver: deposits at every bank (the demo user is team200-1)


def _checking_account(app: App, bank: str) -> str:
    """The customer's current-account number, as they would read it in their bank's app."""
    customer = next(c for c in app.admin(bank).customers() if c["customer_id"] == CUSTOMER)
    return str(next(a["number"] for a in customer["accounts"] if a["kind"] in ("checking", "current")))


def test_new_user_signs_up_onboards_three_banks_and_reaches_home(
    app: App, screens: Screens, context: Any
) -> None:
    from playwright.sync_api import expect

    page = screens.page
    email = f"anna-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(app.api_url + "/")
    expect(page.get_by_test_id("signin-form")).to_be_visible()
    screens.capture("signin")

    page.get_by_test_id("link-signup").click()
    page.get_by_test_id("signup-email").fill(email)
    page.get_by_test_id("signup-password").fill("short")
    expect(page.get_by_test_id("password-rules").locator("[data-met=false]")).to_have_count(3)
    page.get_by_test_id("signup-password").fill(PASSWORD)
    expect(page.get_by_test_id("password-rules").locator("[data-met=false]")).to_have_count(0)
    screens.capture("signup")
    page.get_by_test_id("signup-submit").click()

    expect(page.get_by_test_id("confirm-form")).to_be_visible()
    expect(page.get_by_test_id("confirm-local-hint")).to_contain_text("make dev")
    page.get_by_test_id("confirm-code").fill(
        "000000" if app.code_for(email, "sign-up") != "000000" else "111111"
    )
    page.get_by_test_id("confirm-submit").click()
    expect(page.get_by_test_id("confirm-error")).to_contain_text("Неверный код")
    page.get_by_test_id("confirm-code").fill(app.code_for(email, "sign-up"))
    screens.capture("confirm")
    page.get_by_test_id("confirm-submit").click()

    # 1. Who you are at each bank.
    expect(page.get_by_test_id("step-banks")).to_be_visible()
    page.get_by_test_id("customer-id-vbank").fill("bad id!")
    page.get_by_test_id("customer-id-abank").focus()
    expect(page.get_by_test_id("step-banks").get_by_role("alert")).to_contain_text("латинские буквы")
    page.get_by_test_id("customer-id-vbank").fill("team200-1")  # the demo user's: taken
    page.get_by_test_id("banks-next").click()
    expect(page.get_by_test_id("step-banks").get_by_role("alert").first).to_contain_text(
        "уже привязан к другой учётной записи"
    )
    for bank in ("vbank", "abank", "sbank"):
        page.get_by_test_id(f"customer-id-{bank}").fill(CUSTOMER)
    screens.capture("onboarding-banks")
    page.get_by_test_id("banks-next").click()

    # 2. Consents: choose, one init for all banks, live cards.
    expect(page.get_by_test_id("step-consents")).to_be_visible()
    page.get_by_test_id("choice-abank-products").uncheck()
    page.get_by_test_id("choice-vbank-payments").check()  # with limits, explained in plain words
    limits = page.get_by_test_id("choice-vbank")
    expect(limits).to_contain_text("FinPulse сможет провести до 10 платежей")
    page.get_by_test_id("consents-request").click()
    expect(limits.get_by_role("alert")).to_contain_text("Номер счёта")  # no debtor account yet
    limits.get_by_label("Счёт списания").fill(_checking_account(app, "vbank"))
    screens.capture("onboarding-consents-choose")
    page.get_by_test_id("consents-request").click()
    expect(page.get_by_test_id("consent-card-vbank-accounts")).to_have_attribute("data-state", "approved")
    expect(page.get_by_test_id("consent-card-vbank-products")).to_have_attribute("data-state", "approved")
    expect(page.get_by_test_id("consent-card-vbank-payments")).to_have_attribute("data-state", "approved")
    expect(page.get_by_test_id("consent-card-abank-accounts")).to_have_attribute("data-state", "approved")
    expect(page.get_by_test_id("consent-card-abank-products")).to_have_count(0)
    manual = page.get_by_test_id("consent-card-sbank-accounts")
    expect(manual).to_have_attribute("data-state", "pending")
    expect(manual).to_contain_text("Подтвердите в приложении банка")
    screens.capture("onboarding-consents-pending")

    # The customer approves at the manual bank in a second tab; the card turns approved by itself.
    with context.expect_page() as opened:
        page.get_by_test_id("approve-link-sbank").first.click()
    bank_page = opened.value
    bank_page.get_by_role("button", name="Подписать").first.click()
    bank_page.wait_for_load_state()
    if bank_page.get_by_role("button", name="Подписать").count():  # the products consent, if listed
        bank_page.get_by_role("button", name="Подписать").first.click()
    bank_page.close()
    page.bring_to_front()
    expect(manual).to_have_attribute("data-state", "approved", timeout=45_000)
    screens.capture("onboarding-consents-approved")
    page.get_by_test_id("consents-next").click()

    # 3. Goals: validated inline, all optional.
    expect(page.get_by_test_id("step-goals")).to_be_visible()
    page.get_by_test_id("goal-paydays").fill("5, 40")
    page.get_by_test_id("goals-next").click()
    expect(page.get_by_test_id("step-goals").get_by_role("alert").first).to_contain_text("от 1 до 31")
    page.get_by_test_id("goal-paydays").fill("5, 20")
    page.get_by_test_id("goal-amount").fill("300000")
    screens.capture("onboarding-goals")
    page.get_by_test_id("goals-next").click()

    # 4. The first sync, bank by bank, then home.
    expect(page.get_by_test_id("step-sync")).to_be_visible()
    expect(page.get_by_test_id("sync-finish")).to_be_visible(timeout=120_000)
    for bank in ("vbank", "abank", "sbank"):
        expect(page.get_by_test_id(f"sync-bank-{bank}")).to_have_attribute("data-state", "ok")
    expect(page.get_by_test_id("sync-progress")).to_contain_text("операци")
    screens.capture("onboarding-sync-done")
    page.get_by_test_id("sync-finish").click()

    expect(page.get_by_test_id("home")).to_be_visible()
    expect(page.get_by_test_id("sts-daily")).to_contain_text("₽")
    expect(page.get_by_test_id("home-bank-vbank").get_by_test_id("bank-cash")).to_contain_text("₽")
    expect(page.get_by_test_id("sync-indicator")).to_contain_text("Обновлено")
    screens.capture("home")

    # Resumable: a reload stays on home (the server remembers onboarding is done).
    page.reload()
    expect(page.get_by_test_id("home")).to_be_visible()

    # Sign out everywhere, then reset the password with the e-mailed code.
    page.get_by_test_id("account-menu").locator("summary").click()
    screens.capture("account-menu")
    page.get_by_test_id("sign-out-everywhere").click()
    expect(page.get_by_test_id("signin-notice")).to_have_text("Вы вышли из FinPulse на всех устройствах.")
    page.get_by_test_id("link-forgot").click()
    page.get_by_test_id("forgot-email").fill(email)
    page.get_by_test_id("forgot-submit").click()
    expect(page.get_by_test_id("reset-form")).to_be_visible()
    page.get_by_test_id("reset-code").fill(app.code_for(email, "password-reset"))
    page.get_by_test_id("reset-password").fill(NEW_PASSWORD)
    screens.capture("password-reset")
    page.get_by_test_id("reset-submit").click()
    expect(page.get_by_test_id("home")).to_be_visible()

    screens.assert_accessible()
