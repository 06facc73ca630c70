"""The money picture in the browser, checked against the API's own answers: home's figures, every
details page, the transaction filters and their CSV, the savings goal moving the SDP, and a
customer with neither loans nor income.

The demo user (customer team200-1: salary, mortgage, car loan) is the session's synced demo user,
refreshed once here; the student (team200-5: no income, no loans) is a second user set up through
the API. Every screen is screenshotted at 1280 and 375 px and checked with axe-core.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.e2e.browser import App, Screens, sign_in
from tests.e2e.money import all_transactions, customer_user, dashboard, plain, ru_day, rub, signed

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def student(app: App) -> Iterator[tuple[str, httpx.Client]]:
    """A second user, the sandbox's student at every bank: no income, no loans."""
    with customer_user(app, "team200-5", "artem") as user:
        yield user


def settled(page: Any, in_address: str) -> None:
    """The filters are in the address and the list shows their answer (not the previous one's)."""
    from playwright.sync_api import expect

    page.wait_for_url(f"**{in_address}*")
    expect(page.get_by_test_id("tx-rows")).to_have_attribute("aria-busy", "false")


def text_of(page: Any, test_id: str) -> str:
    return plain(page.get_by_test_id(test_id).first.inner_text())


def test_home_shows_the_dashboard_figures(app: App, screens: Screens, demo: httpx.Client) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("sts-daily")).to_be_visible()
    answer = dashboard(demo)
    d, today = answer["dashboard"], date.fromisoformat(answer["today"])
    sts = d["safe_to_spend"]
    assert text_of(page, "sts-daily") == rub(sts["daily"])
    assert text_of(page, "sts-left-today") == rub(sts["left_today"])
    assert text_of(page, "sts-tomorrow") == rub(sts["tomorrow_daily"])
    assert text_of(page, "cash-total") == rub(d["cash"]["total"])
    assert text_of(page, "debt-total") == rub(d["debt"]["total"])
    assert text_of(page, "health-score") == str(d["health"]["score"])
    for bank in d["cash"]["by_bank"]:
        row = page.get_by_test_id(f"home-bank-{bank['bank_id']}")
        assert plain(row.get_by_test_id("bank-cash").inner_text()) == rub(bank["amount"])
    events = page.get_by_test_id("home-timeline").get_by_test_id("timeline-event")
    assert len(d["timeline"]["events"]) >= 3
    for i, event in enumerate(d["timeline"]["events"][:3]):
        shown = events.nth(i)
        assert plain(shown.get_by_test_id("event-date").inner_text()) == ru_day(event["date"], today)
        if event["amount"] is not None:
            assert plain(shown.get_by_test_id("event-amount").inner_text()) == signed(event["amount"])
    screens.capture("home")

    page.get_by_test_id("sts-why").click()
    terms = page.get_by_test_id("sts-term")
    expect(terms).to_have_count(len(sts["explanation"]))
    for i, term in enumerate(sts["explanation"]):
        amount = plain(terms.nth(i).get_by_test_id("sts-term-amount").inner_text())
        want = f"= {rub(term['amount'])} в день" if term["code"] == "per_day" else signed(term["amount"])
        assert amount == want
        assert term["label"] in plain(terms.nth(i).inner_text())
    page.get_by_test_id("timeline-chart-toggle").first.click()
    rows = page.get_by_test_id("timeline-chart-table").first.locator("tbody tr")
    expect(rows).to_have_count(len(d["timeline"]["events"]))
    screens.capture("home-why-and-table")
    screens.assert_accessible()


def test_details_pages_show_the_same_figures(app: App, screens: Screens, demo: httpx.Client) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("sts-daily")).to_be_visible()
    d = dashboard(demo)["dashboard"]

    page.get_by_test_id("nav-loans").click()
    for loan in d["debt"]["loans"]:
        item = page.get_by_test_id(f"loan-{loan['agreement_id']}")
        expect(item.get_by_test_id("loan-outstanding")).to_have_text(
            rub(loan["outstanding"]).replace(" ", "\u00a0")
        )
    screens.capture("loans")
    page.get_by_test_id("nav-savings").click()
    expect(page.get_by_test_id("savings-page")).to_be_visible()
    screens.capture("savings")
    page.get_by_test_id("nav-plan").click()
    repayment = d["recommendations"]["repayment"]
    expect(page.get_by_test_id("plan-reason")).to_contain_text(repayment["reason"][:40])
    page.get_by_test_id("debt-path-chart-toggle").click()
    expect(page.get_by_test_id("debt-path-chart-table").locator("tbody tr")).to_have_count(
        len(repayment["balance_path"])
    )
    screens.capture("plan")
    for route, test_id in (
        ("cards", "cards-page"),
        ("timeline", "timeline-page"),
        ("spending", "spending-page"),
        ("profile", "profile-page"),
    ):
        page.goto(f"{app.api_url}/#/{route}")
        expect(page.get_by_test_id(test_id)).to_be_visible()
        if route == "spending":
            expect(page.get_by_test_id("spending-total")).to_be_visible()
            page.get_by_test_id("spending-group").select_option("merchant")
            expect(page.get_by_test_id("spending-chart")).to_contain_text("продавцам")
        screens.capture(route)
    screens.assert_accessible()


