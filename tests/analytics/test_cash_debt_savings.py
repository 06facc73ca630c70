"""Cash, debt and savings: which balance counts, what is debt, what is savings."""

from __future__ import annotations

from datetime import UTC, date, datetime

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.domain import AccountKind, BalanceType, FinancialInputs
from finpulse.domain.inputs import CreditPaymentOverride
from tests.analytics.builders import TODAY, D, account, balance, card, deposit, loan, tx

BOOKED = BalanceType.INTERIM_BOOKED


def run(**kw: object) -> object:
    return compute_dashboard(EngineInput(today=TODAY, **kw))  # type: ignore[arg-type]


def test_cash_prefers_available_and_never_adds_booked() -> None:
    d = compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[account("b", "1"), account("b", "2")],
            balances=[
                balance("b", "1", "100.00"),
                balance("b", "1", "900.00", BOOKED),
                balance("b", "2", "7.50", BOOKED),
            ],
        )
    )
    assert d.cash.total == D("107.50")
    assert [a.balance_type for a in d.cash.accounts] == ["InterimAvailable", "InterimBooked"]


def test_cash_takes_the_latest_balance_of_a_type() -> None:
    older = balance("b", "1", "10.00", at=datetime(2025, 11, 20, tzinfo=UTC))
    newer = balance("b", "1", "20.00", at=datetime(2025, 11, 21, tzinfo=UTC))
    d = compute_dashboard(EngineInput(today=TODAY, accounts=[account("b", "1")], balances=[newer, older]))
    assert d.cash.total == D("20.00")


def test_cash_counts_only_enabled_current_and_debit_accounts() -> None:
    accounts = [
        account("b", "cur"),
        account("b", "card", AccountKind.DEBIT_CARD),
        account("b", "off", enabled=False),
        account("b", "sav", AccountKind.SAVINGS),
        account("b", "cc", AccountKind.CREDIT_CARD),
        account("b", "dep", AccountKind.DEPOSIT),
    ]
    balances = [balance("b", a.account_id, "100.00") for a in accounts]
    d = compute_dashboard(EngineInput(today=TODAY, accounts=accounts, balances=balances))
    assert d.cash.total == D("200.00")
    assert d.savings.total == D("100.00")  # the savings account; a deposit *account* is not counted
    assert d.debt.total == D("0.00")  # a positive credit-card balance is unused credit, not debt


def test_negative_balance_reduces_cash() -> None:
    d = compute_dashboard(
        EngineInput(today=TODAY, accounts=[account("b", "1")], balances=[balance("b", "1", "-250.00")])
    )
    assert d.cash.total == D("-250.00")


def test_foreign_currency_is_shown_apart_without_a_rate_and_converted_with_one() -> None:
    accounts = [account("b", "rub"), account("b", "usd", currency="USD")]
    balances = [balance("b", "rub", "1000.00"), balance("b", "usd", "10.00", currency="USD")]
    apart = compute_dashboard(EngineInput(today=TODAY, accounts=accounts, balances=balances))
    assert apart.cash.total == D("1000.00")
    assert [(f.currency, f.amount) for f in apart.cash.foreign_unconverted] == [("USD", D("10.00"))]
    assert apart.cash.accounts[1].amount_base is None
    rated = compute_dashboard(
        EngineInput(today=TODAY, accounts=accounts, balances=balances, fx_rates={"USD": D("92.505")})
    )
    assert rated.cash.total == D("1925.05")
    assert rated.cash.foreign_unconverted == []


def test_account_without_balance_is_listed_not_invented() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, accounts=[account("b", "1")]))
    assert d.cash.total == D("0.00")
    assert d.cash.accounts[0].amount is None


def test_card_limit_is_never_debt() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[card("b", "c", "500000.00")]))
    assert d.debt.total == D("0.00")
    assert d.debt.cards[0].used_source == "unknown"
    assert d.debt.cards[0].utilisation_percent is None
    used = compute_dashboard(
        EngineInput(today=TODAY, agreements=[card("b", "c", "500000.00", used_amount=D("1234.56"))])
    )
    assert used.debt.total == D("1234.56")
    assert used.debt.cards[0].min_payment == D("61.73")  # 5 % of 1 234.56 = 61.728


def test_unlinked_credit_card_account_counts_only_a_negative_balance() -> None:
    accounts = [account("b", "cc", AccountKind.CREDIT_CARD), account("b", "cc2", AccountKind.CREDIT_CARD)]
    balances = [balance("b", "cc", "-800.00"), balance("b", "cc2", "5000.00")]
    d = compute_dashboard(EngineInput(today=TODAY, accounts=accounts, balances=balances))
    assert d.debt.cards_used_total == D("800.00")


