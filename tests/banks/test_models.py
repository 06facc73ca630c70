"""Bank answers: the documented variants are accepted, garbage is rejected."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from finpulse.banks.consent_status import ConsentStatus, normalise_status
from finpulse.banks.models import (
    AccountItem,
    BalanceItem,
    BankConsent,
    TokenResponse,
    TransactionItem,
    envelope_items,
)

# `../shared/` next to the checkout (`/work/main`), or next to the worktrees' folder (`/work/wt/issueN`).
SAMPLES = (
    next(
        (p / "shared" for p in Path(__file__).resolve().parents if (p / "shared" / "sandbox-api").is_dir()),
        Path(__file__).resolve().parents[3] / "shared",
    )
    / "sandbox-api"
    / "samples"
    / "team260-10"
)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("approved", ConsentStatus.APPROVED),
        ("Authorized", ConsentStatus.APPROVED),
        ("AUTHORISED", ConsentStatus.APPROVED),
        ("active", ConsentStatus.APPROVED),
        ("AwaitingAuthorization", ConsentStatus.PENDING),
        ("AWAITING_AUTHORIZATION", ConsentStatus.PENDING),
        ("awaiting-authorisation", ConsentStatus.PENDING),
        ("pending", ConsentStatus.PENDING),
        ("Rejected", ConsentStatus.REJECTED),
        ("revoked", ConsentStatus.REVOKED),
        ("Revoked", ConsentStatus.REVOKED),
        ("EXPIRED", ConsentStatus.EXPIRED),
        ("Consumed", ConsentStatus.EXPIRED),
    ],
)
def test_status_words_in_any_case_and_spelling(word: str, status: ConsentStatus) -> None:
    assert normalise_status(word) is status


@pytest.mark.parametrize("word", ["", "maybe", "approvedish", "42"])
def test_unknown_status_words_are_not_guessed(word: str) -> None:
    assert normalise_status(word) is None


def test_request_answer_of_an_auto_approved_consent() -> None:
    consent = BankConsent.model_validate(
        {"request_id": "req-1", "consent_id": "consent-1", "status": "approved", "auto_approved": True}
    )
    assert (consent.request_id, consent.consent_id, consent.status) == (
        "req-1",
        "consent-1",
        ConsentStatus.APPROVED,
    )
    assert consent.raw_status == "approved"


def test_pending_answer_keeps_only_the_request_id_and_the_approval_link() -> None:
    consent = BankConsent.model_validate(
        {
            "data": {"consentId": "req-9", "requestId": "req-9", "status": "AwaitingAuthorization"},
            "links": {"consentApproval": "http://bank/app/consents/req-9"},
        }
    )
    assert consent.consent_id is None  # the request id echoed as consentId is not a consent id
    assert consent.request_id == "req-9"
    assert consent.approval_url == "http://bank/app/consents/req-9"


def test_consent_resource_with_data_wrapper_expiry_and_permissions() -> None:
    consent = BankConsent.model_validate(
        {
            "data": {
                "consentId": "consent-1",
                "status": "Authorized",
                "permissions": ["ReadAccountsDetail"],
                "expirationDateTime": "2026-03-01T10:00:00",
            },
            "links": {},
        }
    )
    assert consent.expires_at == datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert consent.permissions == ["ReadAccountsDetail"]


def test_product_consent_variant_with_valid_until() -> None:
    consent = BankConsent.model_validate(
        {
            "request_id": "pagcr-1",
            "consent_id": "pagc-1",
            "status": "active",
            "valid_until": "2026-12-31T23:59:59Z",
        }
    )
    assert consent.status is ConsentStatus.APPROVED
    assert consent.expires_at == datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "garbage",
    [
        [],
        {"status": "approved"},  # no id at all
        {"consent_id": "c-1"},  # no status
        {"consent_id": "c-1", "status": "sideways"},
        {"consent_id": "c-1", "status": 7},
        {"consent_id": "", "request_id": None, "status": "pending"},
        {"consent_id": "c-1", "status": "approved", "expirationDateTime": "not a date"},
    ],
)
def test_garbage_consent_answers_are_rejected(garbage: object) -> None:
    with pytest.raises(ValidationError):
        BankConsent.model_validate(garbage)


def test_token_answer() -> None:
    token = TokenResponse.model_validate(
        {"access_token": "x" * 40, "token_type": "Bearer", "expires_in": "86400"}
    )
    assert token.expires_in == 86400
    with pytest.raises(ValidationError):
        TokenResponse.model_validate({"access_token": "x" * 40, "token_type": "mac"})
    with pytest.raises(ValidationError):
        TokenResponse.model_validate({"token_type": "bearer"})


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared/sandbox-api is not next to the repo")
def test_recorded_samples_parse_with_singular_keys_and_decimal_strings() -> None:
    bank = SAMPLES / "vbank" / "accounts"
    accounts = envelope_items(json.loads((bank / "accounts_list.json").read_text()), "account")
    assert AccountItem.model_validate(accounts[0]).account_id == "acc-3700"
    balances = [
        BalanceItem.model_validate(b)
        for b in envelope_items(json.loads((bank / "acc-3700_balance.json").read_text()), "balance")
    ]
    assert {b.type for b in balances} == {"InterimAvailable", "InterimBooked"}
    assert balances[0].amount.amount == Decimal("4354918.14")
    # The recording concatenated every page into one bare list of transactions.
    txs = json.loads((bank / "acc-3700_full_transactions.json").read_text())
    parsed = [TransactionItem.model_validate(t) for t in txs]
    assert parsed
    assert all(t.booking_date_time.tzinfo is not None for t in parsed)


def test_envelope_variants_and_missing_lists() -> None:
    assert envelope_items({"data": {"accounts": [1]}}, "account") == [1]
    assert envelope_items({"accounts": [2]}, "account") == [2]
    assert envelope_items({"data": [3]}, "agreement") == [3]
    with pytest.raises(ValueError, match="account"):
        envelope_items({"data": {}}, "account")
    with pytest.raises(ValueError, match="object"):
        envelope_items([], "account")


def test_amounts_must_be_decimal() -> None:
    with pytest.raises(ValidationError):
        BalanceItem.model_validate(
            {
                "accountId": "a",
                "type": "InterimBooked",
                "amount": {"amount": "12,5"},
                "creditDebitIndicator": "Credit",
            }
        )


@pytest.mark.parametrize(
    ("body", "parsed"),
    [
        (b'{"a": [1, 2.5, "\\u00e9"], "b": null}', {"a": [1, 2.5, "é"], "b": None}),
        (b'\xef\xbb\xbf{"a": 1}', {"a": 1}),  # a byte-order mark: json's way
        (b'{"a": NaN}', None),  # json's extension: taken as json takes it
        (b'{"a": 123456789012345678901234567890}', {"a": 123456789012345678901234567890}),
    ],
)
def test_bank_json_is_read_as_json_reads_it(body: bytes, parsed: Any) -> None:
    from finpulse.banks.http import parse_json

    got = parse_json(body)
    if parsed is None:
        assert json.dumps(got) == json.dumps(json.loads(body))
    else:
        assert got == parsed == json.loads(body)
    with pytest.raises(json.JSONDecodeError):  # what json refuses is refused, with json's error
        parse_json(body[:-1] + b"!")
