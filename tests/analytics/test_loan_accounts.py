"""Loans and deposits are worth what their own accounts hold, when the bank has such accounts.

The sandbox (and the list call of real banks) gives a loan agreement's `amount` as the sum lent;
the loan account's balance (`Debit`, negative) is what is owed today.
"""

from __future__ import annotations

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.domain import AccountKind, BalanceType
from tests.analytics.builders import TODAY, D, account, balance, deposit, loan

LOAN_ACC = account("vbank", "la", AccountKind.LOAN, number="45507810000000000009")


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
