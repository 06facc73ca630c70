"""POST /api/consents/init, GET /api/consents/status, POST /api/consents/refresh, GET /api/consent/status
against the three sandbox banks (vbank, abank auto-approve; sbank manual)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from finpulse.banks.tuning import tuning
from tests.consents.support import Api, customer_page

ACCOUNT_REQUEST = "POST /account-consents/request"


def test_three_banks_in_one_call_with_one_bank_failing(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-2", abank="team200-2", sbank="team200-2")
    sandbox.admin("abank").set_faults(error_rate=1.0, paths=["/account-consents/request"])
    results = api.init(banks=["vbank", "abank", "sbank"])
    assert results["vbank", "accounts"]["outcome"] == "created"
    assert results["vbank", "accounts"]["consent"]["status"] == "approved"
    assert results["vbank", "accounts"]["consent"]["consent_id"]
    assert results["vbank", "accounts"]["consent"]["expires_at"]
    failed = results["abank", "accounts"]
    assert failed["outcome"] == "failed"
    assert failed["error"]["code"] == "BANK_UNAVAILABLE"
    assert failed["consent"] is None
    pending = results["sbank", "accounts"]["consent"]
    assert pending["status"] == "pending"
    assert pending["consent_id"] is None
    assert pending["request_id"]
    assert pending["approval_url"].endswith(f"/app/consents/{pending['request_id']}")
    status = api.status()
    assert status["vbank"]["connected"]
    assert status["abank"]["accounts"]["current"] is None
    assert status["sbank"]["needs_action"]


def test_init_is_idempotent_and_reuses_approved_consents(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-3", sbank="team200-3")
    first = api.init(banks=["vbank", "sbank"])
    second = api.init(banks=["vbank", "sbank"])
    assert second["vbank", "accounts"]["outcome"] == "reused"
    assert second["sbank", "accounts"]["outcome"] == "pending"
    for key in first:
        assert second[key]["consent"]["id"] == first[key]["consent"]["id"]
    assert sandbox.admin("vbank").count(ACCOUNT_REQUEST) == 1
    assert sandbox.admin("sbank").count(ACCOUNT_REQUEST) == 1


def test_manual_approval_through_the_bank_page_then_refresh(api: Api, sandbox: Any) -> None:
    api.identify(sbank="team200-4")
    pending = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
    customer_page(pending["approval_url"], "approve")
    assert api.status()["sbank"]["accounts"]["current"]["status"] == "pending"  # polled at most every N s
    approved = api.refresh(["sbank"])["sbank"]["accounts"]["current"]
    assert approved["status"] == "approved"
    assert approved["raw_status"] == "Authorized"
    assert approved["consent_id"]
    assert approved["consent_id"] != approved["request_id"] == pending["request_id"]
    assert approved["approval_url"] is None
    assert [h["status"] for h in approved["history"]][-1] == "approved"
    by_request = api.ok(
        "GET", "/api/consent/status", query={"request_id": pending["request_id"], "bank_id": "sbank"}
    )
    by_consent = api.ok("GET", "/api/consent/status", query={"consent_id": approved["consent_id"]})
    assert by_request["consent"]["id"] == by_consent["consent"]["id"] == pending["id"]


def test_rejection_then_a_new_request(api: Api) -> None:
    api.identify(sbank="team200-5")
    pending = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
    customer_page(pending["approval_url"], "reject")
    rejected = api.refresh()["sbank"]["accounts"]["current"]
    assert rejected["status"] == "rejected"
    again = api.init(banks=["sbank"])["sbank", "accounts"]
    assert again["outcome"] == "created"
    assert again["consent"]["id"] != pending["id"]


def test_pending_consents_are_polled_at_most_once_per_interval(
    api: Api, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An interval a slow machine's few API calls fit in many times over (each may take a second
    # under load); the wait is measured from when the consent was created, not a fixed sleep.
    interval = 4.0
    monkeypatch.setenv("CONSENT_POLL_INTERVAL", str(interval))
    tuning.cache_clear()
    api.identify(sbank="team200-6")
    pending = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
    created_by = time.monotonic()  # the consent was created before this
    operation = "GET /account-consents/{consent_id}"
    for _ in range(3):
        api.status()
        api.ok("GET", "/api/consent/status", query={"request_id": pending["request_id"]})
    assert sandbox.admin("sbank").count(operation) == 0  # created just now: nothing to ask yet
    time.sleep(max(0.0, created_by + interval + 0.05 - time.monotonic()))
    for _ in range(3):
        api.status()
    assert sandbox.admin("sbank").count(operation) == 1
    tuning.cache_clear()


def test_malformed_bank_answer_stores_nothing(api: Api, sandbox: Any) -> None:
    api.identify(abank="team200-7")
    sandbox.admin("abank").set_faults(malformed_rate=1.0, paths=["/account-consents/request"])
    result = api.init(banks=["abank"])["abank", "accounts"]
    assert result["outcome"] == "failed"
    assert result["error"]["code"] == "BANK_INVALID_RESPONSE"
    assert api.status()["abank"]["accounts"]["current"] is None


def test_products_and_payments_with_user_chosen_limits(api: Api, sandbox: Any) -> None:
    customer = next(c for c in sandbox.admin("vbank").customers() if c["customer_id"] == "team200-1")
    debtor = next(a["number"] for a in customer["accounts"] if a["kind"] == "checking")
    api.identify(vbank="team200-1")
    limits = {
        "consent_type": "vrp",
        "debtor_account": debtor,
        "vrp_max_individual_amount": "1000.00",
        "vrp_daily_limit": "3000",
        "vrp_monthly_limit": "50000",
    }
    products = {"read": True, "open": True, "max_amount": "500000", "product_types": ["deposit"]}
    results = api.init(
        banks=["vbank"],
        include_products=True,
        include_payments=True,
        products=products,
        payment_limits=limits,
    )
    assert {k for k, r in results.items() if r["outcome"] == "created"} == {
        ("vbank", "accounts"),
        ("vbank", "products"),
        ("vbank", "payments"),
    }
    payment = results["vbank", "payments"]["consent"]
    assert payment["status"] == "approved"
    assert payment["options"]["vrp_daily_limit"] == "3000"
    assert results["vbank", "products"]["consent"]["options"]["product_types"] == ["deposit"]
    bank_side = {c["consent_id"]: c for c in sandbox.admin("vbank").consents()}
    assert bank_side[payment["consent_id"]]["details"]["consent_type"] == "vrp"
    again = api.init(
        banks=["vbank"],
        include_products=True,
        include_payments=True,
        products=products,
        payment_limits=limits,
    )
    assert {r["outcome"] for r in again.values()} == {"reused"}


def test_no_read_path_creates_a_consent(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-8", abank="team200-8", sbank="team200-8")
    api.status()
    api.refresh()
    api.ok("GET", "/api/banks")
    api.call("GET", "/api/consent/status", query={"request_id": "req-unknown"})
    for bank in sandbox:
        counters = bank.admin.counters()["by_operation"]
        assert not any(op.endswith("/request") for op in counters), counters


def test_a_bank_failing_while_polling_is_reported_beside_its_last_known_state(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-9", sbank="team200-9")
    api.init(banks=["vbank", "sbank"])
    sandbox.admin("sbank").set_faults(error_rate=1.0, paths=["/account-consents/*"], methods=["GET"])
    state = api.refresh()
    assert state["sbank"]["error"]["code"] == "BANK_UNAVAILABLE"
    assert state["sbank"]["accounts"]["current"]["status"] == "pending"
    assert state["vbank"]["error"] is None
    assert state["vbank"]["connected"]


def test_each_bank_chooses_its_own_kinds_in_one_call(api: Api) -> None:
    api.identify(vbank="team200-5", abank="team200-5")
    results = api.init(banks=[{"bank_id": "vbank", "include_products": True}, "abank"])
    assert set(results) == {("vbank", "accounts"), ("vbank", "products"), ("abank", "accounts")}
    assert results["vbank", "products"]["consent"]["status"] == "approved"
