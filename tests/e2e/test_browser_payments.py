"""Payments in the browser: an MDP from the loans page goes form → quote (every check) → confirm →
completed; a double click on confirm makes one payment (the banks' own request logs count the
POST /payments they received); the loan's outstanding amount on the page falls by the amount
without a reload; the history lists the payment. An extra payment whose answer is lost is sent
again after a reload with the same Idempotency-Key, and paid once. A savings top-up (SDP) goes
from the daily plan on home to the deposit, pre-filled with the plan's amount.

The demo user is the session's synced demo user (tests/e2e/conftest.py); the saver (team200-4: a
deposit at ABank) is a second user set up through the API. Every screen is screenshotted at 1280
and 375 px and checked with axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.e2e.browser import App, Screens, sign_in
from tests.e2e.money import customer_user, dashboard, plain, rub

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def saver(app: App) -> Iterator[tuple[str, httpx.Client]]:
    """A second user, customer team200-4 at every bank (a deposit at ABank), saving for a goal."""
    with customer_user(app, "team200-4", "vera") as (email, api):
        today = date.fromisoformat(dashboard(api)["today"])
        api.put(
            "/api/me/financial-inputs",
            json={
                "savings_goal_amount": "300000",
                "savings_goal_date": (today + timedelta(days=300)).isoformat(),
            },
        ).raise_for_status()
        yield email, api


def payment_posts(app: App) -> int:
    """POST /payments every sandbox bank received, whatever it answered (by path: a request a fault
    answered never reaches its route)."""
    return sum(int(app.admin(b).counters()["by_path"].get("POST /payments", 0)) for b in app.bank_urls)


def test_mdp_from_the_loans_page_pays_once_and_the_loan_falls_by_the_amount(
    app: App, screens: Screens, demo: httpx.Client
) -> None:
    from playwright.sync_api import expect

    d = dashboard(demo)["dashboard"]
    loan = next(loan for loan in d["debt"]["loans"] if loan["next_payment_amount"])
    amount, before = Decimal(loan["next_payment_amount"]), Decimal(loan["outstanding"])
    accounts = demo.get("/api/accounts").json()["accounts"]
    payable = [a for a in accounts if a["kind"] in ("current", "savings") and a["available"]]
    debtor = max(payable, key=lambda a: Decimal(a["available"]["amount"]))
    assert Decimal(debtor["available"]["amount"]) >= amount

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("home")).to_be_visible()
    page.get_by_test_id("nav-loans").click()
    item = page.get_by_test_id(f"loan-{loan['agreement_id']}")
    expect(item.get_by_test_id("loan-outstanding")).to_have_text(rub(before).replace(" ", "\u00a0"))
    item.get_by_test_id("loan-pay-mdp").click()

    expect(page.get_by_test_id("payment-form")).to_be_visible()
    expect(page.get_by_test_id("payment-target")).to_have_text(loan["name"])
    amount_shown = page.get_by_test_id("payment-amount").input_value()
    assert plain(amount_shown).replace(",", ".") == loan["next_payment_amount"]
    page.get_by_test_id(f"debtor-{debtor['bank_id']}-{debtor['account_id']}").check()
    screens.capture("payment-form")
    page.get_by_test_id("payment-quote").click()
    step = page.get_by_test_id("payment-quote-step")
    expect(step).to_have_attribute("data-ok", "true")
    expect(page.get_by_test_id("quote-amount")).to_have_text(rub(amount).replace(" ", "\u00a0"))
    assert page.get_by_test_id("payment-check").count() >= 5
    expect(page.locator("[data-testid=payment-check][data-ok=false]")).to_have_count(0)
    screens.capture("payment-quote")

    posts = payment_posts(app)
    page.get_by_test_id("payment-confirm").dblclick()
    status = page.get_by_test_id("payment-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=60_000)
    assert payment_posts(app) - posts == 1  # two clicks, one payment at the bank
    payment_id = page.url.rsplit("/", 1)[-1]
    mine = [p for p in demo.get("/api/payments", params={"kind": "mdp"}).json()["payments"] if p["amount"]]
    assert [p["payment_id"] for p in mine if Decimal(p["amount"]) == amount][:1] == [payment_id]
    screens.capture("payment-completed")

    page.get_by_test_id("nav-loans").click()  # no reload: the app refetches as the banks re-sync
    expect(item.get_by_test_id("loan-outstanding")).to_have_text(
        rub(before - amount).replace(" ", "\u00a0"), timeout=60_000
    )
    screens.capture("loans-after-payment")
    page.get_by_test_id("nav-payments").click()
    expect(page.locator(f"[data-testid=payment-row][data-id='{payment_id}']")).to_have_attribute(
        "data-status", "completed"
    )
    screens.capture("payments-history")
    screens.assert_accessible()


def test_a_lost_answer_then_a_reload_sends_the_same_payment_never_a_second(
    app: App, screens: Screens, demo: httpx.Client
) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("home")).to_be_visible()
    d = dashboard(demo)["dashboard"]
    loan = next(loan for loan in d["debt"]["loans"] if Decimal(loan["outstanding"]) > 100)
    page.goto(
        f"{app.api_url}/#/payments/new?kind=adp&bank={loan['bank_id']}&agreement={loan['agreement_id']}"
    )
    page.get_by_test_id("payment-amount").fill("100,00")
    page.get_by_test_id("payment-quote").click()
    expect(page.get_by_test_id("payment-quote-step")).to_have_attribute("data-ok", "true")
    posts = payment_posts(app)

    keys: list[str] = []

    def lose_the_answer(route: Any) -> None:
        route.fetch()  # the server gets the payment and makes it; its answer never arrives
        keys.append(route.request.headers["idempotency-key"])
        route.abort("connectionreset")

    page.route("**/api/payments/adp", lose_the_answer)
    page.get_by_test_id("payment-confirm").click()
    expect(page.get_by_test_id("payment-confirm")).to_have_text("Повторить")
    screens.capture("payment-answer-lost")
    page.unroute("**/api/payments/adp")
    with page.expect_request(lambda r: "/api/payments/adp" in r.url) as again:
        page.reload()  # the tab remembers the attempt: the same request goes again, with the same key
    assert again.value.headers["idempotency-key"] == keys[0]
    expect(page.get_by_test_id("payment-status")).to_be_visible()
    assert payment_posts(app) - posts == 1
    screens.capture("payment-after-reload")
    screens.assert_accessible()


def test_a_top_up_from_the_daily_plan_reaches_the_deposit(
    app: App, screens: Screens, saver: tuple[str, httpx.Client]
) -> None:
    from playwright.sync_api import expect

    email, api = saver
    d = dashboard(api)["dashboard"]
    sdp = d["daily_plan"]["sdp_daily"]
    deposit = next(item for item in d["savings"]["items"] if item["kind"] == "deposit")
    assert Decimal(sdp) > 0
    page = screens.page
    sign_in(page, app, email=email)
    page.get_by_test_id("pay-sdp").click()  # the daily plan → the savings page, where to top up
    row = page.get_by_test_id(f"savings-{deposit['ref']}")
    expect(row).to_contain_text(rub(deposit["amount"]).replace(" ", "\u00a0"))
    row.get_by_test_id("savings-top-up").click()
    expect(page.get_by_test_id("payment-target")).to_have_text(deposit["name"])
    assert plain(page.get_by_test_id("payment-amount").input_value()).replace(",", ".") == sdp
    page.get_by_test_id("payment-quote").click()
    expect(page.get_by_test_id("payment-quote-step")).to_have_attribute("data-ok", "true")
    screens.capture("sdp-quote")
    page.get_by_test_id("payment-confirm").click()
    expect(page.get_by_test_id("payment-status")).to_have_attribute(
        "data-status", "completed", timeout=60_000
    )
    screens.capture("sdp-completed")
    page.get_by_test_id("nav-savings").click()
    expect(row).to_contain_text(
        rub(Decimal(deposit["amount"]) + Decimal(sdp)).replace(" ", "\u00a0"), timeout=60_000
    )
    page.get_by_test_id("nav-payments").click()
    page.get_by_test_id("pf-kind").select_option("sdp")
    expect(page.get_by_test_id("payment-row")).to_have_count(1)
    expect(page.get_by_test_id("payment-row")).to_have_attribute("data-status", "completed")
    screens.capture("sdp-history")
    screens.assert_accessible()
