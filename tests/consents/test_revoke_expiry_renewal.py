"""Revocation (ours and the bank's), expiry and renewal, through the API and the sandbox banks."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from finpulse.banks.errors import ConsentRevoked
from finpulse.banks.retry import Deadline
from finpulse.config import settings
from finpulse.consents.lifecycle import consented_call
from finpulse.data import cursors
from finpulse.data.batch import data_writer
from finpulse.data.cursors import AccountCursor
from finpulse.data.keys import entity_sk, tx_pk, user_pk
from finpulse.data.transactions import TxApplier
from finpulse.data.txbuckets import AccountBuckets
from finpulse.domain import Transaction
from finpulse.storage.dynamo import table
from tests.consents.support import Api, customer_page


def seed_data(user_id: str, bank_id: str) -> None:
    """Items as the sync stores them (through finpulse.data) for one bank's accounts and products,
    and another bank's account."""
    data = table(settings().data_table)
    moment = datetime(2026, 1, 5, 10, tzinfo=UTC)
    items = [
        {"pk": user_pk(user_id), "sk": entity_sk(bank_id, "ACC", "acc-1")},
        {"pk": user_pk(user_id), "sk": entity_sk(bank_id, "BAL", "acc-1", "InterimBooked")},
        {"pk": user_pk(user_id), "sk": entity_sk(bank_id, "CARD", "card-1")},
        {"pk": user_pk(user_id), "sk": entity_sk(bank_id, "AGR", "agr-1")},
    ]
    with data.batch_writer() as batch:
        for item in items:
            batch.put_item(Item=item)
    writer = data_writer()
    for bank, account, ids in ((bank_id, "acc-1", ("tx-1", "tx-2")), ("otherbank", "acc-9", ("tx-3",))):
        cursors.put(user_id, bank, AccountCursor(account, exists=True))
        applier = TxApplier(user_id, bank, account, AccountCursor(account), AccountBuckets(), "seed", None)
        applier.apply(
            Transaction(
                bank_id=bank,
                account_id=account,
                transaction_id=i,
                booked_at=moment,
                amount=Decimal("-1"),
                currency="RUB",
            )
            for i in ids
        )
        applier.write(writer)
    writer.close()


def stored_keys(user_id: str) -> set[str]:
    data = table(settings().data_table)
    keys = set()
    pks = [user_pk(user_id)] + [tx_pk(user_id, b, a) for b, a in (("vbank", "acc-1"), ("otherbank", "acc-9"))]
    for pk in pks:
        page = data.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk})
        keys |= {f"{pk}|{i['sk']}" if pk.startswith("TX#") else str(i["sk"]) for i in page["Items"]}
    return keys