def test_loan_without_schedule_gets_an_annuity_estimate_flagged_estimated() -> None:
    agreement = loan("b", "l", "60000.00", "12.9", start_date=date(2025, 8, 28), term_months=6)
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement]))
    row = d.debt.loans[0]
    # maturity 2026-02-28; months 2025-11-21 → 2026-02-28 = 3, +1 (28 >= 21) = 4
    assert row.remaining_months == 4
    assert row.payment_source == "annuity_estimate"
    # i = 0.129 / 12 = 0.01075; 1.01075^4 = 1.0436984; P = 645 / (1 − 1 / 1.0436984) = 15 405.28
    assert row.monthly_payment == D("15405.28")
    assert row.next_payment_date == date(2025, 11, 28)
    assert row.estimated is True


def test_override_beats_schedule_and_sets_the_day() -> None:
    agreement = loan("b", "l", "1000.00", "10", schedule=[("2025-11-25", "500.00", False)])
    inputs = FinancialInputs(
        credit_payment_overrides=(
            CreditPaymentOverride(bank_id="b", agreement_id="l", monthly_payment=D(300), due_day=3),
        )
    )
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement], inputs=inputs))
    assert (d.debt.loans[0].payment_source, d.debt.loans[0].monthly_payment) == ("override", D("300.00"))
    assert d.debt.loans[0].next_payment_date == date(2025, 12, 3)


def test_instalment_paid_today_is_not_due_again() -> None:
    agreement = loan("b", "l-7", "9000.00", "10", monthly_payment=D(1000), next_payment_date=TODAY)
    paid = tx("b", "1", "p", "2025-11-21", "-1000.00", "Платеж по кредиту №l-7")
    due = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement]))
    done = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement], transactions=[paid]))
    assert due.safe_to_spend.instalments == D("1000.00")
    assert done.safe_to_spend.instalments == D("0.00")
    assert done.safe_to_spend.spent_today == D("0.00")  # a loan payment is not discretionary spending


def test_missing_outstanding_falls_back_to_principal_and_says_so() -> None:
    from finpulse.domain import Agreement, AgreementKind

    agreement = Agreement(bank_id="b", agreement_id="l", kind=AgreementKind.LOAN, principal=D("5000.00"))
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement]))
    assert d.debt.total == D("5000.00")
    assert d.debt.loans[0].outstanding_is_principal is True


def test_deposits_by_bank_and_goal_progress() -> None:
    agreements = [deposit("b1", "d1", "100.00", "10"), deposit("b2", "d2", "300.00", "12")]
    inputs = FinancialInputs(savings_goal_amount=D(1000), savings_goal_date=date(2025, 12, 1))
    d = compute_dashboard(EngineInput(today=TODAY, agreements=agreements, inputs=inputs))
    assert [(b.bank_id, b.amount) for b in d.savings.by_bank] == [("b1", D("100.00")), ("b2", D("300.00"))]
    assert d.savings.goal is not None
    assert (d.savings.goal.progress_percent, d.savings.goal.remaining) == (D("40.00"), D("600.00"))
    assert d.daily_plan.sdp_daily == D("60.00")  # 600 / 10 days


def test_masked_numbers_only() -> None:
    acc = account("b", "1", number="40817810099910004312")
    d = compute_dashboard(EngineInput(today=TODAY, accounts=[acc], balances=[balance("b", "1", "1.00")]))
    assert "40817810099910004312" not in d.model_dump_json()
    assert d.cash.accounts[0].masked_number == "****4312"
    assert "40817810099910004312" not in repr(acc)


def test_observed_payments_fill_in_when_the_bank_gives_no_terms() -> None:
    agreement = loan("b", "l-9", "90000.00", "12", start_date=date(2025, 1, 20))
    paid = [
        tx("b", "a", "p1", "2025-09-04", "-7000.00", "Платеж по кредиту №l-9"),
        tx("b", "a", "p2", "2025-10-06", "-7100.00", "Платеж по кредиту №l-9"),
        tx("b", "a", "p3", "2025-11-05", "-7050.00", "Платеж по кредиту №l-9"),
    ]
    row = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement], transactions=paid)).debt.loans[0]
    # median of 7 000, 7 100, 7 050; lower-median day of 4, 5, 6 = 5 → next 2025-12-05
    assert (row.payment_source, row.monthly_payment) == ("observed", D("7050.00"))
    assert (row.next_payment_date, row.estimated) == (date(2025, 12, 5), True)
    single = compute_dashboard(EngineInput(today=TODAY, agreements=[agreement], transactions=paid[:1]))
    assert single.debt.loans[0].payment_source == "unknown"  # one payment may be a one-off


def test_a_passed_goal_date_asks_for_no_daily_saving() -> None:
    inputs = FinancialInputs(savings_goal_amount=D(1000), savings_goal_date=date(2025, 11, 1))
    d = compute_dashboard(EngineInput(today=TODAY, inputs=inputs))
    assert d.daily_plan.sdp_daily == D("0.00")
    assert d.safe_to_spend.planned_savings == D("0.00")
    assert d.savings.goal is not None
    assert d.savings.goal.days_left == -20
