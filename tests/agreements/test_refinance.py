"""The refinance saga for real: the refinance state machine (template.yaml, emulated Step Functions)
across two sandbox banks, interrupted at each step by a sandbox fault, stopped in its documented
safe state every time, resumed from its record, and completed with nothing done twice.

Customer team200-9: a 23.9 % loan at abank, vbank's refinancing at 11.5 %.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest

from tests.payments.support import Payer, wait_until

BANKS = ("vbank", "abank")
CUSTOMER = "team200-9"
LOAN = "loan-team200-9-1996"
OFFER = {"bank_id": "vbank", "product_id": "prod-vbank-refi-001"}
PRODUCTS = {
    "read": True,
    "open": True,
    "close": True,
    "product_types": ["loan", "deposit"],
    "max_amount": "5000000",
}
pytestmark = pytest.mark.usefixtures("restore_bank_data")
BODY = {"loan": {"bank_id": "abank", "agreement_id": LOAN}, "offer": OFFER}


def _wait_stopped(payer: Payer, refinance_id: str) -> dict[str, Any]:
    def done() -> Any:
        r = payer.call("GET", f"/api/refinance/{refinance_id}").get_json()
        return r if r["status"] != "running" else None

    found: dict[str, Any] = wait_until(done, timeout=60, what="the saga to stop")
    return found


def _count(payer: Payer, bank: str, what: str) -> int:
    return int(payer.sandbox.admin(bank).counters()["by_path"].get(what, 0))


def test_quote_has_the_recommendation_figures_and_names_every_step(payer: Payer) -> None:
    offers = payer.call("GET", "/api/refinance/optimize-loans").get_json()["offers"]
    offer = next(o for o in offers if o["loan"] == f"abank/{LOAN}" and o["offer_bank_id"] == "vbank")
    r = payer.call("POST", "/api/refinance/quote", BODY)
    assert r.status_code == 200, r.get_json()
    q = r.get_json()
    assert q["ok"] is True, [c for c in q["checks"] if not c["ok"]]
    for name in ("current_payment", "new_payment", "monthly_saving", "commission", "total_saving"):
        assert Decimal(q["figures"][name]) == Decimal(offer[name]), name
    assert q["figures"]["break_even_month"] == offer["break_even_month"]
    assert [(s["name"], s["bank_id"]) for s in q["steps"]] == [
        ("open_loan", "vbank"),
        ("move_money", "vbank"),
        ("close_old", "abank"),
        ("resync", "vbank"),
    ]
    assert Decimal(q["new"]["amount"]) == Decimal(q["old"]["amount"]) + Decimal(q["figures"]["commission"])
    other = {**BODY, "offer": {"bank_id": "vbank", "product_id": "deposit-reliable"}}
    assert (
        payer.call("POST", "/api/refinance", other, {"Idempotency-Key": str(uuid.uuid4())}).status_code == 404
    )


def test_refinance_stops_safely_at_each_step_and_resume_completes_it(payer: Payer) -> None:
    vbank, abank = payer.sandbox.admin("vbank"), payer.sandbox.admin("abank")
    cash = payer.account_id("vbank", "current")
    cash_before = payer.booked("vbank", cash)
    owed = Decimal(payer.loan("abank", LOAN)["outstanding"])
    # Step 1 crashes inside its Lambda (an unreadable bank answer before anything was sent).
    vbank.set_faults(malformed_rate=1.0, paths=["/product-agreements"], methods=["GET"])
    r = payer.call("POST", "/api/refinance", BODY, {"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 202, r.get_json()
    refinance_id = r.get_json()["refinance_id"]
    stopped = _wait_stopped(payer, refinance_id)
    assert (stopped["status"], stopped["stop"]["step"], stopped["stop"]["code"]) == (
        "stopped",
        "open_loan",
        "INTERRUPTED",
    )
    assert "Nothing has changed" in stopped["stop"]["safe_state"]
    assert _count(payer, "vbank", "POST /product-agreements") == 0
    # Step 2 cannot get its payment consent: the new loan is open, its money waits on the account.
    vbank.set_faults(
        error_rate=1.0, error_statuses=[503], paths=["/payment-consents/request"], methods=["POST"]
    )
    assert payer.call("POST", f"/api/refinance/{refinance_id}/resume").status_code == 202
    stopped = _wait_stopped(payer, refinance_id)
    assert (stopped["stop"]["step"], stopped["steps"][0]["status"]) == ("move_money", "done"), stopped
    assert "money is on your current account" in stopped["stop"]["safe_state"]
    amount = Decimal(stopped["new"]["amount"])
    assert payer.booked("vbank", cash) == cash_before + amount
    assert _count(payer, "vbank", "POST /payments") == 0
    # Step 3 is refused by the old bank once: the old loan is repaid, only its agreement is open.
    vbank.clear_faults()
    abank.set_agreement_knobs(close_refuse=1)
    assert payer.call("POST", f"/api/refinance/{refinance_id}/resume").status_code == 202
    stopped = _wait_stopped(payer, refinance_id)
    assert (stopped["stop"]["step"], stopped["stop"]["code"]) == ("close_old", "CLOSE_REFUSED"), stopped
    assert payer.call("POST", f"/api/refinance/{refinance_id}").status_code in (404, 405)
    assert payer.call("POST", f"/api/refinance/{refinance_id}/resume").status_code == 202
    done = _wait_stopped(payer, refinance_id)
    assert done["status"] == "completed", done
    assert [s["status"] for s in done["steps"]] == ["done"] * 4
    assert payer.call("POST", f"/api/refinance/{refinance_id}/resume").status_code == 409
    # Nothing twice: one new loan opened, one payment, one close that went through.
    assert _count(payer, "vbank", "POST /payments") == 1
    loans = payer.call("GET", "/api/loans").get_json()["loans"]
    assert all(x["agreement_id"] != LOAN for x in loans), "the old loan is closed"
    new = next(x for x in loans if x["agreement_id"] == done["new"]["agreement_id"])
    assert (new["bank_id"], Decimal(new["outstanding"])) == ("vbank", amount)
    # Debt, MDP and the timeline follow the new loan after the re-sync.
    debt = payer.call("GET", "/api/loans").get_json()
    assert Decimal(debt["loans_total"]) == sum(Decimal(x["outstanding"]) for x in loans)
    assert Decimal(debt["daily_plan"]["mdp_daily"]) > 0
    events = payer.call("GET", "/api/timeline").get_json()["timeline"]["events"]
    instalments = {e["bank_id"] for e in events if e["kind"] == "instalment"}
    assert instalments == {"vbank"}, events
    commission = Decimal(done["figures"]["commission"])
    assert payer.booked("vbank", cash) == cash_before + commission, "cash unchanged but for the commission"
    assert amount == owed + commission
