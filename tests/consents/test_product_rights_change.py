"""Changing a product consent's rights (read only → open and close, as the web app asks when the
user wants to open a deposit) against the sandbox banks: the new consent replaces the old one as a
renewal does — the old stays in use until the new one is approved, then is revoked at the bank —
and the data the old one brought in is kept, because the new one covers it."""

from __future__ import annotations

from typing import Any

from finpulse.config import settings
from finpulse.data.keys import entity_sk, user_pk
from finpulse.storage.dynamo import table
from tests.consents.support import Api, customer_page

READ = {"read": True, "open": False, "close": False, "product_types": ["deposit", "loan", "card"]}
OPEN = {"read": True, "open": True, "close": False, "product_types": ["deposit"], "max_amount": "50000"}
OPEN_CLOSE = {**OPEN, "close": True, "max_amount": "80000"}


def _products(api: Api, bank: str, products: dict[str, Any]) -> dict[str, Any]:
    body = {"banks": [{"bank_id": bank, "include_products": True}], "include_accounts": False}
    return api.init(**body, products=products)[bank, "products"]


def _at_bank(sandbox: Any, bank: str) -> dict[str, dict[str, Any]]:
    return {c["request_id"]: c for c in sandbox.admin(bank).consents()}


def _one(api: Api, any_id: str) -> dict[str, Any]:
    return dict(api.ok("GET", "/api/consent/status", query={"request_id": any_id})["consent"])


def test_new_rights_at_an_auto_bank_replace_the_read_only_consent_at_once(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-8")
    old = _products(api, "vbank", READ)["consent"]
    assert old["status"] == "approved"
    agreement = {"pk": user_pk(api.user.sub), "sk": entity_sk("vbank", "AGR", "agr-1")}
    table(settings().data_table).put_item(Item=agreement)

    new = _products(api, "vbank", OPEN)
    assert new["outcome"] == "renewal_created"
    assert new["consent"]["replaces"] == old["id"]
    assert new["consent"]["status"] == "approved"
    state = api.status()["vbank"]["products"]
    assert state["current"]["id"] == new["consent"]["id"]
    assert state["current"]["options"]["open"] is True
    assert state["renewal"] is None
    replaced = _one(api, old["id"])
    assert replaced["replaced_by"] == new["consent"]["id"]
    assert replaced["status"] == "revoked"
    assert _at_bank(sandbox, "vbank")[old["request_id"]]["status"] == "revoked"
    assert _at_bank(sandbox, "vbank")[new["consent"]["request_id"]]["status"] == "authorized"
    assert "Data kept" in replaced["data_removal"]["reason"]  # the new consent covers the agreements
    kept = table(settings().data_table).get_item(Key=agreement).get("Item")
    assert kept is not None
    assert _products(api, "vbank", OPEN)["outcome"] == "reused"  # the same rights again: no new request


def test_new_rights_at_a_manual_bank_wait_for_approval_and_withdraw_an_older_request(
    api: Api, sandbox: Any
) -> None:
    api.identify(sbank="team200-9")
    old = _products(api, "sbank", READ)["consent"]
    customer_page(old["approval_url"], "approve")
    assert api.refresh(["sbank"])["sbank"]["products"]["current"]["status"] == "approved"

    first = _products(api, "sbank", OPEN)["consent"]
    assert first["status"] == "pending"
    assert first["replaces"] == old["id"]
    state = api.status()["sbank"]["products"]
    assert state["current"]["id"] == old["id"]  # read-only stays in use while the bank asks
    assert state["renewal"]["id"] == first["id"]

    second = _products(api, "sbank", OPEN_CLOSE)["consent"]  # changed their mind before approving
    assert second["status"] == "pending"
    assert second["replaces"] == old["id"]
    withdrawn = _one(api, first["id"])
    assert withdrawn["status"] == "revoked"
    assert "Superseded" in withdrawn["status_reason"]
    assert _at_bank(sandbox, "sbank")[first["request_id"]]["status"] == "revoked"
    assert api.status()["sbank"]["products"]["renewal"]["id"] == second["id"]

    customer_page(second["approval_url"], "approve")
    switched = api.refresh(["sbank"])["sbank"]["products"]
    assert switched["current"]["id"] == second["id"]
    assert switched["current"]["options"]["close"] is True
    assert switched["renewal"] is None
    assert _one(api, old["id"])["status"] == "revoked"
    assert _at_bank(sandbox, "sbank")[old["request_id"]]["status"] == "revoked"
