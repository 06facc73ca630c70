"""Pure logic of payments: the state machine, the checks, the consent terms, what banks answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from finpulse.banks.payments import BankPayment, PaymentConsentTerms, payment_state
from finpulse.domain import Account, AccountKind, Agreement, AgreementKind
from finpulse.payments import checks, consent, resolve
from finpulse.payments.checks import Checks
from finpulse.payments.ids import PAYMENT_ID_PATTERN, new_payment_id, reference
from finpulse.payments.records import (
    ConsentUse,
    IllegalTransition,
    Party,
    PaymentRecord,
    can_move,
    transition,
)
from finpulse.payments.requests import PaymentDebtorRef, PaymentRequest, PaymentTargetRef

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _record() -> PaymentRecord:
    party = Party(bank_id="vbank", account_id="acc-1", number="40817810000000000001", kind="current")
    loan = Party(bank_id="vbank", agreement_id="loan-1", number="45507810000000000002", kind="loan")
    return PaymentRecord(
        user_id="u",
        customer_id="team200-1",
        payment_id=new_payment_id(NOW),
        kind="mdp",
        idempotency_key="k",
        request_hash="h",
        debtor=party,
        creditor=loan,
        amount=Decimal("10.00"),
        currency="RUB",
        comment="c",
        reference="FP-1",
        consent=ConsentUse(mode="single_use"),
        created_at=NOW,
        updated_at=NOW,
    )


def test_the_state_machine_has_only_its_moves_and_final_states_stay() -> None:
    record = _record()
    with pytest.raises(IllegalTransition):
        transition(record, "completed", NOW)  # never paid without being sent
    for step in ("awaiting_approval", "submitting", "unknown", "pending", "completed"):
        transition(record, step, NOW)  # type: ignore[arg-type]
    assert record.final
    assert [h.status for h in record.history] == [
        "awaiting_approval",
        "submitting",
        "unknown",
        "pending",
        "completed",
    ]
    assert record.submitted_at == NOW
    assert not any(can_move(record, s) for s in ("submitting", "pending", "rejected", "unknown"))  # type: ignore[arg-type]
    assert "40817810000000000001" not in repr(record.debtor)
    assert record.debtor.masked == "****0001"


def test_ids_are_time_ordered_and_the_reference_is_their_random_part() -> None:
    first, later = new_payment_id(NOW), new_payment_id(NOW + timedelta(milliseconds=1))
    assert first < later
    import re

    assert re.match(PAYMENT_ID_PATTERN, first)
    assert reference(first) == "FP-" + first.rsplit("-", 1)[1].upper()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "AMOUNT_REQUIRED"),
        (Decimal("0"), "AMOUNT_NOT_POSITIVE"),
        (Decimal("-1"), "AMOUNT_NOT_POSITIVE"),
        (Decimal("1.001"), "AMOUNT_PRECISION"),
        (Decimal("100000000.01"), "AMOUNT_TOO_LARGE"),
        (Decimal("1.10"), None),
        (Decimal("1.100"), None),  # 1.100 is 1.10
    ],
)
def test_amount_checks(value: Decimal | None, code: str | None) -> None:
    c = Checks()
    checks.amount(c, value, "request")
    assert [r.code for r in c.results if not r.ok] == ([code] if code else [])


def _terms(**overrides: Any) -> PaymentConsentTerms:
    raw: dict[str, Any] = {
        "data": {
            "consentId": "pcon-1",
            "status": "active",
            "consentType": "vrp",
            "debtorAccount": "40817810000000000001",
            "currency": "RUB",
            "limits": {
                "vrp_max_individual_amount": "100.00",
                "vrp_daily_limit": "150.00",
                "vrp_monthly_limit": "500.00",
            },
            "usage": {
                "used_count": 2,
                "used_amount": "120.00",
                "used_today": "60.00",
                "used_this_month": "450.00",
            },
        }
    }
    raw["data"].update(overrides)
    return PaymentConsentTerms.model_validate(raw)


@pytest.mark.parametrize(
    ("amount", "terms", "creditor", "code"),
    [
        ("40", {}, "C", None),
        ("101", {}, "C", "CONSENT_LIMIT_EXCEEDED"),  # per payment
        ("95", {}, "C", "CONSENT_LIMIT_EXCEEDED"),  # daily: 60 + 95 > 150
        ("60", {"limits": {"vrp_monthly_limit": "500.00"}}, "C", "CONSENT_LIMIT_EXCEEDED"),  # 450 + 60
        ("10", {"status": "revoked"}, "C", "CONSENT_NOT_USABLE"),
        ("10", {"debtorAccount": "40817810000000000009"}, "C", "CONSENT_NOT_USABLE"),
        ("10", {"limits": {"allowed_creditor_accounts": ["X"]}}, "C", "CONSENT_NOT_USABLE"),
        ("10", {"consentType": "multi_use", "limits": {"max_uses": 2}}, "C", "CONSENT_USED_UP"),
        (
            "10",
            {"consentType": "single_use", "limits": {"amount": "10.00"}, "usage": {"used_count": 1}},
            "C",
            "CONSENT_USED_UP",
        ),
        (
            "10",
            {"consentType": "multi_use", "limits": {"max_total_amount": "125.00"}},
            "C",
            "CONSENT_LIMIT_EXCEEDED",
        ),
        ("10", {"expirationDateTime": "2020-01-01T00:00:00Z"}, "C", "CONSENT_NOT_USABLE"),
    ],
)
def test_consent_limits(amount: str, terms: dict[str, Any], creditor: str, code: str | None) -> None:
    c = Checks()
    checks.consent_limits(
        c,
        _terms(**terms),
        value=Decimal(amount),
        debtor_number="40817810000000000001",
        creditor_number=creditor,
    )
    assert [r.code for r in c.results if not r.ok] == ([code] if code else [])


def test_consent_terms_read_in_every_spelling() -> None:
    used = PaymentConsentTerms.model_validate(
        {"consentId": "p", "status": "used", "consent_type": "single_use"}
    )
    assert used.used_up
    assert used.status.value == "expired"
    assert (
        PaymentConsentTerms.model_validate(
            {"data": {"status": "Authorized", "usage": {"used_count": 1}}}
        ).used_count
        == 1
    )
    with pytest.raises(ValueError, match="status"):
        PaymentConsentTerms.model_validate({"data": {"consentId": "p"}})


def test_differences_name_what_the_bank_changed_and_which_are_material() -> None:
    asked = {
        "consent_type": "single_use",
        "amount": Decimal("17.00"),
        "currency": "RUB",
        "debtor_account": "40817810000000000001",
        "creditor_account": "42307810000000000002",
        "valid_until": "2026-11-21T09:00:00.000000Z",
    }
    same = _terms(consentType="single_use", limits={"amount": "17"}, creditorAccount="42307810000000000002")
    assert consent.differences(asked, same) == []
    changed = _terms(
        consentType="single_use",
        limits={"amount": "1.00"},
        creditorAccount="42307810000000000009",
        expirationDateTime="2026-11-20T10:00:00Z",
    )
    found = consent.differences(asked, changed)
    assert found == [
        "amount: asked 17.00, the bank stored 1.00",
        "creditor_account: asked ****0002, the bank stored ****0009",
        "valid_until: asked 2026-11-21T09:00:00.000000Z, the bank stored 2026-11-20T10:00:00.000000Z",
    ]
    assert consent.material(found)
    assert not consent.material(found[2:])


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("completed", "completed"),
        ("AcceptedSettlementCompleted", "completed"),
        ("AcceptedSettlementInProcess", "pending"),
        ("Pending", "pending"),
        ("Rejected", "rejected"),
        ("failed", "failed"),
        ("something-new", None),
    ],
)
def test_payment_status_words(word: str, state: str | None) -> None:
    assert payment_state(word) == state


def test_a_payment_answer_with_an_unknown_word_was_accepted() -> None:
    paid = BankPayment.model_validate({"data": {"paymentId": "pay-1", "status": "Queued", "amount": "1.00"}})
    assert (paid.payment_id, paid.state, paid.raw_status) == ("pay-1", "pending", "Queued")
    with pytest.raises(ValueError, match="payment_id"):
        BankPayment.model_validate({"data": {"status": "completed"}})


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Any:
    from finpulse.config import settings

    bank = '[{"bank_id": "vbank", "name": "VBank", "base_url": "http://127.0.0.1:9"}]'
    monkeypatch.setenv("BANKS", bank)
    settings.cache_clear()
    yield
    settings.cache_clear()


def _holdings(loan_number: str | None) -> resolve.Holdings:
    current = Account(
        bank_id="vbank",
        account_id="acc-1",
        kind=AccountKind.CURRENT,
        currency="RUB",
        number="40817810000000000001",
    )
    loan_account = Account(
        bank_id="vbank",
        account_id="acc-2",
        kind=AccountKind.LOAN,
        currency="RUB",
        number="45507810000000000002",
    )
    loan = Agreement(
        bank_id="vbank",
        agreement_id="loan-1",
        kind=AgreementKind.LOAN,
        product_name="Кредит",
        account_number=loan_number,
    )
    deposit = Agreement(
        bank_id="vbank", agreement_id="dep-1", kind=AgreementKind.DEPOSIT, account_number="42301"
    )
    return resolve.Holdings([current, loan_account], [], [loan, deposit])


def test_the_creditor_is_always_an_account_the_bank_reported(registry: None) -> None:
    c = Checks()
    target = resolve.target(
        _holdings(None), "mdp", PaymentTargetRef(bank_id="vbank", agreement_id="loan-1"), c
    )
    assert target is None
    assert [r.code for r in c.results if not r.ok] == ["CREDITOR_UNKNOWN"]
    c = Checks()
    found = resolve.target(
        _holdings("45507810000000000002"), "mdp", PaymentTargetRef(bank_id="vbank", agreement_id="loan-1"), c
    )
    assert found is not None
    assert (found.party.number, found.party.account_id, found.ref) == (
        "45507810000000000002",
        "acc-2",
        "vbank/loan-1",
    )


def test_targets_and_debtors_of_the_wrong_kind(registry: None) -> None:
    h = _holdings("45507810000000000002")
    c = Checks()
    assert resolve.target(h, "sdp", PaymentTargetRef(bank_id="vbank", agreement_id="loan-1"), c) is None
    assert resolve.target(h, "mdp", PaymentTargetRef(bank_id="vbank", agreement_id="dep-1"), c) is None
    assert resolve.debtor(h, PaymentDebtorRef(bank_id="vbank", account_id="acc-2"), c) is None
    assert [r.code for r in c.results if not r.ok] == [
        "TARGET_KIND_MISMATCH",
        "TARGET_KIND_MISMATCH",
        "DEBTOR_NOT_PAYABLE",
    ]


def test_equal_payments_have_equal_digests() -> None:
    base = {"debtor": {"bank_id": "vbank", "account_id": "a"}}
    one = PaymentRequest.model_validate({**base, "amount": 1500})
    other = PaymentRequest.model_validate({**base, "amount": "1500.00"})
    assert one.digest("mdp") == other.digest("mdp")
    assert one.digest("mdp") != one.digest("adp")
    assert one.digest("mdp") != PaymentRequest.model_validate({**base, "amount": "1500.01"}).digest("mdp")
