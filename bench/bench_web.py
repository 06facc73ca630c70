"""Web benchmark: Lighthouse on the onboarding, connections and home screens of the local stack
(npm `lighthouse` driving Debian's Chromium, default mobile settings: simulated slow 4G and a
4× slower CPU), and the initial JavaScript of the built SPA, gzipped.

Targets (issue "Web app, part 1"): performance ≥ 90, accessibility ≥ 95, best practices ≥ 95 on
each screen; initial JS ≤ 200 KB gzipped. The stack is `python -m devstack` on free ports with
its own sandbox banks; the demo user is measured on onboarding before connecting, then on
connections and home after every bank is connected and synced (devstack.demo).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from devstack import demo
from devstack.process import start_dev_stack

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "frontend" / "dist"
WEB = ROOT / "bench" / "web"
REPORTS = ROOT / "test-results" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
TARGETS = {"performance": 90, "accessibility": 95, "bestPractices": 95}
INITIAL_JS_TARGET_KB = 200.0
RUNS = 5  # per screen; the median run is reported (Lighthouse's advice for variable machines)


def initial_js() -> tuple[float, list[str]]:
    """Gzipped size of what index.html loads before any route chunk: its module script and preloads."""
    html = (DIST / "index.html").read_text()
    files = sorted(set(re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', html)))
    total = sum(len(gzip.compress((DIST / f).read_bytes(), 9)) for f in files)
    return total / 1024, files


def _node_modules() -> None:
    if not (WEB / "node_modules" / "lighthouse").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True)


def _lighthouse(origin: str, session: dict[str, Any], screens: list[dict[str, str]]) -> list[dict[str, Any]]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(
            {
                "chromium": CHROMIUM,
                "origin": origin,
                "storage": {"finpulse.session.v1": json.dumps(session)},
                "screens": screens,
                "reports": str(REPORTS),
                "runs": RUNS,
            },
            handle,
        )
    done = subprocess.run(
        ["node", str(WEB / "lighthouse.mjs"), handle.name],
        cwd=WEB,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    Path(handle.name).unlink()
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _session(stack: Any) -> tuple[dict[str, Any], str]:
    config = httpx.get(stack.api_url + "/config.json", timeout=10).json()
    tokens = demo.cognito_sign_in(
        stack.moto_url, config["userPoolClientId"], demo.DEMO_EMAIL, demo.DEMO_PASSWORD
    )
    session = {
        "v": 1,
        "clientId": config["userPoolClientId"],
        "username": demo.DEMO_EMAIL,
        "idToken": tokens["IdToken"],
        "accessToken": tokens["AccessToken"],
        "refreshToken": tokens["RefreshToken"],
        "expiresAt": int((time.time() + tokens["ExpiresIn"]) * 1000),
    }
    return session, str(tokens["IdToken"])


def _metrics(screen: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, label in (
        ("performance", "performance"),
        ("accessibility", "accessibility"),
        ("bestPractices", "best practices"),
    ):
        rows.append(
            {
                "name": f"{screen['name']}: Lighthouse {label}",
                "value": screen[key],
                "unit": "",
                "target": f">= {TARGETS[key]}",
                "ok": screen[key] >= TARGETS[key],
            }
        )
    rows.append(
        {
            "name": f"{screen['name']}: LCP / TBT",
            "value": f"{screen['lcpMs']:.0f} / {screen['tbtMs']:.0f}",
            "unit": "ms",
        }
    )
    return rows


def run() -> dict[str, Any]:
    if not (DIST / "index.html").is_file():
        raise SystemExit("frontend/dist is missing: `make spa`")
    _node_modules()
    js_kb, js_files = initial_js()
    with tempfile.TemporaryDirectory() as workdir:
        stack = start_dev_stack(Path(workdir), extra_args=("--no-schedule",))
        try:
            time.sleep(3)  # the demo user's bank identities are seeded right after start
            session, token = _session(stack)
            screens = _lighthouse(stack.api_url, session, [{"name": "onboarding", "path": "/onboarding"}])
            with httpx.Client(
                base_url=stack.api_url, headers={"Authorization": f"Bearer {token}"}, timeout=60
            ) as api:
                demo.connect_every_bank(api, stack.bank_urls)
            screens += _lighthouse(
                stack.api_url,
                session,
                [{"name": "connections", "path": "/connections"}, {"name": "home", "path": "/"}],
            )
        finally:
            stack.stop()
    metrics = [
        {
            "name": "initial JavaScript, gzipped",
            "value": round(js_kb, 1),
            "unit": "KB",
            "target": f"<= {INITIAL_JS_TARGET_KB:.0f} KB",
            "ok": js_kb <= INITIAL_JS_TARGET_KB,
        }
    ]
    for screen in screens:
        metrics += _metrics(screen)
    return {
        "title": "Web app",
        "load_average": list(os.getloadavg()),
        "metrics": metrics,
        "screens": screens,
        "initial_js_files": js_files,
        "notes": (
            "Lighthouse 12.2.3 (npm) in Debian's Chromium, default mobile emulation, simulated throttling "
            "(slow 4G, 4x CPU); the local stack serves the built SPA; each screen is loaded once before it "
            "is measured (warm Lambdas, as for a returning user), then audited 5 times; the median run is "
            "reported. Full reports: test-results/lighthouse/."
        ),
    }
