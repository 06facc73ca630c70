"""Contract: responses match the spec's schemas and the recorded samples' envelopes; request shapes
the spec defines are accepted. Also pagination totals, the data's realism and the seed's determinism."""

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sandbox.data.holdings import schedule
from sandbox.data.seed import build_bank
from tests.shared_files import SANDBOX_API

SHARED = SANDBOX_API or Path("/nonexistent")
SPEC = json.loads((SHARED / "openapi.json").read_text()) if SANDBOX_API else None
SAMPLES = SHARED / "samples" / "team260-10"
pytestmark = pytest.mark.skipif(SPEC is None, reason="shared/sandbox-api is not beside the repository")


def schema(name):
    return {"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]}


def check(name, doc):
    errors = list(Draft202012Validator(schema(name)).iter_errors(doc))
    assert not errors, [e.message for e in errors]


def sample(*parts):
    return json.loads(SAMPLES.joinpath(*parts).read_text())


def keys(obj):
    return set(obj)


def test_account_data_matches_the_recorded_envelopes(team):
    t = team("vbank")
    consent = t.consent("team200-10")["consent_id"]
    listing = t.get("/accounts", consent, client_id="team200-10").json()
    recorded = sample("vbank", "accounts", "accounts_list.json")
    assert keys(listing) == keys(recorded)
    assert keys(listing["data"]["account"][0]) == keys(recorded["data"]["account"][0])
    account = listing["data"]["account"][0]["accountId"]
    detail = t.get(f"/accounts/{account}", consent).json()
    assert keys(detail["data"]["account"][0]) == keys(
        sample("vbank", "accounts", "acc-3700_details.json")["data"]["account"][0]
    )
    balances = t.get(f"/accounts/{account}/balances", consent).json()["data"]["balance"]
    assert [b["type"] for b in balances] == ["InterimAvailable", "InterimBooked"]
    assert keys(balances[0]) == keys(
        sample("vbank", "accounts", "acc-3700_balance.json")["data"]["balance"][0]
    )
    page = t.get(f"/accounts/{account}/transactions", consent, limit=100).json()
    recorded_tx = sample("vbank", "accounts", "acc-3700_full_transactions.json")[0]
    for tx in page["data"]["transaction"]:
        assert keys(tx) == keys(recorded_tx)
        assert isinstance(tx["amount"]["amount"], str)
        float(tx["amount"]["amount"])
    assert {"totalPages", "totalRecords"} <= keys(page["meta"])
    assert "next" in page["links"]


def test_pagination_totals_add_up(team):
    t = team("vbank")
    consent = t.consent("team200-1")["consent_id"]
    account = t.accounts("team200-1", consent)[0]["accountId"]
    first = t.get(f"/accounts/{account}/transactions", consent, limit=37).json()
    total, pages = first["meta"]["totalRecords"], first["meta"]["totalPages"]
    seen = []
    for p in range(1, pages + 1):
        body = t.get(f"/accounts/{account}/transactions", consent, limit=37, page=p).json()
        assert body["meta"]["totalRecords"] == total
        assert ("next" in body["links"]) == (p < pages)
        seen += [x["transactionId"] for x in body["data"]["transaction"]]
    assert len(seen) == len(set(seen)) == total
    stamps = [
        x["bookingDateTime"]
        for x in t.get(f"/accounts/{account}/transactions", consent, limit=500).json()["data"]["transaction"]
    ]
    assert stamps == sorted(stamps, reverse=True)
    past = t.get(f"/accounts/{account}/transactions", consent, page=pages + 5).json()
    assert past["data"]["transaction"] == []
    sbank = team("sbank")
    approved = sandbox_consent(sbank)
    acc = sbank.accounts("team200-1", approved)[0]["accountId"]
    assert sbank.get(f"/accounts/{acc}/transactions", approved, limit=500).json()["meta"]["pageSize"] == 100


def sandbox_consent(t):
    request_id = t.consent("team200-1")["request_id"]
    return t.banks.admin(t.bank_id).approve(request_id)["consent_id"]


def test_consent_and_payment_responses_match_the_spec(team):
    t = team("vbank")
    consent = t.consent("team200-1")
    check("ConsentResponse", t.get(f"/account-consents/{consent['consent_id']}").json())
    check(
        "ConsentRequestBody",
        {
            "client_id": "team200-1",
            "permissions": ["ReadAccountsDetail"],
            "reason": "x",
            "requesting_bank": "team200",
            "requesting_bank_name": "FinPulse",
        },
    )
    bad = t.http.post("/account-consents/request", json={"permissions": "x"}, headers=t.headers())
    assert bad.status_code == 422
    check("HTTPValidationError", bad.json())
    accounts = t.accounts("team200-1", consent["consent_id"])
    debtor = next(a for a in accounts if a["accountSubType"] == "Checking")["account"][0]["identification"]
    body = {
        "requesting_bank": "team200",
        "client_id": "team200-1",
        "consent_type": "multi_use",
        "debtor_account": debtor,
        "max_uses": 3,
        "max_amount_per_payment": 100.0,
    }
    check("PaymentConsentRequestData", body)
    pay_consent = t.http.post("/payment-consents/request", json=body, headers=t.headers()).json()[
        "consent_id"
    ]
    payment = {
        "data": {
            "initiation": {
                "instructedAmount": {"amount": "10.00", "currency": "RUB"},
                "debtorAccount": {"schemeName": "RU.CBR.PAN", "identification": debtor},
                "creditorAccount": {
                    "schemeName": "RU.CBR.PAN",
                    "identification": debtor[:-1] + "9",
                    "bank_code": "abank",
                },
            }
        }
    }
    check("PaymentRequest", payment)
    creditor = team("abank")
    other = creditor.consent("team200-1")["consent_id"]
    payment["data"]["initiation"]["creditorAccount"]["identification"] = next(
        a for a in creditor.accounts("team200-1", other) if a["accountSubType"] == "Checking"
    )["account"][0]["identification"]
    made = t.http.post(
        "/payments",
        params={"client_id": "team200-1"},
        json=payment,
        headers=t.headers(**{"X-Payment-Consent-Id": pay_consent}),
    )
    assert made.status_code == 201, made.text
    check("PaymentResponse", made.json())
    got = t.http.get(f"/payments/{made.json()['data']['paymentId']}", headers=t.headers())
    check("PaymentResponse", got.json())
    usage = t.http.get(f"/payment-consents/{pay_consent}", headers=t.headers()).json()["data"]["usage"]
    assert usage["used_count"] == 1


def test_products_and_agreements_match_the_samples(team):
    t = team("sbank")
    catalog = t.http.get("/products", headers=t.headers()).json()
    recorded = sample("sbank", "products", "catalog.json")
    assert keys(catalog["data"]["product"][0]) == keys(recorded["data"]["product"][0])
    body = {
        "requesting_bank": "team200",
        "read_product_agreements": True,
        "open_product_agreements": True,
        "close_product_agreements": True,
        "allowed_product_types": ["deposit", "loan", "card"],
        "max_amount": 1000000,
    }
    check("ProductAgreementConsentRequestData", body)
    answer = t.http.post(
        "/product-agreement-consents/request",
        params={"client_id": "team200-10"},
        json=body,
        headers=t.headers(),
    ).json()
    assert answer["status"] == "pending"
    consent = t.banks.admin("sbank").approve(answer["request_id"])["consent_id"]
    assert (
        t.http.get(f"/product-agreement-consents/{consent}", headers=t.headers()).json()["status"] == "active"
    )
    h = t.headers(**{"X-Product-Agreement-Consent-Id": consent})
    listing = t.http.get("/product-agreements", params={"client_id": "team200-10"}, headers=h).json()
    recorded_list = sample("sbank", "agreements", "agreements_list.json")
    assert keys(listing) == keys(recorded_list)
    assert all(keys(a) == keys(recorded_list["data"][0]) for a in listing["data"])
    loan = next(a for a in listing["data"] if a["product_type"] == "loan")
    detail = t.http.get(
        f"/product-agreements/{loan['agreement_id']}", params={"client_id": "team200-10"}, headers=h
    )
    assert keys(detail.json()["data"]) == keys(
        sample("sbank", "agreements", "loan-team260-10-0464.json")["data"]
    )
    assert detail.json()["data"]["interest_rate"] > 0
    opened = t.http.post(
        "/product-agreements",
        params={"client_id": "team200-10"},
        headers=h,
        json={"product_id": "loan-consumer", "amount": 100000, "term_months": 24},
    )
    assert opened.status_code == 200, opened.text
    new = opened.json()["data"]
    assert new["account_balance"] == -100000.0
    assert new["interest_rate"] > 0
    closed = t.http.request(
        "DELETE", f"/product-agreements/{new['agreement_id']}", params={"client_id": "team200-10"}, headers=h
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["data"]["status"] == "closed"


def test_seed_is_deterministic_and_lives_are_realistic():
    banks = ["vbank", "abank", "sbank"]
    one = build_bank("abank", banks, "s1", date(2026, 3, 1), "team200", 10)
    two = build_bank("abank", banks, "s1", date(2026, 3, 1), "team200", 10)
    other = build_bank("abank", banks, "s2", date(2026, 3, 1), "team200", 10)
    assert [t.render() for t in one.txs] == [t.render() for t in two.txs]
    assert [t.render() for t in one.txs] != [t.render() for t in other.txs]
    assert {c.customer_id for c in one.customers} == {f"team200-{i}" for i in range(1, 11)}
    assert all("2025-03-01" <= t.booked[:10] < "2026-03-01" for t in one.txs)
    assert all(a.balance >= 0 for a in one.accounts if a.kind == "checking")
    mccs = {t.merchant["mccCode"] for t in one.txs if t.merchant}
    assert {"5411", "5812", "4121", "5912"} <= mccs
    loan = next(
        a
        for a in build_bank("vbank", banks, "s1", date(2026, 3, 1), "team200", 10).agreements
        if a.agreement_id.startswith("loan-team200-1-")
    )
    vb = build_bank("vbank", banks, "s1", date(2026, 3, 1), "team200", 10)
    paid = [t for t in vb.txs if t.info == f"Платеж по кредиту №{loan.agreement_id}"]
    rows = schedule(loan.amount, loan.rate, loan.term_months, date.fromisoformat(loan.start[:10]), 15)
    assert {t.amount for t in paid} == {rows[0][1]}
    loan_number = next(a.number for a in vb.accounts if a.account_id == loan.account_id)
    assert all(t.counterparty == loan_number for t in paid)
    assert len(paid) == 12
