"""MDP, ADP and SDP paid for real at the sandbox banks, the automatic re-sync, status and history.

Customer team200-9 at vbank (current account, deposit) and abank (current account, 23.9 % loan).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.payments.support import Payer, bank_posts, wait_until

BANKS = ("vbank", "abank")
LOAN = "loan-team200-9-1996"
DEPOSIT = "dep-team200-9-7090"
pytestmark = pytest.mark.usefixtures("restore_bank_data")
CUSTOMER = "team200-9"


def _loan_and_debt(payer: Payer) -> tuple[str, Decimal]:
    loan_account = payer.account_id("abank", "loan")
    return loan_account, Decimal(payer.loan("abank", LOAN)["outstanding"])


def test_mdp_within_one_bank_moves_the_money_once_and_resyncs(payer: Payer) -> None:
    checking = payer.account_id("abank", "current")
    before = payer.booked("abank", checking)
    _, debt_before = _loan_and_debt(payer)
    body = {
        "debtor": {"bank_id": "abank", "account_id": checking},
        "target": {"bank_id": "abank", "agreement_id": LOAN},
        "amount": "1500.00",
    }
    r = payer.pay("mdp", body)
    assert r.status_code == 201, r.get_json()
    paid = r.get_json()
    assert paid["status"] == "completed"
    assert paid["final"] is True
    assert paid["bank_payment_id"]
    assert paid["amount"] == "1500.00"
    assert paid["debtor"]["masked_number"].startswith("****")
    assert paid["creditor"]["kind"] == "loan"
    assert paid["consent"]["mode"] == "single_use"
    assert paid["consent"]["differences"] == []
    assert [h["status"] for h in paid["history"]] == ["created", "submitting", "completed"]
    assert r.headers["Location"] == f"/api/payments/{paid['payment_id']}"
    text = r.get_data(as_text=True)
    numbers = [a["number"] for c in payer.sandbox.admin("abank").customers() for a in c["accounts"]]
    assert not any(n in text for n in numbers), "a full account number in the answer"
    assert bank_posts(payer.sandbox, "abank") == 1
    # The re-sync after the payment, started by the payment itself, shows it within seconds.
    wait_until(lambda: Decimal(payer.loan("abank", LOAN)["outstanding"]) == debt_before - 1500, what="loan")
    assert payer.booked("abank", checking) == before - 1500


def test_adp_across_banks(payer: Payer) -> None:
    checking = payer.account_id("vbank", "current")
    before = payer.booked("vbank", checking)
    _, debt_before = _loan_and_debt(payer)
    body = {
        "debtor": {"bank_id": "vbank", "account_id": checking},
        "target": {"bank_id": "abank", "agreement_id": LOAN},
        "amount": 1000,
        "comment": "Досрочно",
    }
    r = payer.pay("adp", body)
    assert r.status_code == 201, r.get_json()
    paid = r.get_json()
    assert paid["status"] == "completed"
    assert (paid["debtor"]["bank_id"], paid["creditor"]["bank_id"]) == ("vbank", "abank")
    assert paid["comment"].startswith("Досрочно · FP-")
    assert bank_posts(payer.sandbox, "vbank") == 1
    assert bank_posts(payer.sandbox, "abank") == 0
    wait_until(lambda: Decimal(payer.loan("abank", LOAN)["outstanding"]) == debt_before - 1000, what="loan")
    wait_until(lambda: payer.booked("vbank", checking) == before - 1000, what="debtor")


def test_sdp_to_a_deposit(payer: Payer) -> None:
    checking = payer.account_id("vbank", "current")
    deposit = payer.account_id("vbank", "deposit")
    before = payer.booked("vbank", deposit)
    body = {
        "debtor": {"bank_id": "vbank", "account_id": checking},
        "target": {"bank_id": "vbank", "agreement_id": DEPOSIT},
        "amount": "500",
    }
    r = payer.pay("sdp", body)
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["creditor"]["kind"] == "deposit"
    wait_until(lambda: payer.booked("vbank", deposit) == before + 500, what="deposit")


def test_quote_takes_the_default_shows_every_check_and_creates_nothing(payer: Payer) -> None:
    checking = payer.account_id("abank", "current")
    body: dict[str, Any] = {
        "debtor": {"bank_id": "abank", "account_id": checking},
        "target": {"bank_id": "abank", "agreement_id": LOAN},
    }
    r = payer.quote("mdp", body)
    assert r.status_code == 200, r.get_json()
    quote = r.get_json()
    loan = payer.loan("abank", LOAN)
    assert quote["amount_source"] == "next_instalment"
    assert Decimal(quote["amount"]) == min(Decimal(loan["next_payment_amount"]), Decimal(loan["outstanding"]))
    available = Decimal(quote["debtor"]["available"])
    assert available == payer.booked("abank", checking)
    assert quote["creditor"]["outstanding"] == loan["outstanding"]
    assert quote["consent"]["mode"] == "single_use"
    assert quote["consent"]["limits"]["amount"] == quote["amount"]
    too_much = payer.quote("mdp", {**body, "amount": str(available + 1)}).get_json()
    assert too_much["ok"] is False
    assert [(c["name"], c["code"]) for c in too_much["checks"] if not c["ok"]] == [
        ("available_balance", "INSUFFICIENT_FUNDS")
    ]
    affordable = payer.quote("mdp", {**body, "amount": "100.00"}).get_json()
    assert affordable["ok"] is True, [c for c in affordable["checks"] if not c["ok"]]
    assert {c["name"] for c in affordable["checks"]} >= {
        "debtor_account",
        "target",
        "creditor_account",
        "amount",
        "currency",
        "outstanding",
        "identity",
        "consent",
        "available_balance",
    }
    posts = [x for b in BANKS for x in payer.sandbox.admin(b).requests() if x["method"] != "GET"]
    assert posts == [], "a quote created something at a bank"


def test_history_lists_newest_first_and_filters(payer: Payer) -> None:
    listed = payer.call("GET", "/api/payments").get_json()["payments"]
    assert [p["kind"] for p in listed] == ["sdp", "adp", "mdp"]
    one = payer.payment(listed[1]["payment_id"])
    assert one == listed[1]
    by_kind = payer.call("GET", "/api/payments?kind=adp").get_json()["payments"]
    assert [p["kind"] for p in by_kind] == ["adp"]
    vbank = payer.call("GET", "/api/payments?bank_id=vbank").get_json()["payments"]
    assert [p["kind"] for p in vbank] == ["sdp", "adp"]  # debtor or creditor at the bank
    assert payer.call("GET", "/api/payments?status=rejected").get_json()["payments"] == []
    today = listed[0]["created_at"][:10]
    dated = payer.call("GET", f"/api/payments?from={today}&to={today}").get_json()["payments"]
    assert len(dated) == 3
    assert payer.call("GET", "/api/payments?to=2020-01-01").get_json()["payments"] == []
    page, seen, cursor = 0, [], None
    while True:
        path = "/api/payments?limit=1" + (f"&cursor={cursor}" if cursor else "")
        body = payer.call("GET", path).get_json()
        seen += [p["payment_id"] for p in body["payments"]]
        cursor, page = body["next_cursor"], page + 1
        if not cursor:
            break
    assert seen == [p["payment_id"] for p in listed]
