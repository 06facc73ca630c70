"""The payment knobs: rejection after acceptance, an answer dropped after the commit, consents stored
with other terms, manual approval of payment consents — each observable over real HTTP."""

import httpx
import pytest

from tests.sandbox.test_sandbox_payments import _balance, _pay, _payment_consent


def _accounts(t, customer):
    read = t.consent(customer)["consent_id"]
    by_kind = {a["accountSubType"]: a for a in t.accounts(customer, read)}
    return read, by_kind["Checking"], by_kind.get("Deposit")


def _number(account):
    return account["account"][0]["identification"]


def test_reject_after_accept_returns_the_money(team, sandbox):
    t = team("abank")
    read, checking, deposit = _accounts(t, "team200-4")
    before, deposit_before = _balance(t, read, checking["accountId"]), _balance(t, read, deposit["accountId"])
    sandbox.admin("abank").set_payment_knobs(reject_after_accept=True)
    consent = _payment_consent(t, "team200-4", _number(checking), consent_type="single_use", amount="10.00")
    accepted = _pay(t, "team200-4", consent, _number(checking), _number(deposit), "10.00")
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["data"]["status"] == "pending"
    payment_id = accepted.json()["data"]["paymentId"]
    settled = t.http.get(f"/payments/{payment_id}", params={"client_id": "team200-4"}, headers=t.headers())
    assert settled.json()["data"]["status"] == "rejected"
    assert _balance(t, read, checking["accountId"]) == before
    assert _balance(t, read, deposit["accountId"]) == deposit_before


def test_drop_after_commit_moves_the_money_and_sends_no_answer(team, sandbox):
    t = team("abank")
    read, checking, deposit = _accounts(t, "team200-4")
    before = _balance(t, read, checking["accountId"])
    sandbox.admin("abank").set_payment_knobs(drop_after_commit=1)
    consent = _payment_consent(t, "team200-4", _number(checking), consent_type="single_use", amount="7.00")
    with pytest.raises(httpx.RemoteProtocolError):
        _pay(t, "team200-4", consent, _number(checking), _number(deposit), "7.00")
    assert _balance(t, read, checking["accountId"]) == round(before - 7, 2)
    used = t.http.get(f"/payment-consents/{consent}", headers=t.headers()).json()["data"]
    assert used["usage"]["used_count"] == 1
    assert sandbox.admin("abank").payment_knobs()["drop_after_commit"] == 0
    log = [r for r in sandbox.admin("abank").requests() if r["operation"] == "POST /payments"]
    assert [(r["status"], r["fault"]) for r in log] == [(0, "drop_after_commit")]


def test_consent_terms_and_manual_approval_of_payment_consents_only(team, sandbox):
    t = team("vbank")
    _, checking, _ = _accounts(t, "team200-4")  # account consents stay auto-approved
    sandbox.admin("vbank").set_payment_knobs(
        consent_approval="manual", consent_terms={"amount": "1.00", "valid_days": 1}, consent_terms_count=1
    )
    body = {
        "requesting_bank": "team200",
        "client_id": "team200-4",
        "debtor_account": _number(checking),
        "consent_type": "single_use",
        "amount": "50.00",
    }
    answer = t.http.post("/payment-consents/request", json=body, headers=t.headers()).json()
    assert answer["status"] == "pending"
    page = answer["links"]["consentApproval"]
    assert httpx.post(page, data={"action": "approve"}).status_code == 200
    stored = t.http.get(f"/payment-consents/{answer['request_id']}", headers=t.headers()).json()["data"]
    assert stored["status"] == "active"
    assert stored["limits"]["amount"] == "1.00"
    second = t.http.post("/payment-consents/request", json=body, headers=t.headers()).json()
    again = t.http.get(f"/payment-consents/{second['request_id']}", headers=t.headers()).json()["data"]
    assert again["limits"]["amount"] == "50.00"  # consent_terms_count=1: only the first was altered
    bad = httpx.put(f"{sandbox.url('vbank')}/__admin/payment-knobs", json={"consent_terms": {"owner": "x"}})
    assert bad.status_code == 400
