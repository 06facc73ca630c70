"""A bank identity belongs to one person, and only the bank can vouch for it.

Probe 1 of issue 9, end to end: user B types user A's customer id. Before, B got A's accounts,
transactions and a payment consent on A's account; now B gets 409 and nothing of A's.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from finpulse.config import settings
from finpulse.consents.identity import BankIdentityMissing, BankIdentityUnverified, ensure_payable
from tests.consents.support import Api, assert_envelope, checking_account, customer_page, vbank_untrusted

__all__ = ["vbank_untrusted"]

PAYMENTS = {"include_accounts": False, "include_payments": True}


def limits(sandbox: Any, bank_id: str, customer_id: str) -> dict[str, Any]:
    debtor = checking_account(sandbox, bank_id, customer_id)
    return {"payment_limits": {"debtor_account": debtor, "amount": "100.00"}}


def _identity(api: Api, bank_id: str) -> dict[str, Any]:
    return next(i for i in api.ok("GET", "/api/me/banks")["identities"] if i["bank_id"] == bank_id)


def test_a_second_claim_on_an_identity_is_refused_and_the_holders_data_never_shown(
    api: Api, other_api: Api, sandbox: Any, caplog: pytest.LogCaptureFixture
) -> None:
    victim, attacker = api, other_api
    victim.identify(vbank="team200-2")
    victim.init(banks=["vbank"], include_products=True)
    synced = victim.ok("GET", "/api/banks/vbank/bootstrap")
    assert synced["accounts"], synced
    caplog.clear()

    for claimed in ("team200-2", "TEAM200-2"):  # a bank may match ids without regard to case
        status, body = attacker.call("PUT", "/api/me/banks/vbank", {"customer_id": claimed})
        assert_envelope(status, body, 409)
        assert body["error"]["code"] == "BANK_IDENTITY_TAKEN"
        assert victim.user.sub not in json.dumps(body)  # nothing about who holds it
    events = [vars(r) for r in caplog.records if getattr(r, "security_event", None) == "BANK_IDENTITY_TAKEN"]
    assert len(events) == 2
    assert events[0]["claimant"] == attacker.user.sub
    assert events[0]["holder"] == victim.user.sub
    assert "team200-2" not in json.dumps(events, default=str).lower()  # the id only as a reference

    assert attacker.ok("GET", "/api/me/banks")["identities"] == []
    tried = attacker.init(banks=["vbank"], include_payments=True, **limits(sandbox, "vbank", "team200-2"))
    assert {r["outcome"] for r in tried.values()} == {"failed"}
    assert attacker.ok("GET", "/api/accounts")["accounts"] == []
    assert attacker.ok("GET", "/api/transactions")["transactions"] == []
    assert attacker.ok("GET", "/api/agreements")["agreements"] == []
    tried_sync = attacker.ok("GET", "/api/banks/vbank/bootstrap")
    assert tried_sync["sync"]["error"]["code"] == "CONSENT_REQUIRED"
    assert tried_sync["accounts"] == tried_sync["transactions"] == []
    # The holder is untouched.
    assert victim.status()["vbank"]["connected"] is True
    assert victim.ok("GET", "/api/accounts")["accounts"]


def test_auto_approval_verifies_only_where_the_registry_trusts_it(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-3")
    assert _identity(api, "vbank")["verified"] is False
    api.init(banks=["vbank"])
    verified = _identity(api, "vbank")
    assert verified["verified"] is True  # vbank is a sandbox: `identity: trusted_auto`
    assert verified["verified_at"]
    payment = api.init(banks=["vbank"], **PAYMENTS, **limits(sandbox, "vbank", "team200-3"))
    assert payment["vbank", "payments"]["outcome"] == "created"


@pytest.mark.usefixtures("vbank_untrusted")
def test_no_payment_consent_for_an_unverified_identity_at_a_bank_approval_bank(
    api: Api, sandbox: Any
) -> None:
    api.identify(vbank="team200-4")
    api.init(banks=["vbank"])  # auto-approved: proves nothing about who typed the id
    assert _identity(api, "vbank")["verified"] is False
    refused = api.init(banks=["vbank"], **PAYMENTS, **limits(sandbox, "vbank", "team200-4"))[
        "vbank", "payments"
    ]
    assert refused["outcome"] == "failed"
    assert refused["error"]["code"] == "BANK_IDENTITY_UNVERIFIED"
    assert refused.get("consent") is None


def test_approving_in_the_banks_own_app_verifies_the_identity(api: Api, sandbox: Any) -> None:
    api.identify(sbank="team200-5")  # sbank: manual approval, `identity: bank_approval`
    pay = limits(sandbox, "sbank", "team200-5")
    first = api.init(banks=["sbank"], include_payments=True, **pay)
    assert first["sbank", "accounts"]["consent"]["status"] == "pending"
    assert first["sbank", "payments"]["error"]["code"] == "BANK_IDENTITY_UNVERIFIED"
    with pytest.raises(BankIdentityUnverified):
        ensure_payable(api.user.sub, "sbank")
    customer_page(first["sbank", "accounts"]["consent"]["approval_url"], "approve")
    assert api.refresh(["sbank"])["sbank"]["connected"] is True
    assert _identity(api, "sbank")["verified"] is True
    assert ensure_payable(api.user.sub, "sbank").customer_id == "team200-5"
    second = api.init(banks=["sbank"], **PAYMENTS, **pay)["sbank", "payments"]
    assert second["outcome"] == "created"
    with pytest.raises(BankIdentityMissing):
        ensure_payable(api.user.sub, "abank")


def test_changing_an_identity_revokes_the_banks_consents_and_deletes_their_data_first(
    api: Api, other_api: Api, sandbox: Any
) -> None:
    api.identify(vbank="team200-6")
    consent = api.init(banks=["vbank"])["vbank", "accounts"]["consent"]
    api.ok("GET", "/api/banks/vbank/bootstrap")
    assert api.ok("GET", "/api/accounts")["accounts"]

    changed = api.ok("PUT", "/api/me/banks/vbank", {"customer_id": "team200-7"})
    assert changed["customer_id"] == "team200-7"
    assert changed["verified"] is False
    assert changed["replaced"]["revoked_consents"] == 1
    assert changed["replaced"]["deleted_items"] > 0
    assert changed["replaced"]["not_deleted"] == []
    assert api.ok("GET", "/api/accounts")["accounts"] == []
    assert api.ok("GET", "/api/transactions")["transactions"] == []
    at_bank = {c["consent_id"]: c for c in sandbox.admin("vbank").consents()}
    assert at_bank[consent["consent_id"]]["status"] == "revoked"
    assert api.status()["vbank"]["accounts"]["current"]["status"] == "revoked"
    # The old id is free again; the new one is taken.
    other_api.identify(vbank="team200-6")
    assert other_api.call("PUT", "/api/me/banks/vbank", {"customer_id": "team200-7"})[0] == 409


def test_removing_an_identity_revokes_deletes_and_frees_it(api: Api, other_api: Api) -> None:
    api.identify(abank="team200-8")
    api.init(banks=["abank"])
    api.ok("GET", "/api/banks/abank/bootstrap")
    removed = api.ok("DELETE", "/api/me/banks/abank")
    assert removed["removed"] is True
    assert removed["released"]["revoked_consents"] == 1
    assert removed["released"]["deleted_items"] > 0
    assert api.ok("GET", "/api/me/banks")["identities"] == []
    assert api.ok("GET", "/api/accounts")["accounts"] == []
    assert api.ok("DELETE", "/api/me/banks/abank") == {"bank_id": "abank", "removed": False, "released": None}
    other_api.identify(abank="team200-8")
    assert_envelope(*api.call("DELETE", "/api/me/banks/nobank"), 404)


def test_prod_trusts_no_automatic_approval_without_the_operators_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from finpulse.banks.registry import BankConfig

    bank = BankConfig(bank_id="sandbank", name="S", base_url="https://s.example", identity="trusted_auto")
    assert bank.trusts_auto_approval is True
    monkeypatch.setenv("FINPULSE_ENV", "prod")
    settings.cache_clear()
    try:
        assert bank.trusts_auto_approval is False
        monkeypatch.setenv("ALLOW_TRUSTED_AUTO_IDENTITY", "true")
        settings.cache_clear()
        assert bank.trusts_auto_approval is True
    finally:
        settings.cache_clear()
    assert BankConfig(bank_id="realbank", name="R", base_url="https://r.example").identity == "bank_approval"
