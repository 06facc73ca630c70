"""`make dev` as a user runs it: `python -m devstack` on real sockets, signed in through the local
Cognito endpoint the way the SPA does (unsigned InitiateAuth), Lambdas in awslambdaric sandboxes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from devstack.process import DevStackProcess
from devstack.template import ROOT

pytestmark = pytest.mark.slow


def _sign_in(stack: DevStackProcess) -> str:
    email, password = "demo@finpulse.dev", "FinPulse-demo-1"
    config = httpx.get(f"{stack.api_url}/config.json").json()
    assert config["cognitoEndpoint"] == stack.moto_url + "/"
    # Exactly the SPA's request: a browser fetch with no AWS signature.
    response = httpx.post(
        config["cognitoEndpoint"],
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
            "Origin": stack.api_url,
        },
        content=json.dumps(
            {
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": config["userPoolClientId"],
                "AuthParameters": {"USERNAME": email, "PASSWORD": password},
            }
        ),
    )
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] in ("*", stack.api_url)
    return str(response.json()["AuthenticationResult"]["IdToken"])


def test_comes_up_within_a_minute(dev_stack: DevStackProcess) -> None:
    assert dev_stack.started_in < 60, dev_stack.log
    assert "Demo login:       demo@finpulse.dev / FinPulse-demo-1" in dev_stack.log


def test_the_api_answers_through_sandboxes_with_the_authorizer(dev_stack: DevStackProcess) -> None:
    assert httpx.get(f"{dev_stack.api_url}/api/health").json()["status"] == "ok"
    assert httpx.get(f"{dev_stack.api_url}/api/me").status_code == 401
    token = _sign_in(dev_stack)
    me = httpx.get(f"{dev_stack.api_url}/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["email"] == "demo@finpulse.dev"
    banks = httpx.get(f"{dev_stack.api_url}/api/banks", headers={"Authorization": f"Bearer {token}"})
    assert [b["bank_id"] for b in banks.json()["banks"]] == ["vbank", "abank", "sbank"]


def test_the_demo_user_is_team200_1_at_every_sandbox_bank(dev_stack: DevStackProcess) -> None:
    headers = {"Authorization": f"Bearer {_sign_in(dev_stack)}"}
    deadline = time.monotonic() + 30  # seeded in the background right after start-up
    identities: dict[str, str] = {}
    while time.monotonic() < deadline and len(identities) < 3:
        answer = httpx.get(f"{dev_stack.api_url}/api/me/banks", headers=headers, timeout=30)
        assert answer.status_code == 200, answer.text
        identities = {i["bank_id"]: i["customer_id"] for i in answer.json()["identities"]}
        time.sleep(0.2)
    assert identities == {"vbank": "team200-1", "abank": "team200-1", "sbank": "team200-1"}


def test_the_spa_and_its_config_share_the_origin(dev_stack: DevStackProcess) -> None:
    config = httpx.get(f"{dev_stack.api_url}/config.json").json()
    assert config["apiBase"] == "/api"
    if (ROOT / "frontend/dist/index.html").is_file():
        page = httpx.get(f"{dev_stack.api_url}/some/client/route")
        assert page.status_code == 200
        assert "<html" in page.text.lower()


def test_make_refresh_runs_the_scheduled_refresh(dev_stack: DevStackProcess) -> None:
    for _ in range(2):  # twice: every scheduled run starts an unnamed execution
        done = subprocess.run(
            [sys.executable, "-m", "devstack.refresh", "--moto-url", dev_stack.moto_url, "--wait", "60"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "SUCCEEDED" in done.stdout


def test_sigterm_stops_every_child(start_stack: Callable[..., DevStackProcess]) -> None:
    stack = start_stack()
    try:
        token = _sign_in(stack)  # starts Lambda sandboxes too
        httpx.get(f"{stack.api_url}/api/me", headers={"Authorization": f"Bearer {token}"})
        children = stack.children()
        commands = [" ".join(c.cmdline()) for c in children]
        assert any("sandbox.worker" in c for c in commands), commands
        assert any("awslambdaric" in c for c in commands), commands
    finally:
        code = stack.stop()
    assert code == 0, stack.log
    assert not [c for c in children if c.is_running() and c.status() != "zombie"]


def test_no_banks_uses_the_bank_registry_override_as_given(
    start_stack: Callable[..., DevStackProcess], sandbox: Any
) -> None:
    # An operator's registry: a bank the template knows (vbank) at another address (the test
    # session's sandbox abank). `--no-banks` must not move it back to 127.0.0.1:8101.
    url = sandbox.url("abank")
    registry = [
        {
            "bank_id": "vbank",
            "name": "Other Bank",
            "base_url": url,
            "token_mode": "opaque",
            "approval": "auto",
            "token_issuer": url,
            "token_audience": "abank",
        }
    ]
    stack = start_stack("--no-banks", "--parameter", f"BankRegistry={json.dumps(registry)}")
    try:
        headers = {"Authorization": f"Bearer {_sign_in(stack)}"}
        banks = httpx.get(f"{stack.api_url}/api/banks", headers=headers, timeout=30).json()["banks"]
        assert [(b["bank_id"], b["name"]) for b in banks] == [("vbank", "Other Bank")]
        sandbox.admin("abank").clear_requests()
        put = httpx.put(
            f"{stack.api_url}/api/me/banks/vbank", json={"customer_id": "team200-1"}, headers=headers
        )
        assert put.status_code == 200, put.text
        init = httpx.post(
            f"{stack.api_url}/api/consents/init", json={"banks": ["vbank"]}, headers=headers, timeout=60
        )
        assert init.status_code == 200, init.text
        assert {r["outcome"] for r in init.json()["results"]} != {"failed"}, init.text
        assert sandbox.admin("abank").count("POST /auth/bank-token") >= 1
        assert sandbox.admin("abank").count("POST /account-consents/request") >= 1
    finally:
        stack.stop()
