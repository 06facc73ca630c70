"""Opening and closing product agreements under a product-agreement consent, over real HTTP: the
consent's flags, allowed types and `max_amount` over the sum opened; deposits funded from a source
account, loans paid out to one, early repayment, closing; the agreement knobs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox.test_sandbox_payments import _balance

CUSTOMER = "team200-2"


@pytest.fixture(scope="module", autouse=True)
def _restore(sandbox_banks: Any) -> Iterator[None]:
    yield
    sandbox_banks.reset()


def _product_consent(t: Any, **grant: Any) -> str:
    body = {"requesting_bank": "team200", "client_id": CUSTOMER, "read_product_agreements": True, **grant}
    r = t.http.post("/product-agreement-consents/request", json=body, headers=t.headers())
    assert r.status_code == 200, r.text
    return str(r.json()["consent_id"])


def _checking(t: Any) -> tuple[str, str]:
    read = t.consent(CUSTOMER)["consent_id"]
    account = next(a for a in t.accounts(CUSTOMER, read) if a["accountSubType"] == "Checking")
    return read, account["accountId"]


def _open(t: Any, consent: str, **body: Any) -> httpx.Response:
    h = t.headers(**{"X-Product-Agreement-Consent-Id": consent})
    return t.http.post("/product-agreements", params={"client_id": CUSTOMER}, json=body, headers=h)


def _close(t: Any, consent: str, agreement_id: str, **body: Any) -> httpx.Response:
    h = t.headers(**{"X-Product-Agreement-Consent-Id": consent})
    url = f"/product-agreements/{agreement_id}"
    return t.http.request("DELETE", url, params={"client_id": CUSTOMER}, json=body or None, headers=h)


def _error(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["detail"]["error"]


def test_consent_flags_types_and_max_amount_over_the_sum_opened(team: Any) -> None:
    t = team("vbank")
    read, checking = _checking(t)
    before = _balance(t, read, checking)
    grant = {"open_product_agreements": True, "allowed_product_types": ["deposit"], "max_amount": 150000}
    consent = _product_consent(t, **grant)
    deposit = {"product_id": "deposit-reliable", "term_months": 6, "source_account_id": checking}
    opened = _open(t, consent, amount=100000, **deposit)
    assert opened.status_code == 200, opened.text
    new = opened.json()["data"]
    assert (new["product_type"], new["account_balance"], new["status"]) == ("deposit", 100000.0, "active")
    assert new["account_number"]
    assert _balance(t, read, checking) == round(before - 100000, 2)
    # 100 000 opened: 60 000 more is over the 150 000 the consent allows in all.
    assert _error(_open(t, consent, amount=60000, **deposit)) == (403, "LIMIT_EXCEEDED")
    assert _error(_open(t, consent, amount=100000, product_id="loan-consumer")) == (
        403,
        "INSUFFICIENT_PERMISSIONS",
    )
    assert _error(_open(t, consent, amount=5000, **deposit)) == (400, "AMOUNT_OUT_OF_RANGE")
    assert _error(_open(t, consent, amount=20000, **{**deposit, "term_months": 99})) == (
        400,
        "TERM_OUT_OF_RANGE",
    )
    stored = t.http.get(f"/product-agreement-consents/{consent}", headers=t.headers()).json()
    assert stored["current_total_opened"] == 100000.0
    read_only = _product_consent(t)
    assert _error(_open(t, read_only, amount=20000, **deposit)) == (403, "INSUFFICIENT_PERMISSIONS")
    # Closing needs the close flag; with it the deposit's money comes back.
    assert _error(_close(t, consent, new["agreement_id"]))[0] == 403
    closer = _product_consent(t, close_product_agreements=True, allowed_product_types=["deposit"])
    closed = _close(t, closer, new["agreement_id"], repayment_account_id=checking)
    assert closed.status_code == 200, closed.text
    assert closed.json()["data"]["status"] == "closed"
    assert _balance(t, read, checking) == before
    assert _error(_close(t, closer, new["agreement_id"])) == (409, "AGREEMENT_CLOSED")


def test_deposit_needs_funds_on_its_source_account(team: Any) -> None:
    t = team("vbank")
    read, checking = _checking(t)
    consent = _product_consent(t, open_product_agreements=True, max_amount=10_000_000)
    too_much = round(_balance(t, read, checking) + 1, 2)
    body = {"product_id": "deposit-reliable", "amount": too_much, "source_account_id": checking}
    assert _error(_open(t, consent, **body)) == (400, "INSUFFICIENT_FUNDS")
    assert _error(_open(t, consent, product_id="deposit-reliable", amount=20000)) == (
        400,
        "SOURCE_ACCOUNT_REQUIRED",
    )


def test_loan_paid_out_repaid_early_and_closed_once_its_balance_is_zero(team: Any) -> None:
    t = team("abank")
    read, checking = _checking(t)
    before = _balance(t, read, checking)
    grant = {"open_product_agreements": True, "close_product_agreements": True, "max_amount": 500000}
    consent = _product_consent(t, **grant)
    opened = _open(t, consent, product_id="loan-consumer", amount=200000, source_account_id=checking)
    assert opened.status_code == 200, opened.text
    loan = opened.json()["data"]
    assert loan["account_balance"] == -200000.0
    assert _balance(t, read, checking) == round(before + 200000, 2)
    # Early repayment in full, then the close: the debt is taken from the repayment account.
    closed = _close(t, consent, loan["agreement_id"], repayment_account_id=checking)
    assert closed.status_code == 200, closed.text
    assert closed.json()["data"]["account_balance"] == 0.0
    assert _balance(t, read, checking) == before


def test_agreement_knobs(team: Any, sandbox: Any) -> None:
    t = team("abank")
    admin = sandbox.admin("abank")
    _, checking = _checking(t)
    grant = {"open_product_agreements": True, "close_product_agreements": True, "max_amount": 1_000_000}
    consent = _product_consent(t, **grant)
    body = {"product_id": "deposit-reliable", "amount": 15000, "source_account_id": checking}
    admin.set_agreement_knobs(open_decline=1)
    assert _error(_open(t, consent, **body)) == (422, "APPLICATION_DECLINED")
    admin.set_agreement_knobs(open_drop_after_commit=1)
    with pytest.raises(httpx.RemoteProtocolError):
        _open(t, consent, **body)
    h = t.headers(**{"X-Product-Agreement-Consent-Id": consent})
    listed = t.http.get("/product-agreements", params={"client_id": CUSTOMER}, headers=h).json()["data"]
    dropped = [a for a in listed if a["product_id"] == "deposit-reliable" and a["amount"] == 15000]
    assert len(dropped) == 1, "the dropped opening was booked once"
    admin.set_agreement_knobs(close_refuse=1, close_drop_after_commit=1)
    agreement_id = dropped[0]["agreement_id"]
    assert _error(_close(t, consent, agreement_id, repayment_account_id=checking)) == (409, "CLOSE_REFUSED")
    with pytest.raises(httpx.RemoteProtocolError):
        _close(t, consent, agreement_id, repayment_account_id=checking)
    assert _error(_close(t, consent, agreement_id)) == (409, "AGREEMENT_CLOSED")
    assert admin.agreement_knobs() == {"close_refuse": 0, "close_drop_after_commit": 0}
    with pytest.raises(httpx.HTTPStatusError):
        admin.set_agreement_knobs(drop_everything=1)