def test_transaction_filters_and_csv_match_the_api(app: App, screens: Screens, demo: httpx.Client) -> None:
    from playwright.sync_api import expect

    page = screens.page
    sign_in(page, app)
    expect(page.get_by_test_id("home")).to_be_visible()
    page.get_by_test_id("nav-accounts").click()
    expect(page.get_by_test_id("tx-row").first).to_be_visible()
    screens.capture("accounts")

    outs = all_transactions(demo, bank_id="vbank", direction="out")
    category = max({t["category"] for t in outs}, key=lambda c: sum(t["category"] == c for t in outs))
    filters = {"bank_id": "vbank", "direction": "out", "category": category}
    want = all_transactions(demo, **filters)
    assert want
    page.get_by_test_id("filter-bank").select_option("vbank")
    page.get_by_test_id("filter-direction").select_option("out")
    page.get_by_test_id("filter-category").select_option(category)
    settled(page, f"bank_id=vbank&direction=out&category={category}")
    # Pages as they would load while scrolling. The list also loads the next page by itself when
    # its end comes into view, so «Показать ещё» may vanish between seeing it and clicking it: it is
    # pressed only if still there, and each round waits for the next state, not a fixed time.
    ready = page.locator('[data-testid="tx-more"]:not([disabled]), [data-testid="tx-end"]').first
    while True:
        expect(ready).to_be_visible()
        if page.get_by_test_id("tx-end").is_visible():
            break
        page.evaluate("() => document.querySelector('[data-testid=\"tx-more\"]:not([disabled])')?.click()")
    shown = page.get_by_test_id("tx-row").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert shown == [t["transaction_id"] for t in want]
    first = page.get_by_test_id("tx-row").first
    assert plain(first.get_by_test_id("tx-amount").inner_text()) == signed(want[0]["amount"])
    assert want[0]["category_label"] in first.inner_text()
    screens.capture("transactions-filtered")

    with page.expect_download() as download:
        page.get_by_test_id("tx-export").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [r["ID операции"] for r in rows] == [t["transaction_id"] for t in want]
    assert [Decimal(r["Сумма"].replace(",", ".")) for r in rows] == [Decimal(t["amount"]) for t in want]

    word = next(t["merchant_name"] for t in want if t["merchant_name"]).split()[0]
    page.get_by_test_id("filter-q").fill(word)
    settled(page, "q=")
    narrowed = all_transactions(demo, **filters, q=word)
    expect(page.get_by_test_id("tx-row")).to_have_count(min(len(narrowed), 50))
    screens.capture("transactions-search")
    screens.assert_accessible()


def test_a_savings_goal_changes_the_sdp_on_home(app: App, screens: Screens, demo: httpx.Client) -> None:
    from playwright.sync_api import expect

    page = screens.page
    before = demo.get("/api/me/financial-inputs").json()
    today = date.fromisoformat(dashboard(demo)["today"])
    sign_in(page, app)
    expect(page.get_by_test_id("home")).to_be_visible()
    assert text_of(page, "plan-sdp-amount") == f"{rub('0')} в день"
    try:
        page.get_by_test_id("account-menu").locator("summary").click()
        page.get_by_test_id("nav-profile").click()
        page.get_by_test_id("goal-amount").fill("-5")
        expect(page.get_by_test_id("profile-inputs")).to_contain_text("Сумма цели больше нуля")
        expect(page.get_by_test_id("profile-save")).to_be_disabled()
        page.get_by_test_id("goal-amount").fill("600000")
        page.get_by_test_id("goal-date").fill((today + timedelta(days=200)).isoformat())
        screens.capture("profile-goal")
        page.get_by_test_id("profile-save").click()
        expect(page.get_by_test_id("profile-saved")).to_be_visible()
        sdp = dashboard(demo)["dashboard"]["daily_plan"]["sdp_daily"]
        assert Decimal(sdp) > 0
        page.get_by_test_id("nav-home").click()
        expect(page.get_by_test_id("plan-sdp-amount")).to_have_text(
            f"{rub(sdp)} в день".replace(" ", "\u00a0")
        )
        screens.capture("home-with-goal")
    finally:
        keep = {k: before[k] for k in ("salary", "paydays", "savings_goal_amount", "savings_goal_date",
                                      "repayment_speed", "strategy", "safety_buffer", "timezone",
                                      "credit_payment_overrides")}  # fmt: skip
        demo.put("/api/me/financial-inputs", json=keep).raise_for_status()
    screens.assert_accessible()


def test_a_customer_without_loans_or_income_gets_empty_states(
    app: App, screens: Screens, student: tuple[str, httpx.Client]
) -> None:
    from playwright.sync_api import expect

    email, api = student
    page = screens.page
    sign_in(page, app, email=email)
    expect(page.get_by_test_id("sts-daily")).to_be_visible()
    d = dashboard(api)["dashboard"]
    assert d["debt"]["loans"] == []
    assert d["income"]["regularity"] == "none"
    assert text_of(page, "sts-daily") == rub(d["safe_to_spend"]["daily"])
    expect(page.get_by_test_id("safe-to-spend")).to_contain_text("Доход не найден")
    expect(page.get_by_test_id("debt-none")).to_be_visible()
    screens.capture("student-home")
    for route, empty in (("loans", "loans-empty"), ("plan", "plan-empty"), ("cards", "cards-empty")):
        page.goto(f"{app.api_url}/#/{route}")
        expect(page.get_by_test_id(empty)).to_be_visible()
        screens.capture(f"student-{route}")
    for route in ("", "savings", "timeline", "plan"):
        page.goto(f"{app.api_url}/#/{route}")
        page.wait_for_timeout(500)
        body = page.locator("main").inner_text()
        assert "NaN" not in body
        assert "undefined" not in body
    screens.assert_accessible()
