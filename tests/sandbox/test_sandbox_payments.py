"""Payments move money within a bank and across sandbox banks, and never overdraw."""

import httpx


def _balance(t, consent, account_id):
    data = t.get(f"/accounts/{account_id}/balances", consent).json()["data"]["balance"]
    booked = next(b for b in data if b["type"] == "InterimBooked")
    sign = 1 if booked["creditDebitIndicator"] == "Credit" else -1
    return sign * float(booked["amount"]["amount"])


def _payment_consent(t, customer, debtor, **limits):
    body = {"requesting_bank": "team200", "client_id": customer, "debtor_account": debtor, **limits}
    resp = t.http.post("/payment-consents/request", json=body, headers=t.headers())
    assert resp.status_code == 200, resp.text
    return resp.json()["consent_id"]


def _pay(t, customer, consent, debtor, creditor, amount, bank_code=None, key=None):
    creditor_account = {"schemeName": "RU.CBR.PAN", "identification": creditor}
    if bank_code:
        creditor_account["bank_code"] = bank_code
    body = {
        "data": {
            "initiation": {
                "instructedAmount": {"amount": amount, "currency": "RUB"},
                "debtorAccount": {"schemeName": "RU.CBR.PAN", "identification": debtor},
                "creditorAccount": creditor_account,
                "comment": "Тест",
            }
        }
    }
    extra = {"X-Payment-Consent-Id": consent, **({"X-Idempotency-Key": key} if key else {})}
    return t.http.post("/payments", params={"client_id": customer}, json=body, headers=t.headers(**extra))


def test_payment_within_a_bank_pays_a_loan(team, sandbox):
    t = team("vbank")
    read = t.consent("team200-1")["consent_id"]
    accounts = {a["accountSubType"]: a for a in t.accounts("team200-1", read)}
    checking, loan = accounts["Checking"], accounts["Loan"]
    debtor_no, loan_no = checking["account"][0]["identification"], loan["account"][0]["identification"]
    before, debt_before = _balance(t, read, checking["accountId"]), _balance(t, read, loan["accountId"])
    pay = _payment_consent(t, "team200-1", debtor_no, consent_type="single_use", amount="1500.00")
    resp = _pay(t, "team200-1", pay, debtor_no, loan_no, "1500.00")
    assert resp.status_code == 201, resp.text
    payment = resp.json()["data"]
    assert payment["status"] == "completed"
    assert payment["amount"] == "1500.00"
    assert _balance(t, read, checking["accountId"]) == round(before - 1500, 2)
    assert _balance(t, read, loan["accountId"]) == round(debt_before + 1500, 2)
    got = t.http.get(
        f"/payments/{payment['paymentId']}", params={"client_id": "team200-1"}, headers=t.headers()
    )
    assert got.json()["data"]["paymentId"] == payment["paymentId"]
    again = _pay(t, "team200-1", pay, debtor_no, loan_no, "1.00")
    assert again.status_code == 403
    assert again.json()["detail"]["error"] == "CONSENT_USED"


def test_payment_across_banks_and_no_overdraft(team, sandbox):
    v, a = team("vbank"), team("abank")
    read_v, read_a = v.consent("team200-2")["consent_id"], a.consent("team200-2")["consent_id"]
    src = next(x for x in v.accounts("team200-2", read_v) if x["accountSubType"] == "Checking")
    dst = next(x for x in a.accounts("team200-2", read_a) if x["accountSubType"] == "Checking")
    src_no, dst_no = src["account"][0]["identification"], dst["account"][0]["identification"]
    src_before, dst_before = _balance(v, read_v, src["accountId"]), _balance(a, read_a, dst["accountId"])
    pay = _payment_consent(
        v,
        "team200-2",
        src_no,
        consent_type="vrp",
        vrp_max_individual_amount="5000",
        vrp_daily_limit="8000",
        vrp_monthly_limit="50000",
    )
    ok = _pay(v, "team200-2", pay, src_no, dst_no, "4000.00", bank_code="abank", key="k-1")
    assert ok.status_code == 201, ok.text
    retry = _pay(v, "team200-2", pay, src_no, dst_no, "4000.00", bank_code="abank", key="k-1")
    assert retry.json()["data"]["paymentId"] == ok.json()["data"]["paymentId"]  # idempotent: paid once
    assert _balance(v, read_v, src["accountId"]) == round(src_before - 4000, 2)
    assert _balance(a, read_a, dst["accountId"]) == round(dst_before + 4000, 2)
    over_limit = _pay(v, "team200-2", pay, src_no, dst_no, "4500.00", bank_code="abank")
    assert over_limit.status_code == 403
    assert over_limit.json()["detail"]["error"] == "LIMIT_EXCEEDED"
    unknown = _pay(v, "team200-2", pay, src_no, "40817810000000000000", "100.00", bank_code="abank")
    assert unknown.status_code == 404
    assert _balance(v, read_v, src["accountId"]) == round(src_before - 4000, 2)  # refunded

    big = _payment_consent(v, "team200-2", src_no, consent_type="multi_use", max_uses=5)
    too_much = _pay(v, "team200-2", big, src_no, dst_no, f"{src_before * 10:.2f}", bank_code="abank")
    assert too_much.status_code == 400
    assert too_much.json()["detail"]["error"] == "INSUFFICIENT_FUNDS"
    assert _balance(v, read_v, src["accountId"]) == round(src_before - 4000, 2)
    assert httpx.get(f"{sandbox.url('vbank')}/health").status_code == 200
