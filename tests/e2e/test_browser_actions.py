"""Acting on advice in the browser: a deposit opened from the savings goal's best deposit (quote
with every check → one confirm → the new deposit with its account number, counted in the goal),
then closed from the savings page (what comes back, interest lost → confirm → the money back); a
refinance from an offer on the plan (quote: both banks, figures, every step → confirm → live
progress), stopped safely by a bank fault at the money-moving step, explained, and resumed to the
end: the old loan gone from the loans page, the new one there.

The saver (team200-10: a current account with 2.5 M at every bank) and the refinance candidate
(team200-9: a 23.9 % loan at ABank, VBank's refinancing at 11.5 %) are set up through the API
with read-only product consents, as onboarding leaves them. Each right the action needs (open a
deposit, close it; open the new loan at VBank, close the old one at ABank) is granted in the app,
where the refusal is shown: the person sees exactly what will be asked for, the bank approves
(auto banks at once; at the manual SBank on its own page in a second tab, the card polling until
it sees the approval) and the quote turns green by itself. Every screen is screenshotted at 1280
and 375 px and checked with axe-core.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.e2e.browser import App, Screens, sign_in
from tests.e2e.money import customer_user, dashboard, plain, rub

pytestmark = pytest.mark.browser

MANUAL = "sbank"  # the sandbox bank whose customer approves consents on the bank's own page
nb = lambda amount: rub(amount).replace(" ", "\u00a0")  # noqa: E731 — Intl's no-break spaces


@pytest.fixture(scope="module")
def saver(app: App) -> Iterator[tuple[str, httpx.Client]]:
    with customer_user(app, "team200-10", "nina") as (email, api):
        today = date.fromisoformat(dashboard(api)["today"])
        api.put(
            "/api/me/financial-inputs",
            json={
                "savings_goal_amount": "30000000",
                "savings_goal_date": (today + timedelta(days=365)).isoformat(),
            },
        ).raise_for_status()
        yield email, api


@pytest.fixture(scope="module")
def borrower(app: App) -> Iterator[tuple[str, httpx.Client]]:
    with customer_user(app, "team200-9", "olga") as user:
        yield user


def _opens(app: App, bank: str, method: str = "POST") -> int:
    return int(app.admin(bank).counters()["by_path"].get(f"{method} /product-agreements", 0))


def _products_consent(api: httpx.Client, bank: str) -> dict[str, Any]:
    status = api.get("/api/consents/status").json()
    return dict(next(b for b in status["banks"] if b["bank_id"] == bank)["products"]["current"])


def _approve_at_bank(context: Any, box: Any, bank: str) -> None:
    """At the manual bank the customer signs the request on the bank's page, in a second tab."""
    from playwright.sync_api import expect

    if bank != MANUAL:
        return
    expect(box).to_have_attribute("data-state", "pending")
    with context.expect_page() as opened:
        box.get_by_test_id(f"approve-link-{bank}").click()
    bank_page = opened.value
    bank_page.get_by_role("button", name="Подписать").first.click()
    bank_page.wait_for_load_state()
    bank_page.close()
    box.page.bring_to_front()


def _grant(context: Any, screens: Screens, prefix: str, bank: str, shot: str, *expected: str) -> None:
    """Open the rights form, check what will be asked for, send it and follow it to approval."""
    from playwright.sync_api import expect

    page = screens.page
    page.get_by_test_id(f"{prefix}-ask").click()
    summary = page.get_by_test_id(f"{prefix}-summary")
    for line in expected:
        expect(summary).to_contain_text(line)
    screens.capture(shot)
    page.get_by_test_id(f"{prefix}-send").click()
    box = page.get_by_test_id(prefix)
    _approve_at_bank(context, box, bank)


