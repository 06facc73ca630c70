"""A bank where the customer approves every payment consent in the bank's own app (sbank): the
payment waits (202 `awaiting_approval` with the bank's page), goes ahead once approved — seen on
`GET /api/payments/{id}` or by the next refresh — and ends `rejected` if the customer refuses.

Customer team200-3 at sbank (current account, consumer loan).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.consents.support import customer_page
from tests.payments.support import Payer, bank_posts, wait_until
from tests.sync.support import refresh

LOAN = "loan-team200-3-7339"
pytestmark = pytest.mark.usefixtures("restore_bank_data")
CUSTOMER = "team200-3"
BANKS = ("sbank",)


def _mdp(payer: Payer, amount: str) -> dict[str, Any]:
    r = payer.pay(
        "mdp",
        {
            "debtor": {"bank_id": "sbank", "account_id": payer.account_id("sbank", "current")},
            "target": {"bank_id": "sbank", "agreement_id": LOAN},
            "amount": amount,
        },
    )
    assert r.status_code == 202, r.get_json()
    waiting: dict[str, Any] = r.get_json()
    assert waiting["status"] == "awaiting_approval"
    assert waiting["approval_url"].startswith(payer.sandbox.url("sbank") + "/app/consents/")
    assert "Approve" in waiting["message"]
    return waiting


def test_approved_on_the_banks_page_then_completed(payer: Payer) -> None:
    checking = payer.account_id("sbank", "current")
    before = payer.booked("sbank", checking)
    waiting = _mdp(payer, "700.00")
    assert payer.payment(waiting["payment_id"])["status"] == "awaiting_approval"
    assert bank_posts(payer.sandbox, "sbank") == 0
    customer_page(waiting["approval_url"], "approve")  # the customer signs in the bank's app
    done = payer.payment(waiting["payment_id"])
    assert done["status"] == "completed", done
    assert [h["status"] for h in done["history"]] == [
        "created",
        "awaiting_approval",
        "submitting",
        "completed",
    ]
    assert done["approval_url"] is None
    assert bank_posts(payer.sandbox, "sbank") == 1
    wait_until(lambda: payer.booked("sbank", checking) == before - 700, what="the re-sync")


def test_refused_on_the_banks_page_ends_rejected(payer: Payer) -> None:
    waiting = _mdp(payer, "50.00")
    customer_page(waiting["approval_url"], "reject")
    rejected = payer.payment(waiting["payment_id"])
    assert rejected["status"] == "rejected"
    assert rejected["failure"]["code"] == "CONSENT_REJECTED"
    assert bank_posts(payer.sandbox, "sbank") == 0


def test_the_next_refresh_sends_an_approved_payment(payer: Payer) -> None:
    waiting = _mdp(payer, "60.00")
    payer.sandbox.admin("sbank").approve(waiting["consent"]["request_id"])
    refresh(payer.api_client, payer.user, force=True)
    listed = payer.call("GET", "/api/payments?status=completed").get_json()["payments"]  # a list never polls
    assert waiting["payment_id"] in [p["payment_id"] for p in listed]
    assert bank_posts(payer.sandbox, "sbank") == 1
