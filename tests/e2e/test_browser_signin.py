"""The demo user signs in to the SPA served by the local stack and sees the three banks.

Drives Debian's headless Chromium with Playwright against `python -m devstack` (the `make dev`
stack) on free ports: the SPA from frontend/dist, Cognito through the moto endpoint, the API through
SAM's emulator with the JWT authorizer, the Lambdas in awslambdaric sandboxes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devstack.process import DevStackProcess
from devstack.template import ROOT

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-quic",
    "--disable-component-update",
    "--disable-sync",
]
DIST = ROOT / "frontend" / "dist"


@pytest.fixture(scope="module")
def app_url(request: pytest.FixtureRequest, chromium: Path) -> str:
    if not (DIST / "index.html").is_file():
        pytest.skip("frontend/dist is missing: build the SPA first (`make spa`)")
    stack: DevStackProcess = request.getfixturevalue("dev_stack")
    return stack.api_url


def test_demo_user_signs_in_and_sees_three_banks(
    app_url: str, dev_stack: DevStackProcess, chromium: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            page.goto(app_url + "/")
            page.get_by_test_id("signin-username").fill("demo@finpulse.dev")
            page.get_by_test_id("signin-password").fill("FinPulse-demo-1")
            page.get_by_test_id("signin-submit").click()
            expect(page.get_by_test_id("user-email")).to_have_text("demo@finpulse.dev")
            expect(page.get_by_test_id("bank-list")).to_be_visible()
            for bank_id, name in (("vbank", "VBank"), ("abank", "ABank"), ("sbank", "SBank")):
                row = page.get_by_test_id(f"bank-row-{bank_id}")
                expect(row).to_be_visible()
                expect(row.get_by_test_id("bank-name")).to_have_text(name)
        except Exception:
            print(dev_stack.log[-3000:])  # shown by pytest on failure
            raise
        finally:
            browser.close()