def test_a_deposit_opened_from_the_goal_counts_in_it_and_closes_back(
    app: App, context: Any, screens: Screens, saver: tuple[str, httpx.Client]
) -> None:
    from playwright.sync_api import expect

    email, api = saver
    d = dashboard(api)["dashboard"]
    bank, _product = d["recommendations"]["savings_plan"]["best_deposit"].split("/", 1)
    saved = Decimal(d["savings"]["goal"]["saved"])
    page = screens.page
    sign_in(page, app, email=email)
    page.get_by_test_id("nav-savings").click()
    expect(page.get_by_test_id("goal-best-deposit")).to_be_visible()
    screens.capture("goal-best-deposit")
    page.get_by_test_id("goal-open-deposit").click()
    expect(page.get_by_test_id("deposit-for-goal")).to_be_visible()
    page.get_by_test_id("deposit-amount").fill("50 000")
    screens.capture("deposit-form")
    page.get_by_test_id("deposit-quote").click()
    step = page.get_by_test_id("deposit-quote-step")
    # Onboarding gave a read-only product consent: the quote says so and offers to ask the bank.
    expect(step).to_have_attribute("data-ok", "false")
    expect(page.locator("[data-testid=deposit-check][data-ok=false]")).to_have_count(1)
    expect(page.get_by_test_id("deposit-refused")).to_contain_text("не разрешает FinPulse открывать")
    expect(page.get_by_test_id("deposit-rights-ask")).to_have_text(
        re.compile(r"Разрешить открывать вклады в \w+")
    )
    screens.capture("deposit-quote-needs-rights")
    page.get_by_test_id("deposit-rights-ask").click()
    expect(page.get_by_test_id("deposit-rights-open")).to_be_checked()
    expect(page.get_by_test_id("deposit-rights-type-deposit")).to_be_checked()
    expect(page.get_by_test_id("deposit-rights-max")).to_have_value("50000")  # the deposit's amount
    page.get_by_test_id("deposit-rights-max").fill("300 000")
    page.get_by_test_id("deposit-rights-form").get_by_role("button", name="Отмена").click()
    assert _products_consent(api, bank)["options"]["open"] is False  # cancelled: nothing was asked
    _grant(context, screens, "deposit-rights", bank, "deposit-rights-form", "Открывать вклады", nb("50000"))
    expect(step).to_have_attribute("data-ok", "true", timeout=60_000)  # re-checked by itself
    granted = _products_consent(api, bank)
    assert granted["options"]["open"] is True
    assert Decimal(granted["options"]["max_amount"]) == 50000
    assert granted["replaces"] is not None  # the read-only consent was replaced, not kept beside it
    expect(page.get_by_test_id("deposit-quote-amount")).to_have_text(nb("50000"))
    interest = plain(page.get_by_test_id("deposit-interest").inner_text())
    assert Decimal(interest.removesuffix(" ₽").replace(" ", "").replace(",", ".")) > 0
    assert page.get_by_test_id("deposit-check").count() >= 5
    expect(page.locator("[data-testid=deposit-check][data-ok=false]")).to_have_count(0)
    screens.capture("deposit-quote")

    opens = _opens(app, bank)
    page.get_by_test_id("deposit-confirm").dblclick()
    result = page.get_by_test_id("agreement-action")
    expect(result).to_have_attribute("data-status", "completed", timeout=60_000)
    assert _opens(app, bank) - opens == 1  # two clicks, one deposit at the bank
    expect(page.get_by_test_id("action-account-number")).to_have_text(re.compile(r"\*{4}\d{4}"))
    screens.capture("deposit-opened")
    action_id = page.url.rsplit("/", 1)[-1]
    agreement_id = api.get(f"/api/agreement-actions/{action_id}").json()["agreement_id"]

    page.get_by_test_id("action-to-savings").click()
    row = page.get_by_test_id(f"savings-{agreement_id}")
    expect(row).to_contain_text(nb("50000"))
    expect(page.get_by_test_id("goal-saved")).to_have_text(nb(saved + 50000), timeout=60_000)
    screens.capture("savings-with-new-deposit")

    row.get_by_test_id("savings-close").click()
    page.get_by_test_id("close-quote").click()
    close_step = page.get_by_test_id("close-quote-step")
    expect(close_step).to_have_attribute("data-ok", "false")  # opening was allowed, closing not yet
    _grant(
        context, screens, "close-rights", bank, "close-rights-form", "Закрывать вклады", "Открывать вклады"
    )
    expect(close_step).to_have_attribute("data-ok", "true", timeout=60_000)
    expect(page.get_by_test_id("close-returned")).to_contain_text("50")
    screens.capture("close-quote")
    page.get_by_test_id("close-confirm").click()
    expect(page.get_by_test_id("agreement-action")).to_have_attribute(
        "data-status", "completed", timeout=60_000
    )
    expect(page.get_by_test_id("action-done")).to_contain_text("деньги вернулись")
    screens.capture("deposit-closed")
    page.get_by_test_id("action-to-savings").click()
    expect(page.get_by_test_id(f"savings-{agreement_id}")).to_have_count(0, timeout=60_000)
    page.get_by_test_id("savings-catalog").click()  # the catalog: best rate first, what is missing
    expect(page.get_by_test_id("product-open").first).to_be_visible()
    screens.capture("products")
    page.get_by_test_id("pr-amount").fill("6000000")  # over every consent's max_amount
    expect(page.get_by_test_id("product-missing").first).to_contain_text("согласие на продукты")
    expect(page.get_by_test_id("product-open")).to_have_count(0)
    expect(page.get_by_test_id("product-rights-ask").first).to_be_visible()
    screens.capture("products-over-the-consent")
    screens.assert_accessible()


