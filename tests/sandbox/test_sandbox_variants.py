"""Data variants: the same customers, served the way other implementations of the bank API send them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from sandbox.client import SandboxBanks


def _transactions(team: Any, customer: str, account_id: str, consent: str) -> list[dict[str, Any]]:
    resp = team.get(f"/accounts/{account_id}/transactions", consent, client_id=customer, limit=500)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["data"]["transaction"])


def test_unknown_variants_are_refused(sandbox: SandboxBanks) -> None:
    with pytest.raises(httpx.HTTPStatusError) as err:
        sandbox.admin("vbank").set_settings(variants="no_such_variant")
    assert err.value.response.status_code == 400
    assert "salary_everywhere" in err.value.response.text


def test_variants_change_what_every_bank_serves(sandbox: SandboxBanks, team: Any) -> None:
    for bank in sandbox:
        bank.admin.set_settings(variants="loan_owed_as_credit,salary_everywhere,topup_number_only")
    vbank, abank = team("vbank"), team("abank")
    # team200-1: mortgage account at vbank, owed as a positive Credit amount.
    consent = vbank.consent("team200-1")["consent_id"]
    loans = [a for a in vbank.accounts("team200-1", consent) if a["accountSubType"] == "Loan"]
    (loan,) = loans
    balances = vbank.get(f"/accounts/{loan['accountId']}/balances", consent).json()["data"]["balance"]
    assert {b["creditDebitIndicator"] for b in balances} == {"Credit"}
    assert all(float(b["amount"]["amount"]) > 1_000_000 for b in balances)
    # The salary the customer gets at vbank arrives at abank too, identical.
    consent_a = abank.consent("team200-1")["consent_id"]
    (current,) = [a for a in abank.accounts("team200-1", consent_a) if a["accountSubType"] == "Checking"]
    paid = [
        t
        for t in _transactions(abank, "team200-1", current["accountId"], consent_a)
        if t["counterparty"] == "ООО «ТехноСофт»"
    ]
    assert len(paid) == 12
    # team200-2's top-ups name the deposit only by its number; the counterparty is her name.
    consent2 = vbank.consent("team200-2")["consent_id"]
    accounts = vbank.accounts("team200-2", consent2)
    deposit = next(a for a in accounts if a["accountSubType"] == "Deposit")["account"][0]["identification"]
    main = next(a for a in accounts if a["accountSubType"] == "Checking")
    topups = [
        t
        for t in _transactions(vbank, "team200-2", main["accountId"], consent2)
        if deposit in t["transactionInformation"]
    ]
    assert topups
    assert all(t["counterparty"] == "Смирнова Анна Викторовна" for t in topups)
    assert all("вклад" not in t["transactionInformation"].lower() for t in topups)