def test_revoke_here_tells_the_bank_and_deletes_the_data_it_brought(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-2")
    consent = api.init(banks=["vbank"])["vbank", "accounts"]["consent"]
    seed_data(api.user.sub, "vbank")
    revoked = api.ok("DELETE", f"/api/consents/{consent['consent_id']}")
    assert revoked["revoked_at_bank"] is True
    assert revoked["consent"]["status"] == "revoked"
    assert revoked["deleted_items"] == 5  # ACC, BAL, CARD, CURSOR and the month holding its 2 transactions
    assert revoked["not_deleted"] == []
    left = stored_keys(api.user.sub)
    assert any("otherbank" in k for k in left)  # another bank's data is untouched
    assert entity_sk("vbank", "AGR", "agr-1") in left  # product data belongs to the product consent
    assert not any(k.startswith("BANK#vbank#ACC") for k in left)
    assert not any(k.startswith(tx_pk(api.user.sub, "vbank", "acc-1")) for k in left)
    at_bank = {c["consent_id"]: c for c in sandbox.admin("vbank").consents()}
    assert at_bank[consent["consent_id"]]["status"] == "revoked"
    status = api.status()["vbank"]
    assert not status["connected"]
    assert status["accounts"]["current"]["status"] == "revoked"
    again = api.ok("DELETE", f"/api/consents/{consent['id']}")  # idempotent
    assert again["consent"]["status"] == "revoked"


def test_revoke_when_the_bank_is_down_is_still_revoked_here_and_told_later(api: Api, sandbox: Any) -> None:
    api.identify(abank="team200-3")
    consent = api.init(banks=["abank"])["abank", "accounts"]["consent"]
    sandbox.admin("abank").set_faults(error_rate=1.0, paths=["/account-consents/*"], methods=["DELETE"])
    revoked = api.ok("DELETE", f"/api/consents/{consent['id']}")
    assert revoked["revoked_at_bank"] is False
    assert revoked["bank_error"]["code"] == "BANK_UNAVAILABLE"
    assert revoked["consent"]["status"] == "revoked"
    assert revoked["consent"]["bank_revoke_pending"] is True
    assert any("not told" in n for n in revoked["not_deleted"])
    sandbox.admin("abank").clear_faults()
    after = api.refresh(["abank"])["abank"]["accounts"]["current"]
    assert after["bank_revoke_pending"] is False
    at_bank = {c["consent_id"]: c for c in sandbox.admin("abank").consents()}
    assert at_bank[consent["consent_id"]]["status"] == "revoked"


def test_revoked_at_the_bank_next_data_call_marks_it_revoked_without_crashing(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-4", abank="team200-4")
    results = api.init(banks=["vbank", "abank"])
    sandbox.admin("vbank").revoke(results["vbank", "accounts"]["consent"]["consent_id"])
    with pytest.raises(ConsentRevoked):
        consented_call(
            api.user.sub,
            "vbank",
            "accounts",
            lambda client, c: client.list_accounts(c.customer_id, c.consent_id or "", Deadline.after(5)),
        )
    status = api.status()
    assert status["vbank"]["accounts"]["current"]["status"] == "revoked"
    assert status["vbank"]["needs_action"]
    # The other bank, revoked in its app too, is found out by an explicit refresh.
    sandbox.admin("abank").revoke(results["abank", "accounts"]["consent"]["consent_id"])
    assert api.refresh()["abank"]["accounts"]["current"]["status"] == "revoked"


def test_expiry_at_the_bank_and_by_the_clock(api: Api, sandbox: Any) -> None:
    api.identify(vbank="team200-5", abank="team200-5")
    results = api.init(banks=["vbank"])
    sandbox.admin("vbank").expire_consent(results["vbank", "accounts"]["consent"]["consent_id"])
    assert api.refresh()["vbank"]["accounts"]["current"]["status"] == "expired"
    sandbox.admin("abank").set_settings(consent_days=0)  # expires as it is granted
    created = api.init(banks=["abank"])["abank", "accounts"]["consent"]
    assert created["status"] == "expired"
    assert api.status()["abank"]["connected"] is False


def test_near_expiry_is_flagged_and_renewal_switches_over_when_approved(api: Api, sandbox: Any) -> None:
    sandbox.admin("sbank").set_settings(consent_days=5)
    api.identify(sbank="team200-6")
    old = api.init(banks=["sbank"])["sbank", "accounts"]["consent"]
    customer_page(old["approval_url"], "approve")
    current = api.refresh()["sbank"]["accounts"]["current"]
    assert current["near_expiry"] is True
    assert current["expires_in_days"] in (4, 5)
    renewal = api.init(banks=["sbank"])["sbank", "accounts"]
    assert renewal["outcome"] == "renewal_created"
    assert renewal["consent"]["replaces"] == old["id"]
    state = api.status()["sbank"]
    assert state["accounts"]["current"]["id"] == old["id"]  # still in use until the renewal is approved
    assert state["accounts"]["renewal"]["id"] == renewal["consent"]["id"]
    assert api.init(banks=["sbank"])["sbank", "accounts"]["consent"]["id"] == renewal["consent"]["id"]
    customer_page(renewal["consent"]["approval_url"], "approve")
    switched = api.refresh()["sbank"]["accounts"]
    assert switched["current"]["id"] == renewal["consent"]["id"]
    assert switched["renewal"] is None
    replaced = api.ok("GET", "/api/consent/status", query={"request_id": old["id"]})["consent"]
    assert replaced["replaced_by"] == renewal["consent"]["id"]
    assert replaced["status"] == "revoked"  # the bank was told: one live consent per purpose


def test_explicit_renew_at_an_auto_bank_switches_at_once(api: Api) -> None:
    api.identify(vbank="team200-7")
    old = api.init(banks=["vbank"])["vbank", "accounts"]["consent"]
    new = api.init(banks=["vbank"], renew=True)["vbank", "accounts"]
    assert new["outcome"] == "renewal_created"
    state = api.status()["vbank"]["accounts"]
    assert state["current"]["id"] == new["consent"]["id"]
    assert state["current"]["status"] == "approved"
    old_now = api.ok("GET", "/api/consent/status", query={"consent_id": old["consent_id"]})["consent"]
    assert old_now["replaced_by"] == new["consent"]["id"]
