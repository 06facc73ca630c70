"""Payments refused before any bank is asked to pay — each with its own code, nothing sent — and bad
input to every payment endpoint answered with the envelope, never a 5xx.

Customer team200-7 at vbank (current account, consumer loan) and abank (current account).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.consents.support import assert_envelope, checking_account, vbank_untrusted
from tests.payments.support import Payer, bank_posts, connected_payer, consent_posts

__all__ = ["vbank_untrusted"]

BANKS = ("vbank", "abank")
LOAN = "loan-team200-7-9156"
pytestmark = pytest.mark.usefixtures("restore_bank_data")
CUSTOMER = "team200-7"
_consent: dict[str, str] = {}


@pytest.fixture
def payer(payer: Payer, sandbox: Any) -> Payer:
    """The module's user, with a multi-use payment consent (at most 100.00 a payment) at vbank."""
    if "id" not in _consent:
        limits = {
            "consent_type": "multi_use",
            "debtor_account": checking_account(sandbox, "vbank", CUSTOMER),
            "max_uses": 5,
            "max_amount_per_payment": "100",
        }
        r = payer.call(
            "POST",
            "/api/consents/init",
            {
                "banks": ["vbank"],
                "include_accounts": False,
                "include_payments": True,
                "payment_limits": limits,
            },
        )
        assert r.status_code == 200, r.get_json()
        (result,) = r.get_json()["results"]
        assert result["outcome"] == "created", result
        _consent["id"] = result["consent"]["consent_id"]
    sandbox.clean()  # request logs from here on: what the refused payments sent
    return payer


def _body(payer: Payer, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "debtor": {"bank_id": "vbank", "account_id": payer.account_id("vbank", "current")},
        "target": {"bank_id": "vbank", "agreement_id": LOAN},
        "amount": "50.00",
    }
    return {**body, **changes}


REFUSED = [
    ("over the available balance", {"amount": "20000.00"}, "mdp", 422, "INSUFFICIENT_FUNDS"),
    ("zero", {"amount": "0"}, "mdp", 422, "AMOUNT_NOT_POSITIVE"),
    ("negative", {"amount": "-10.00"}, "mdp", 422, "AMOUNT_NOT_POSITIVE"),
    ("three decimals", {"amount": "10.005"}, "mdp", 422, "AMOUNT_PRECISION"),
    ("too large", {"amount": "100000000.01"}, "mdp", 422, "AMOUNT_TOO_LARGE"),
    ("another currency", {"currency": "USD"}, "mdp", 422, "CURRENCY_MISMATCH"),
    (
        "a foreign debtor",
        {"debtor": {"bank_id": "vbank", "account_id": "acc-1100"}},
        "mdp",
        403,
        "DEBTOR_NOT_OWNED",
    ),
    (
        "an unknown target",
        {"target": {"bank_id": "vbank", "agreement_id": "loan-nope"}},
        "mdp",
        422,
        "TARGET_UNKNOWN",
    ),
    (
        "a target at an unknown bank",
        {"target": {"bank_id": "zbank", "account_id": "a1"}},
        "mdp",
        422,
        "TARGET_UNKNOWN",
    ),
    ("no target", {"target": None}, "mdp", 422, "TARGET_REQUIRED"),
    ("a loan as a savings target", {}, "sdp", 422, "TARGET_KIND_MISMATCH"),
    ("over what is owed", {"amount": "9000000.00", "debtor": None}, "adp", 422, "AMOUNT_EXCEEDS_DEBT"),
]


