"""The catalog, opening and closing a deposit for real at the sandbox banks: every refusal with its
4xx and no POST at the bank, the opening synced at once, one agreement for one key however often
it is retried (also concurrently), the close returning the money.

Customer team200-2 (saver) at vbank and abank; the product consent allows opening and closing
deposits up to 300 000 in all at each bank.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest

from tests.payments.support import Payer, wait_until

BANKS = ("vbank", "abank")
CUSTOMER = "team200-2"
PRODUCTS = {"read": True, "open": True, "close": True, "product_types": ["deposit"], "max_amount": "300000"}
pytestmark = pytest.mark.usefixtures("restore_bank_data")


def _opens(payer: Payer, bank: str) -> int:
    counters = payer.sandbox.admin(bank).counters()["by_path"]
    return int(counters.get("POST /product-agreements", 0))


def _deposit_body(payer: Payer, amount: str, bank: str = "vbank", **extra: Any) -> dict[str, Any]:
    source = {"bank_id": bank, "account_id": payer.account_id(bank, "current")}
    return {"bank_id": bank, "product_id": "deposit-reliable", "amount": amount, "source": source, **extra}


def _open(payer: Payer, body: dict[str, Any], key: str | None = None) -> Any:
    return payer.call("POST", "/api/agreements", body, {"Idempotency-Key": key or str(uuid.uuid4())})


def test_catalog_filters_sorts_and_says_what_the_consent_lacks(payer: Payer) -> None:
    r = payer.call("GET", "/api/products?type=deposit")
    assert r.status_code == 200, r.get_json()
    page = r.get_json()
    deposits = page["products"]
    assert {p["bank_id"] for p in deposits} == set(BANKS)
    assert all(p["kind"] == "deposit" for p in deposits)
    rates = [Decimal(p["rate"]) for p in deposits]
    assert rates == sorted(rates, reverse=True), "best rate first"
    assert all(p["can_open"] and p["missing"] == [] for p in deposits)
    assert {c["bank_id"]: c["product_consent"] for c in page["catalogs"]} == {"vbank": True, "abank": True}
    loans = payer.call("GET", "/api/products?type=loan&sort=rate_asc").get_json()["products"]
    assert loans
    assert all(not p["can_open"] for p in loans)
    assert all("PRODUCT_TYPE_NOT_ALLOWED" in [m["code"] for m in p["missing"]] for p in loans)
    big = payer.call("GET", "/api/products?type=deposit&amount=400000").get_json()["products"]
    assert big
    assert all([m["code"] for m in p["missing"]] == ["CONSENT_MAX_AMOUNT_EXCEEDED"] for p in big)
    long = payer.call("GET", "/api/products?type=deposit&term_months=13").get_json()["products"]
    assert long == [], "no catalog deposit runs longer than 12 months"
    rub = payer.call("GET", "/api/products?currency=RUB&bank_id=abank").get_json()["products"]
    assert rub
    assert {p["bank_id"] for p in rub} == {"abank"}
    assert payer.call("GET", "/api/products?type=house").status_code == 422
    assert payer.call("GET", "/api/products?bank_id=nobank").status_code == 404


def test_quote_shows_rate_interest_maturity_and_every_check(payer: Payer) -> None:
    r = payer.call("POST", "/api/agreements/quote", _deposit_body(payer, "100000", term_months=6))
    assert r.status_code == 200, r.get_json()
    q = r.get_json()
    assert q["ok"] is True, [c for c in q["checks"] if not c["ok"]]
    assert Decimal(q["rate"]) == Decimal("8.5")
    assert q["term_months"] == 6
    days = (date_of(q["maturity_date"]) - date_of(q["opened_on"])).days
    expected = (Decimal(100000) * Decimal("8.5") / 100 * days / 365).quantize(Decimal("0.01"))
    assert Decimal(q["interest_at_maturity"]) == expected
    assert Decimal(q["total_at_maturity"]) == 100000 + expected
    assert Decimal(q["source"]["available"]) > 100000
    assert q["consent"]["max_amount"] == "300000" or Decimal(q["consent"]["max_amount"]) == 300000
    assert {c["name"] for c in q["checks"]} >= {
        "product",
        "debtor_account",
        "amount",
        "product_limits",
        "term",
        "currency",
        "identity",
        "product_consent",
        "available_balance",
    }
    assert _opens(payer, "vbank") == 0


def date_of(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("amount", "extra", "status", "code"),
    [
        ("400000", {}, 403, "CONSENT_MAX_AMOUNT_EXCEEDED"),
        ("5000", {}, 422, "AMOUNT_BELOW_MINIMUM"),
        ("100000", {"term_months": 24}, 422, "TERM_OUT_OF_RANGE"),
        ("100000", {"product_id": "loan-consumer"}, 422, "PRODUCT_KIND_NOT_SUPPORTED"),
        ("100000", {"product_id": "no-such-product"}, 404, "PRODUCT_NOT_FOUND"),
        ("0", {}, 422, "AMOUNT_NOT_POSITIVE"),
    ],
)
def test_refusals_never_reach_the_bank(
    payer: Payer, amount: str, extra: dict[str, Any], status: int, code: str
) -> None:
    r = _open(payer, {**_deposit_body(payer, amount), **extra})
    assert (r.status_code, r.get_json()["error"]["code"]) == (status, code), r.get_json()
    assert _opens(payer, "vbank") == 0


def test_insufficient_funds_is_read_from_the_bank_now(payer: Payer) -> None:
    quote = payer.call(
        "POST", "/api/agreements/quote", _deposit_body(payer, "10000", bank="abank")
    ).get_json()
    available = Decimal(quote["source"]["available"])
    body = _deposit_body(payer, str(available + 1), bank="abank")  # within the consent and the product
    quote = payer.call("POST", "/api/agreements/quote", body).get_json()
    assert [c["code"] for c in quote["checks"] if not c["ok"]] == ["INSUFFICIENT_FUNDS"]
    r = _open(payer, body)
    assert (r.status_code, r.get_json()["error"]["code"]) == (422, "INSUFFICIENT_FUNDS")
    assert _opens(payer, "abank") == 0


def test_open_once_for_one_key_even_concurrently_then_close_returns_the_money(payer: Payer) -> None:
    checking = payer.account_id("vbank", "current")
    before = payer.booked("vbank", checking)
    body = _deposit_body(payer, "100000", term_months=6)
    key = str(uuid.uuid4())
    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(lambda _: _open(payer, body, key), range(3)))
    done = [a for a in answers if a.status_code == 201]
    assert done, [a.get_json() for a in answers]
    assert all(a.status_code in (201, 409) for a in answers), [a.get_json() for a in answers]
    opened = done[0].get_json()
    assert {a.get_json()["action_id"] for a in done} == {opened["action_id"]}
    assert _opens(payer, "vbank") == 1
    assert opened["status"] == "completed"
    assert opened["synced"] is True
    assert opened["masked_account_number"].startswith("****")
    agreement = opened["agreement"]
    assert agreement["kind"] == "deposit"
    assert Decimal(agreement["principal"]) == 100000
    assert payer.booked("vbank", checking) == before - 100000
    again = _open(payer, body, key)
    assert again.status_code == 201
    assert again.get_json()["action_id"] == opened["action_id"]
    assert _opens(payer, "vbank") == 1
    reused = _open(payer, {**body, "amount": "100001"}, key)
    assert reused.status_code == 422
    assert reused.get_json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert "another deposit opening" in reused.get_json()["error"]["message"]
    # The deposits list shows it at once (the dashboard's savings).
    deposits = payer.call("GET", "/api/agreements?bank_id=vbank").get_json()["agreements"]
    assert any(d["agreement_id"] == opened["agreement_id"] for d in deposits)
    savings = payer.call("GET", "/api/deposits").get_json()["savings"]["items"]
    saved = next(i for i in savings if i["ref"].endswith(opened["agreement_id"]))
    assert (Decimal(saved["amount"]), saved["maturity_date"]) == (Decimal(100000), opened["maturity_date"])

    close = {"bank_id": "vbank", "to": {"bank_id": "vbank", "account_id": checking}}
    path = f"/api/agreements/{opened['agreement_id']}/close"
    quote = payer.call("POST", path + "/quote", close).get_json()
    assert quote["ok"] is True, quote["checks"]
    assert Decimal(quote["returned"]) == 100000
    assert quote["early"] is True
    assert Decimal(quote["interest_lost"]) == Decimal(opened["interest_at_maturity"])
    r = payer.call("POST", path, close, {"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 201, r.get_json()
    closed = r.get_json()
    assert closed["status"] == "completed"
    assert Decimal(closed["amount"]) == 100000
    assert payer.booked("vbank", checking) == before
    gone = payer.call("GET", "/api/agreements?bank_id=vbank").get_json()["agreements"]
    assert all(d["agreement_id"] != opened["agreement_id"] for d in gone)
    again = payer.call("POST", path + "/quote", close).get_json()
    assert again["ok"] is False
    assert [c["code"] for c in again["checks"] if not c["ok"]] == ["AGREEMENT_NOT_FOUND"]


def test_a_lost_answer_is_settled_from_the_bank_list_never_resent(payer: Payer) -> None:
    payer.sandbox.admin("vbank").set_agreement_knobs(open_drop_after_commit=1)
    body = _deposit_body(payer, "60000", bank="vbank")
    key = str(uuid.uuid4())
    r = _open(payer, body, key)
    assert r.status_code == 201, r.get_json()
    found = r.get_json()
    assert found["status"] == "completed", found
    assert [h["status"] for h in found["history"]] == ["created", "submitting", "unknown", "completed"]
    assert _opens(payer, "vbank") == 1
    got = payer.call("GET", f"/api/agreement-actions/{found['action_id']}").get_json()
    assert got["agreement_id"] == found["agreement_id"]


def test_a_bank_that_never_opened_it_fails_after_the_grace_and_nothing_moved(payer: Payer) -> None:
    checking = payer.account_id("vbank", "current")
    before = payer.booked("vbank", checking)
    payer.sandbox.admin("vbank").set_faults(
        error_rate=1.0, error_statuses=[503], paths=["/product-agreements"], methods=["POST"]
    )
    key = str(uuid.uuid4())
    body = _deposit_body(payer, "55000", bank="vbank")
    r = _open(payer, body, key)
    assert r.status_code == 202, r.get_json()
    assert r.get_json()["status"] == "unknown"
    payer.sandbox.admin("vbank").clear_faults()
    settled = wait_until(
        lambda: (x := _open(payer, body, key).get_json())["final"] and x, timeout=10, what="settled"
    )
    assert settled["status"] == "failed"
    assert settled["failure"]["code"] == "NOT_OPENED"
    assert _opens(payer, "vbank") == 1
    assert payer.booked("vbank", checking) == before
