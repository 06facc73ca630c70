"""Loans and deposits are worth what their own accounts hold, when the bank has such accounts.

The sandbox (and the list call of real banks) gives a loan agreement's `amount` as the sum lent;
the loan account's balance is what is owed today — negative, `Debit` or a positive `Credit` amount
owed alike. Figures that disagree are noted, never silently zero. Cards likewise.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.domain import AccountKind, BalanceType
from tests.analytics.builders import TODAY, D, account, balance, card, deposit, loan

LOAN_ACC = account("vbank", "la", AccountKind.LOAN, number="45507810000000000009")


def _notes(d: Any) -> list[str]:
    """The notes with their no-break spaces (inside amounts) read as spaces."""
    return [n.replace("\u00a0", " ") for n in d.notes]


def test_outstanding_is_the_loan_accounts_balance_not_the_amount_lent() -> None:
    agreement = loan(
        "vbank", "L-9", "6500000.00", "9.8", account_number=LOAN_ACC.number, principal=D("6500000")
    )
    d = compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[LOAN_ACC],
            balances=[
                balance("vbank", "la", "-5973323.57", BalanceType.INTERIM_AVAILABLE),
                balance("vbank", "la", "-5973323.57", BalanceType.INTERIM_BOOKED),
            ],
            agreements=[agreement],
        )
    )
    assert d.debt.loans[0].outstanding == D("5973323.57")
    assert not d.debt.loans[0].outstanding_is_principal
    assert d.debt.total == D("5973323.57")
    assert d.cash.total == D("0.00")  # a loan account is never cash


def test_without_a_loan_account_the_agreement_amount_stands() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[loan("vbank", "L-9", "100000.00", "12")]))
    assert d.debt.loans[0].outstanding == D("100000.00")


def test_a_deposit_is_worth_its_deposit_accounts_balance() -> None:
    dep_acc = account("vbank", "da", AccountKind.DEPOSIT, number="42305810000000000001")
    agreement = deposit("vbank", "D-1", "800000.00", "8.5", account_number=dep_acc.number)
    d = compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[dep_acc],
            balances=[balance("vbank", "da", "1040000.00")],  # after top-ups
            agreements=[agreement],
        )
    )
    assert d.savings.total == D("1040000.00")
    assert d.savings.items[0].amount == D("1040000.00")


def _owed(balance_amount: str, **agreement: object) -> Any:
    terms: dict[str, Any] = {
        "account_number": LOAN_ACC.number,
        "principal": D("300000"),
        "monthly_payment": D("9000"),
    }
    terms.update(agreement)
    outstanding = terms.pop("outstanding", None)
    made = loan("xbank", "L-7", "1", "12", **terms)
    made = replace(made, outstanding=outstanding)
    account_ = replace(LOAN_ACC, bank_id="xbank")
    return compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[account_],
            balances=[balance("xbank", "la", balance_amount, BalanceType.INTERIM_BOOKED)],
            agreements=[made],
        )
    )


@pytest.mark.parametrize(
    "reported",
    ["-250000.00", "250000.00"],
    ids=["negative or Debit", "positive Credit (the amount owed)"],
)
def test_a_loan_account_owes_the_same_under_every_sign_convention(reported: str) -> None:
    d = _owed(reported, account_balance=D(reported))
    assert d.debt.loans[0].outstanding == D("250000.00")
    assert d.debt.total == D("250000.00")
    assert d.notes == []


def test_a_zero_loan_account_of_a_live_agreement_is_not_silently_zero_debt() -> None:
    d = _owed("0.00")
    assert d.debt.loans[0].outstanding == D("300000.00")  # the agreement's principal
    assert d.debt.loans[0].outstanding_is_principal
    assert any("0 ₽" in n and "300 000,00 ₽" in n for n in _notes(d)), d.notes


def test_an_agreement_that_disagrees_with_its_loan_account_is_noted_and_the_ledger_shown() -> None:
    d = _owed("-250000.00", outstanding=D("262000.00"))
    assert d.debt.loans[0].outstanding == D("250000.00")
    assert any("250 000,00 ₽" in n and "262 000,00 ₽" in n for n in _notes(d)), d.notes


def test_an_overdue_loan_is_debt_and_an_unstated_overdue_amount_is_said() -> None:
    d = compute_dashboard(
        EngineInput(today=TODAY, agreements=[loan("vbank", "L-8", "90000.00", "21.9", status="overdue")])
    )
    assert d.debt.total == D("90000.00")
    assert any("просроченный" in n for n in d.notes), d.notes


CARD_ACC = account("vbank", "ca", AccountKind.CREDIT_CARD, number="40817810000000000777")


def _card(*balances: tuple[str, BalanceType], **terms: Any) -> Any:
    return compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[CARD_ACC],
            balances=[balance("vbank", "ca", amount, kind) for amount, kind in balances],
            agreements=[card("vbank", "cc", "100000.00", account_number=CARD_ACC.number, **terms)],
        )
    )


AVAILABLE, BOOKED = BalanceType.INTERIM_AVAILABLE, BalanceType.INTERIM_BOOKED


@pytest.mark.parametrize(
    ("balances", "used", "source"),
    [
        ((("-60000.00", BOOKED),), "60000.00", "account"),  # negative / Debit
        ((("60000.00", BOOKED),), "60000.00", "account"),  # the amount owed as a positive Credit
        ((("40000.00", AVAILABLE), ("60000.00", BOOKED)), "60000.00", "derived"),
        ((("40000.00", AVAILABLE), ("-60000.00", BOOKED)), "60000.00", "derived"),
        ((("140000.00", AVAILABLE), ("40000.00", BOOKED)), "0.00", "derived"),  # own money on it
    ],
)
def test_a_cards_used_amount_is_the_same_under_every_sign_convention(
    balances: tuple[tuple[str, BalanceType], ...], used: str, source: str
) -> None:
    d = _card(*balances)
    assert (d.debt.cards[0].used, d.debt.cards[0].used_source) == (D(used), source)
    assert d.notes == []
    assert d.debt.total == D(used)  # never the 100 000 limit


def test_a_bank_stated_card_debt_that_disagrees_with_the_card_account_is_noted() -> None:
    d = _card(("40000.00", AVAILABLE), used_amount=D("50000.00"))
    assert d.debt.cards[0].used == D("50000.00")
    assert any("50 000,00 ₽" in n and "60 000,00 ₽" in n for n in _notes(d)), d.notes