@pytest.mark.parametrize(("case", "changes", "kind", "status", "code"), REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_before_the_bank_is_called(
    payer: Payer, case: str, changes: dict[str, Any], kind: str, status: int, code: str
) -> None:
    body = {k: v for k, v in _body(payer, **changes).items() if v is not None}
    if "debtor" not in body:  # the richer account, so that only the debt check fails
        body["debtor"] = {"bank_id": "abank", "account_id": payer.account_id("abank", "current")}
    r = payer.pay(kind, body)
    assert_envelope(r.status_code, r.get_json(), status)
    assert r.get_json()["error"]["code"] == code, r.get_json()
    quoted = payer.quote(kind, body)
    assert quoted.status_code == 200, quoted.get_json()
    assert code in [c["code"] for c in quoted.get_json()["checks"] if not c["ok"]]
    assert bank_posts(payer.sandbox, *BANKS) == 0
    assert consent_posts(payer.sandbox, *BANKS) == 0
    assert payer.call("GET", "/api/payments").get_json()["payments"] == []


def test_over_the_limit_of_an_existing_consent(payer: Payer) -> None:
    consent_id = _consent["id"]
    r = payer.pay("mdp", _body(payer, amount="150.00", consent_id=consent_id))
    assert_envelope(r.status_code, r.get_json(), 422)
    assert r.get_json()["error"]["code"] == "CONSENT_LIMIT_EXCEEDED"
    quote = payer.quote("mdp", _body(payer, amount="150.00", consent_id=consent_id)).get_json()
    assert quote["consent"]["mode"] == "existing"
    assert quote["consent"]["limits"]["max_amount_per_payment"] == "100.00"
    assert quote["consent"]["usage"]["used_count"] == "0"
    unknown = payer.pay("mdp", _body(payer, consent_id="pcon-unknown"))
    assert unknown.status_code == 422
    assert unknown.get_json()["error"]["code"] == "CONSENT_NOT_USABLE"
    assert bank_posts(payer.sandbox, *BANKS) == 0


def test_an_existing_consent_pays_within_its_limits(payer: Payer) -> None:
    r = payer.pay("mdp", _body(payer, amount="60.00", consent_id=_consent["id"]))
    assert r.status_code == 201, r.get_json()
    paid = r.get_json()
    assert paid["status"] == "completed"
    assert paid["consent"]["mode"] == "existing"
    assert bank_posts(payer.sandbox, "vbank") == 1
    assert consent_posts(payer.sandbox, "vbank") == 0  # no new consent: the existing one was used
    again = payer.quote("mdp", _body(payer, amount="60.00", consent_id=_consent["id"])).get_json()
    assert again["consent"]["usage"]["used_count"] == "1"


BAD_POSTS = [
    ("no key", None, {"debtor": {"bank_id": "vbank", "account_id": "acc-1"}}),
    ("a key that is not a UUID", "not-a-uuid", {"debtor": {"bank_id": "vbank", "account_id": "acc-1"}}),
    ("no debtor", "uuid", {"amount": "1"}),
    ("an unknown field", "uuid", {"debtor": {"bank_id": "vbank", "account_id": "acc-1"}, "limit": 5}),
    (
        "an amount that is not a number",
        "uuid",
        {"debtor": {"bank_id": "vbank", "account_id": "a"}, "amount": "x"},
    ),
    ("an absurd amount", "uuid", {"debtor": {"bank_id": "vbank", "account_id": "a"}, "amount": "1e999999"}),
    (
        "a target with both ids",
        "uuid",
        {
            "debtor": {"bank_id": "vbank", "account_id": "a"},
            "target": {"bank_id": "vbank", "account_id": "a", "agreement_id": "b"},
        },
    ),
    ("a bad bank id", "uuid", {"debtor": {"bank_id": "V B", "account_id": "a"}}),
    ("an array body", "uuid", []),
]


@pytest.mark.parametrize(("case", "key", "body"), BAD_POSTS, ids=[c[0] for c in BAD_POSTS])
def test_bad_payment_requests_are_422_envelopes(payer: Payer, case: str, key: str | None, body: Any) -> None:
    headers = {} if key is None else {"Idempotency-Key": str(uuid.uuid4()) if key == "uuid" else key}
    r = payer.call("POST", "/api/payments/mdp", body, headers)
    assert_envelope(r.status_code, r.get_json(), 422)
    assert r.get_json()["error"]["code"] == "VALIDATION_ERROR"


def test_bad_reads_are_envelopes_never_5xx(payer: Payer, make_user: Any) -> None:
    cases = [
        ("GET", "/api/payments/not-a-payment", 422),
        ("GET", "/api/payments/pay-20260101T000000000Z-000000000000", 404),
        ("GET", "/api/payments?kind=xyz", 422),
        ("GET", "/api/payments?status=lost", 422),
        ("GET", "/api/payments?limit=0", 422),
        ("GET", "/api/payments?limit=101", 422),
        ("GET", "/api/payments?cursor=garbage", 422),
        ("GET", "/api/payments?from=2026-02-01&to=2026-01-01", 422),
        ("GET", "/api/payments?from=yesterday", 422),
        ("GET", "/api/payments?bank_id=nobank", 404),
        ("POST", "/api/payments/quote", 422),
    ]
    for method, path, status in cases:
        r = payer.call(method, path, {} if method == "POST" else None)
        assert_envelope(r.status_code, r.get_json(), status)
    raw = payer.api_client.post(
        "/api/payments/quote",
        data="{not json",
        headers={**payer.user.auth_header, "Content-Type": "application/json"},
    )
    assert raw.status_code in (400, 422)  # the shared resolver's guard may answer 400 MALFORMED_BODY
    assert_envelope(raw.status_code, raw.get_json(), raw.status_code)


def test_someone_elses_payment_is_not_found(payer: Payer, api_client: Any, make_user: Any) -> None:
    mine = payer.call("GET", "/api/payments").get_json()["payments"]
    assert mine, "an earlier test paid"
    stranger = make_user()
    r = api_client.get(f"/api/payments/{mine[0]['payment_id']}", headers=stranger.auth_header)
    assert_envelope(r.status_code, r.get_json(), 404)
    assert api_client.get("/api/payments", headers=stranger.auth_header).get_json()["payments"] == []
    foreign = api_client.post(
        "/api/payments/quote",
        json={
            "kind": "mdp",
            "user_id": payer.user.sub,
            "debtor": {"bank_id": "vbank", "account_id": "acc-1701"},
        },
        headers=stranger.auth_header,
    )
    assert_envelope(foreign.status_code, foreign.get_json(), 403)


@pytest.mark.usefixtures("vbank_untrusted")
def test_an_unverified_identity_at_a_bank_approval_bank_pays_nothing(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    # vbank configured as a real bank is (`identity: bank_approval`): its automatic approval of
    # team200-8's consents proves nothing about who typed the customer id.
    stranger = connected_payer(api_client, make_user, sandbox, live, "team200-8", ("vbank", "abank"))
    sandbox.clean()
    card = stranger.agreement("vbank", "credit_card")["agreement_id"]
    for debtor_bank in ("vbank", "abank"):  # the debtor's bank, or the creditor's (the card's)
        body = {
            "debtor": {"bank_id": debtor_bank, "account_id": stranger.account_id(debtor_bank, "current")},
            "target": {"bank_id": "vbank", "agreement_id": card},
            "amount": "10.00",
        }
        r = stranger.pay("mdp", body)
        assert_envelope(r.status_code, r.get_json(), 403)
        assert r.get_json()["error"]["code"] == "BANK_IDENTITY_UNVERIFIED"
        quote = stranger.quote("mdp", body).get_json()
        assert [c["code"] for c in quote["checks"] if not c["ok"]] == ["BANK_IDENTITY_UNVERIFIED"]
    assert bank_posts(sandbox, "vbank", "abank") == 0
    assert consent_posts(sandbox, "vbank", "abank") == 0
    # Nothing at all was asked of the banks about it: not even a balance.
    assert [x["path"] for b in ("vbank", "abank") for x in sandbox.admin(b).requests()] == []
