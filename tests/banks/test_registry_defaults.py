"""The template's default bank registry works against banks that sign team tokens as the public
sandbox banks do (HS256 with a secret FinPulse never has); a bank that refuses FinPulse's token, or
whose token FinPulse must refuse, shows as that bank's last error in `GET /api/banks`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from devstack.template import load_source
from finpulse.banks.client import ACCOUNT_PERMISSIONS, BankClient
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.banks.tokens import TokenProvider
from tests.banks.support import CUSTOMER, cold_provider

pytestmark = pytest.mark.usefixtures("live")


def _template_registry() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(load_source()["Parameters"]["BankRegistry"]["Default"])
    return entries


def test_the_default_registry_works_with_banks_that_sign_hs256(sandbox: Any) -> None:
    for entry in _template_registry():
        bank_id = entry["bank_id"]
        sandbox.admin(bank_id).set_settings(token_mode="hs256")
        # Exactly the template's entry; only the address is the local sandbox bank's.
        bank = BankConfig.model_validate({**entry, "base_url": sandbox.url(bank_id)})
        answer = BankClient(bank, tokens=TokenProvider()).create_consent(
            "accounts", CUSTOMER, {"permissions": list(ACCOUNT_PERMISSIONS)}, Deadline.after(10)
        )
        assert answer.consent_id or answer.request_id, bank_id
        assert sandbox.admin(bank_id).count("GET /.well-known/jwks.json") == 0


def test_a_refused_team_token_is_the_banks_last_error(api_client: Any, make_user: Any, sandbox: Any) -> None:
    # The local registry says abank signs RS256 (`jwks`); it now signs HS256, which FinPulse must
    # not trust at such a bank. The cached token stops working first (401), then the new one is
    # refused by FinPulse itself — the bank answered 200, so only the status log can tell.
    sandbox.admin("abank").set_settings(token_mode="hs256")
    sandbox.admin("abank").expire_tokens()
    # No other abank token in FinPulse's shared cache: a warm function's 401 retry would pick that
    # one up (also expired) instead of fetching the HS256 token this test is about.
    cold_provider("abank")
    user = make_user()
    headers = user.auth_header
    assert (
        api_client.put("/api/me/banks/abank", json={"customer_id": CUSTOMER}, headers=headers).status_code
        == 200
    )
    api_client.post("/api/consents/init", json={"banks": ["abank"]}, headers=headers)
    banks = {b["bank_id"]: b for b in api_client.get("/api/banks", headers=headers).get_json()["banks"]}
    health = banks["abank"]["health"]
    assert health["last_error_outcome"] == "token_rejected", health
    assert "token_mode=opaque" in health["last_error_message"], health
    assert health["degraded"] is True