def test_the_catalog_asks_a_manual_bank_for_rights_and_waits_for_its_approval(
    app: App, context: Any, screens: Screens, saver: tuple[str, httpx.Client]
) -> None:
    from playwright.sync_api import expect

    email, api = saver
    before = _products_consent(api, MANUAL)
    page = screens.page
    sign_in(page, app, email=email)
    page.get_by_test_id("nav-savings").click()
    page.get_by_test_id("savings-catalog").click()
    page.get_by_test_id("pr-bank").select_option(MANUAL)
    page.get_by_test_id("pr-amount").fill("100000")  # over any cap it was given above
    first = page.locator(f"[data-testid=product][data-bank={MANUAL}][data-can-open=false]").first
    expect(first).to_be_visible()
    product = first.get_attribute("data-product")
    row = page.locator(f"[data-testid=product][data-bank={MANUAL}][data-product='{product}']")
    row.get_by_test_id("product-rights-ask").click()
    expect(row.get_by_test_id("product-rights-max")).to_have_value("100000")
    expect(row.get_by_test_id("product-rights-summary")).to_contain_text("попросит подтвердить")
    screens.capture("catalog-rights-form")
    row.get_by_test_id("product-rights-send").click()
    box = row.get_by_test_id("product-rights")
    expect(box).to_have_attribute("data-state", "pending")
    expect(box).to_contain_text("Подтвердите в приложении банка")
    assert _products_consent(api, MANUAL)["id"] == before["id"]  # the old one is in use meanwhile
    # The bank's other rows do not ask again (that would withdraw this request): they point to it.
    expect(page.get_by_test_id("product-rights-waiting").first).to_contain_text("уже ждёт подтверждения")
    screens.capture("catalog-rights-pending")
    _approve_at_bank(context, box, MANUAL)
    # Polled with back-off until the approval is seen; the catalog then refreshes by itself.
    expect(row).to_have_attribute("data-can-open", "true", timeout=45_000)
    expect(row.get_by_test_id("product-open")).to_be_visible()
    screens.capture("catalog-rights-approved")
    now = _products_consent(api, MANUAL)
    assert now["replaces"] == before["id"]
    assert Decimal(now["options"]["max_amount"]) == 100000
    old = api.get("/api/consent/status", params={"request_id": before["id"]}).json()["consent"]
    assert old["status"] == "revoked"

    page.get_by_test_id("nav-connections").click()  # the «Банки» page shows the rights in force
    rights = page.get_by_test_id(f"kind-{MANUAL}-products").get_by_test_id("kind-rights")
    expect(rights).to_contain_text("Открывать вклады")
    expect(rights).to_contain_text(nb("100000"))
    screens.capture("connections-product-rights")
    screens.assert_accessible()


