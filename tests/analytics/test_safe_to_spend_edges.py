"""Safe-to-spend terms and the edge cases that broke the earlier version."""

from __future__ import annotations

from datetime import date

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.domain import AccountKind, FinancialInputs
from tests.analytics.builders import TODAY, D, account, balance, deposit, loan, tx


def test_explanation_lists_every_term_and_adds_up() -> None:
    data = EngineInput(
        today=TODAY,
        accounts=[account("b", "a")],
        balances=[balance("b", "a", "10000.00")],
        transactions=[tx("b", "a", "t", "2025-11-21", "-500.00", "Магнит", mcc="5411")],
        agreements=[
            loan("b", "l", "5000.00", "10", monthly_payment=D(1000), next_payment_date=date(2025, 11, 30))
        ],
        inputs=FinancialInputs(paydays=(1,), salary=D(20000), safety_buffer=D(2500)),
    )
    sts = compute_dashboard(data).safe_to_spend
    assert sts.days == 10  # 2025-12-01 − 2025-11-21
    codes = [t.code for t in sts.explanation]
    assert codes == ["cash", "spent_today", "instalment", "planned_savings", "safety_buffer", "per_day"]
    assert (
        sum(t.amount for t in sts.explanation[:-1]) == sts.spendable == D("7000.00")
    )  # 10 000 + 500 − 1 000 − 2 500
    assert sts.daily == D("700.00")
    assert sts.left_today == D("200.00")
    assert sts.tomorrow_daily == D("700.00")


def test_overspending_today_lowers_tomorrow() -> None:
    data = EngineInput(
        today=TODAY,
        accounts=[account("b", "a")],
        balances=[balance("b", "a", "1000.00")],
        transactions=[tx("b", "a", "t", "2025-11-21", "-2000.00", "Ozon", mcc="5399")],
        inputs=FinancialInputs(paydays=(1,), salary=D(20000), safety_buffer=D(0)),
    )
    sts = compute_dashboard(data).safe_to_spend
    assert (sts.daily, sts.left_today) == (D("300.00"), D("0.00"))  # (1 000 + 2 000) / 10
    assert sts.tomorrow_daily == D("111.11")  # 1 000 / 9


def test_income_tomorrow_divides_by_one_day_and_has_no_tomorrow_projection() -> None:
    data = EngineInput(
        today=TODAY,
        accounts=[account("b", "a")],
        balances=[balance("b", "a", "5000.00")],
        inputs=FinancialInputs(paydays=(22,), salary=D(1), safety_buffer=D(1000)),
    )
    sts = compute_dashboard(data).safe_to_spend
    assert (sts.days, sts.daily, sts.tomorrow_daily) == (1, D("4000.00"), None)


def test_no_accounts_at_all() -> None:
    d = compute_dashboard(EngineInput(today=TODAY))
    assert d.cash.total == d.debt.total == d.savings.total == D("0.00")
    assert (d.safe_to_spend.daily, d.safe_to_spend.days, d.safe_to_spend.shortfall) == (
        D("0.00"),
        30,
        D("3000.00"),
    )
    assert d.timeline.events == []
    assert d.spending.total == D("0.00")
    assert [m.spending for m in d.spending.by_month] == [D("0.00")] * 12
    assert 0 <= d.health.score <= 100


def test_only_loans() -> None:
    d = compute_dashboard(
        EngineInput(today=TODAY, agreements=[loan("b", "l", "100000.00", "15", monthly_payment=D(5000))])
    )
    assert d.debt.total == D("100000.00")
    assert d.safe_to_spend.daily == D("0.00")
    assert d.health.components[0].reason == "Есть платежи по долгам, но доход не найден"


def test_only_deposits() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, agreements=[deposit("b", "d", "250000.00", "14")]))
    assert (d.savings.total, d.cash.total, d.debt.total) == (D("250000.00"), D("0.00"), D("0.00"))
    assert d.recommendations.repayment is None


def test_an_empty_month_in_the_middle_is_a_zero_row() -> None:
    txs = [tx("b", "a", "1", "2025-09-10", "-100.00", "x"), tx("b", "a", "2", "2025-11-10", "-50.00", "y")]
    months = {
        m.month: m.spending
        for m in compute_dashboard(EngineInput(today=TODAY, transactions=txs)).spending.by_month
    }
    assert (months["2025-09"], months["2025-10"], months["2025-11"]) == (D("100.00"), D("0.00"), D("50.00"))


def test_foreign_transactions_without_a_rate_are_left_out_and_noted() -> None:
    txs = [tx("b", "a", "1", "2025-11-20", "-10.00", "Amazon", currency="USD", mcc="5399")]
    d = compute_dashboard(EngineInput(today=TODAY, transactions=txs))
    assert d.spending.total == D("0.00")
    assert d.notes == ["1 операций в USD не учтены: нет курса USD"]
    rated = compute_dashboard(EngineInput(today=TODAY, transactions=txs, fx_rates={"USD": D("90")}))
    assert rated.spending.total == D("900.00")


def test_local_date_follows_the_time_zone() -> None:
    # 22:30 UTC on the 20th is 01:30 on the 21st in Moscow: spent "today".
    late = tx("b", "a", "1", "2025-11-20", "-300.00", "Ночной магазин", hour=22, mcc="5411")
    assert compute_dashboard(EngineInput(today=TODAY, transactions=[late])).safe_to_spend.spent_today == D(
        "300.00"
    )
    utc = compute_dashboard(EngineInput(today=TODAY, transactions=[late], timezone="UTC"))
    assert utc.safe_to_spend.spent_today == D("0.00")


def test_credit_card_account_balance_is_not_cash() -> None:
    d = compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[account("b", "cc", AccountKind.CREDIT_CARD)],
            balances=[balance("b", "cc", "50000.00")],
        )
    )
    assert d.safe_to_spend.cash_now == D("0.00")
