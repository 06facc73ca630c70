"""Helpers for the browser tests: the app under test, screenshots at two widths, axe-core checks.

The app is `python -m devstack` (what `make dev` runs) on free ports — or, while developing a
test, a stack you already started: `FINPULSE_E2E_STATE=/path/to/state.json` (its `--state-file`).
Accessibility: the axe-core engine from npm (`frontend/node_modules/axe-core`, the engine that
`@axe-core/playwright` wraps) is injected into the page and run on every screen; any serious or
critical violation fails the test. Screenshots and axe reports go to `test-results/e2e/<test>/`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from devstack import demo
from devstack.template import ROOT
from sandbox.client import AdminClient

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
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-results" / "e2e"
WIDTHS = (1280, 375)
HEIGHT = 900
DEMO_EMAIL = "demo@finpulse.dev"
DEMO_PASSWORD = "FinPulse-demo-1"


@dataclass
class App:
    """A running local stack, as the browser tests need it."""

    api_url: str
    moto_url: str
    bank_urls: dict[str, str]
    outbox: Path

    def admin(self, bank_id: str) -> AdminClient:
        return AdminClient(self.bank_urls[bank_id])

    def code_for(self, email: str, purpose: str) -> str:
        """The latest code the local user pool "e-mailed" to `email` (sign-up or password-reset)."""
        for line in reversed(self.outbox.read_text().splitlines()):
            message = json.loads(line)
            if message["to"].lower() == email.lower() and message["purpose"] == purpose:
                return str(message["code"])
        raise AssertionError(f"no {purpose} code for {email} in {self.outbox}")

    def config(self) -> dict[str, Any]:
        return dict(httpx.get(self.api_url + "/config.json", timeout=10).json())


def app_from_state(state_file: Path) -> App:
    state = json.loads(state_file.read_text())
    return App(
        state["api_url"], state["moto_url"], state.get("banks", {}), state_file.parent / "outbox.jsonl"
    )


@dataclass
class Screens:
    """Screenshots (1280 px and 375 px) and axe checks of each screen a test passes through."""

    page: Any
    name: str
    shots: list[Path] = field(default_factory=list)
    violations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return ARTIFACTS / self.name

    def capture(self, screen: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        number = len(self.shots) // len(WIDTHS) + 1
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": HEIGHT})
            self.page.wait_for_timeout(150)  # let the layout settle at the new width
            self.page.mouse.move(0, 0)  # the pointer off the page: no chart tooltip in the shot
            self.page.evaluate(SCROLL_THROUGH)  # charts draw as they come near the screen
            self.page.wait_for_timeout(300)
            found = serious_violations(self.page)
            if found:
                self.violations[f"{screen}@{width}"] = found
            path = self.folder / f"{number:02d}-{screen}-{width}.png"
            self.page.screenshot(path=str(path), full_page=True)
            self.shots.append(path)
        self.page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        (self.folder / "axe.json").write_text(json.dumps(self.violations, indent=1, ensure_ascii=False))

    def assert_accessible(self) -> None:
        found = json.dumps(self.violations, ensure_ascii=False)
        assert not self.violations, f"axe: serious/critical violations: {found}"


# Scrolls the page down half a screen at a time and back to the top, as a person reading it does.
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 40));
  }
  scrollTo(0, 0);
}"""

AXE_RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {
      type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


def serious_violations(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    return [v for v in found if v["impact"] in ("serious", "critical")]


def sign_in(page: Any, app: App, email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD) -> None:
    page.goto(app.api_url + "/")
    page.get_by_test_id("signin-username").fill(email)
    page.get_by_test_id("signin-password").fill(password)
    page.get_by_test_id("signin-submit").click()


def cognito_sign_in(app: App, email: str, password: str) -> str:
    """An ID token for API set-up calls, from the stack's user pool (as the SPA gets one)."""
    tokens = demo.cognito_sign_in(app.moto_url, app.config()["userPoolClientId"], email, password)
    return str(tokens["IdToken"])


def safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::")[-1])