def test_a_refinance_from_an_offer_stops_safely_and_resumes_to_the_end(
    app: App, context: Any, screens: Screens, borrower: tuple[str, httpx.Client]
) -> None:
    from playwright.sync_api import expect

    email, api = borrower
    offer = next(
        o
        for o in dashboard(api)["dashboard"]["recommendations"]["refinance"]
        if o["offer_bank_id"] == "vbank"
    )
    old_id = offer["loan"].split("/", 1)[1]
    page = screens.page
    sign_in(page, app, email=email)
    page.get_by_test_id("nav-plan").click()
    screens.capture("plan-offers")
    row = page.locator(f"[data-testid=refinance-offer][data-loan='{offer['loan']}'][data-bank=vbank]")
    row.get_by_test_id("refinance-start").first.click()
    step = page.get_by_test_id("refinance-quote-step")
    # Read-only consents at both banks: each bank's missing right is offered where it is refused.
    expect(step).to_have_attribute("data-ok", "false")
    expect(page.get_by_test_id("refinance-refused")).to_contain_text("VBank: ")
    expect(page.get_by_test_id("refinance-refused")).to_contain_text("ABank: ")
    screens.capture("refinance-quote-needs-rights")
    _grant(
        context, screens, "refinance-rights-vbank", "vbank", "refinance-rights-vbank", "Открывать", "кредиты"
    )
    # Re-checked by itself: VBank's right is in force, only ABank's is still offered.
    expect(page.get_by_test_id("refinance-rights-vbank")).to_have_count(0, timeout=60_000)
    expect(page.get_by_test_id("refinance-rights-vbank-ask")).to_have_count(0)
    expect(page.locator("[data-testid=refinance-check][data-ok=false]")).to_have_count(1)
    _grant(
        context, screens, "refinance-rights-abank", "abank", "refinance-rights-abank", "Закрывать", "кредиты"
    )
    expect(step).to_have_attribute("data-ok", "true", timeout=60_000)
    expect(page.get_by_test_id("refi-new-payment")).to_contain_text(nb(offer["new_payment"]))
    expect(page.get_by_test_id("refi-total-saving")).to_have_text(nb(offer["total_saving"]))
    expect(page.get_by_test_id("refi-break-even")).to_contain_text(f"{offer['break_even_month']}-й")
    expect(page.get_by_test_id("refinance-step")).to_have_count(4)
    expect(page.locator("[data-testid=refinance-check][data-ok=false]")).to_have_count(0)
    screens.capture("refinance-quote")

    vbank = app.admin("vbank")  # the payment consent for moving the money cannot be had: a safe stop
    vbank.set_faults(
        error_rate=1.0, error_statuses=[503], paths=["/payment-consents/request"], methods=["POST"]
    )
    try:
        page.get_by_test_id("refinance-confirm").click()
        status = page.get_by_test_id("refinance-status")
        expect(status).to_have_attribute("data-status", "stopped", timeout=90_000)
    finally:
        vbank.clear_faults()
    expect(page.get_by_test_id("refinance-stop")).to_have_attribute("data-step", "move_money")
    expect(page.get_by_test_id("refinance-safe-state")).to_contain_text("лежат на вашем текущем счёте")
    expect(page.locator("[data-testid=refinance-step][data-name=open_loan]")).to_have_attribute(
        "data-status", "done"
    )
    screens.capture("refinance-stopped")

    page.get_by_test_id("refinance-resume").click()
    expect(status).to_have_attribute("data-status", "completed", timeout=120_000)
    expect(page.locator("[data-testid=refinance-step][data-status=done]")).to_have_count(4)
    screens.capture("refinance-completed")
    page.get_by_test_id("nav-loans").click()
    expect(page.get_by_test_id(f"loan-{old_id}")).to_have_count(0, timeout=60_000)
    loans = api.get("/api/loans").json()["loans"]
    assert any(loan["bank_id"] == "vbank" and loan["agreement_id"] != old_id for loan in loans)
    screens.capture("loans-after-refinance")
    screens.assert_accessible()
