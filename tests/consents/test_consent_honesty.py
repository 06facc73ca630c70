"""Consent state from every answer, revoked-means-deleted, pending that expires, honest revokes.

Against the sandbox banks with the variants of other banks switched on by their knobs:
`revoked_as` (a revoked consent answered 403 CONSENT_REQUIRED), `approval_hidden_by_request_id`
(an approved request still reads as pending by its request id), `request_id_delete_404`.
"""

from __future__ import annotations

import time
from typing import Any

from finpulse.data.keys import entity_sk, tx_pk
from tests.consents.support import Api, customer_page, registry_changed
from tests.consents.test_revoke_expiry_renewal import seed_data, stored_keys

INPUTS = {"safety_buffer": "15000"}


def _accounts_data(keys: set[str], bank_id: str) -> set[str]:
    kinds = ("ACC", "BAL", "CARD", "CURSOR")
    return {k for k in keys if any(k.startswith(f"BANK#{bank_id}#{kind}#") for kind in kinds)}


def test_revoked_at_the_bank_deletes_what_it_brought_and_nothing_else(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-2")
    consents = api.init(banks=["vbank"], include_products=True)
    api.ok("PUT", "/api/me/financial-inputs", INPUTS)
    seed_data(api.user.sub, "vbank")  # the deletion matrix of DELETE /api/consents/{id}
    before = stored_keys(api.user.sub)
    assert _accounts_data(before, "vbank")

    sandbox.admin("vbank").revoke(consents["vbank", "accounts"]["consent"]["consent_id"])
    state = api.refresh(["vbank"])["vbank"]
    current = state["accounts"]["current"]
    assert current["status"] == "revoked"
    assert state["needs_action"] is True
    removal = current["data_removal"]
    assert removal["deleted_items"] == 5  # ACC, BAL, CARD, CURSOR and the month holding its transactions
    assert "VBank reports this consent revoked" in removal["reason"]
    assert removal["not_deleted"] == []
    left = stored_keys(api.user.sub)
    assert not _accounts_data(left, "vbank")
    assert not any(k.startswith(tx_pk(api.user.sub, "vbank", "acc-1")) for k in left)  # its transactions
    assert entity_sk("vbank", "AGR", "agr-1") in left  # the product consent is still live
    assert any("otherbank" in k for k in left)  # another bank's data
    assert state["products"]["current"]["status"] == "approved"
    assert api.ok("GET", "/api/me/financial-inputs")["safety_buffer"] == "15000"  # the user's inputs
    again = api.refresh(["vbank"])["vbank"]["accounts"]["current"]["data_removal"]
    assert again["deleted_items"] == 5  # settled once


def test_a_revocation_answered_as_consent_required_is_found_by_the_next_sync(api: Api, sandbox: Any) -> None:
    admin = sandbox.admin("abank")
    admin.update_faults(revoked_as="CONSENT_REQUIRED")
    api.identify(abank="team200-3")
    consent = api.init(banks=["abank"])["abank", "accounts"]["consent"]
    assert api.ok("GET", "/api/banks/abank/bootstrap")["accounts"]
    admin.revoke(consent["consent_id"])

    synced = api.ok("GET", "/api/banks/abank/bootstrap")
    assert synced["sync"]["error"]["code"] == "CONSENT_REQUIRED"
    # The next screen (a plain read, no manual poll) already knows: the sync re-read the consent.
    state = api.status()["abank"]
    assert state["accounts"]["current"]["status"] == "revoked"
    assert state["accounts"]["current"]["raw_status"] == "Revoked"
    assert state["connected"] is False
    assert state["needs_action"] is True
    assert state["accounts"]["current"]["data_removal"]["deleted_items"] > 0
    assert api.ok("GET", "/api/accounts", query={"bank_id": "abank"})["accounts"] == []


def test_one_refused_call_is_not_proof_the_consent_is_re_read(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-4")
    api.init(banks=["vbank"])
    api.ok("GET", "/api/banks/vbank/bootstrap")
    # The bank refuses the account list once, but the consent is fine at the bank.
    sandbox.admin("vbank").set_faults(error_rate=1.0, error_statuses=[403], count=1, paths=["/accounts"])
    api.ok("GET", "/api/banks/vbank/bootstrap")
    state = api.status()["vbank"]
    assert state["accounts"]["current"]["status"] == "approved"
    assert api.ok("GET", "/api/accounts", query={"bank_id": "vbank"})["accounts"]


def test_a_pending_request_expires_after_the_banks_timeout_and_a_new_one_can_be_asked(
    api: Api, live: Any, sandbox: Any
) -> None:
    api.identify(sbank="team200-5")
    with registry_changed(live, "sbank", pending_timeout_hours=0.0005):  # 1.8 s
        first = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
        assert first["status"] == "pending"
        time.sleep(2.0)
        expired = api.status()["sbank"]["accounts"]["current"]
        assert expired["id"] == first["id"]
        assert expired["status"] == "expired"
        assert "within 0.0005 h" in expired["status_reason"]
        assert expired["bank_revoke_pending"] is False  # withdrawn at the bank at once
        at_bank = {c["request_id"]: c for c in sandbox.admin("sbank").consents()}
        assert at_bank[first["request_id"]]["status"] == "revoked"
        second = api.init(banks=["sbank"])["sbank", "accounts"]
        assert second["outcome"] == "created"
        assert second["consent"]["request_id"] != first["request_id"]
    # ... and the user can cancel a pending request and ask again whenever they like.
    cancelled = api.ok("DELETE", f"/api/consents/{second['consent']['id']}")
    assert cancelled["revoked_at_bank"] is True
    third = api.init(banks=["sbank"])["sbank", "accounts"]
    assert third["outcome"] == "created"


def test_an_approval_the_bank_never_shows_and_a_revoke_it_cannot_confirm(
    api: Api, live: Any, sandbox: Any
) -> None:
    admin = sandbox.admin("sbank")
    admin.update_faults(approval_hidden_by_request_id=True, request_id_delete_404=True)
    api.identify(sbank="team200-6")
    pending = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
    customer_page(pending["approval_url"], "approve")  # approved at the bank: a live grant there
    assert api.refresh(["sbank"])["sbank"]["accounts"]["current"]["status"] == "pending"

    revoked = api.ok("DELETE", f"/api/consents/{pending['id']}")
    assert revoked["revoked_at_bank"] is False
    assert revoked["bank_error"]["http_status"] == 404
    assert "404" in revoked["reason"]
    assert "SBank's own app" in revoked["hint"]
    assert revoked["consent"]["status"] == "revoked"
    assert revoked["consent"]["bank_revoke_unconfirmed"] is True
    assert revoked["consent"]["bank_revoke_pending"] is False  # a 404 is not retried
    assert any("did not confirm" in n for n in revoked["not_deleted"])
    # True to the user: the grant does live on at the bank.
    at_bank = {c["request_id"]: c for c in admin.consents()}
    assert at_bank[pending["request_id"]]["status"] == "authorized"

    # The same bank, a request left pending past the timeout: expired, with the same honesty.
    with registry_changed(live, "sbank", pending_timeout_hours=0.0005):
        stuck = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
        time.sleep(2.0)
        expired = api.refresh(["sbank"])["sbank"]["accounts"]["current"]
    assert (expired["id"], expired["status"]) == (stuck["id"], "expired")
    assert expired["bank_revoke_unconfirmed"] is True
