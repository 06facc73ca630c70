"""Recurrence detection (shared by income and bills) and the user's overrides."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.analytics.recurrence import Cadence, Occurrence, detect
from finpulse.domain import FinancialInputs
from tests.analytics.builders import TODAY, D, tx


def occ(days: list[str], amount: str = "1000.00") -> list[Occurrence]:
    return [Occurrence(date.fromisoformat(d), D(amount), ("b", "a", d)) for d in days]


def test_monthly_series_and_next_date() -> None:
    [series] = detect({"x": occ(["2025-08-10", "2025-09-10", "2025-10-09", "2025-11-10"])}, TODAY)
    assert (series.cadence, series.anchors) == (Cadence.MONTHLY, (10,))
    assert series.dates_between(TODAY, date(2026, 1, 31)) == [date(2025, 12, 10), date(2026, 1, 10)]


def test_biweekly_series() -> None:
    days = [(date(2025, 9, 5) + timedelta(days=14 * k)).isoformat() for k in range(6)]  # ... 2025-11-14
    [series] = detect({"x": occ(days)}, TODAY)
    assert series.cadence is Cadence.BIWEEKLY
    assert series.dates_between(TODAY, date(2025, 12, 15)) == [date(2025, 11, 28), date(2025, 12, 12)]


def test_twice_a_month_series_uses_two_days_of_month() -> None:
    days = ["2025-09-05", "2025-09-20", "2025-10-03", "2025-10-20", "2025-11-05", "2025-11-19"]
    [series] = detect({"x": occ(days)}, TODAY)
    assert (series.cadence, series.anchors) == (Cadence.TWICE_MONTHLY, (5, 20))
    assert series.dates_between(TODAY, date(2025, 12, 31)) == [date(2025, 12, 5), date(2025, 12, 20)]


@pytest.mark.parametrize(
    "days",
    [
        ["2025-10-01", "2025-11-01"],  # two occurrences are not a pattern
        ["2025-08-01", "2025-08-09", "2025-09-30", "2025-10-04", "2025-11-12"],  # irregular gaps
        ["2025-03-10", "2025-04-10", "2025-05-10", "2025-06-10"],  # stopped months ago
    ],
)
def test_no_series(days: list[str]) -> None:
    assert detect({"x": occ(days)}, TODAY) == []


def test_amounts_outside_the_tolerance_split_the_series() -> None:
    near = occ(["2025-08-10", "2025-09-10"], "1000.00") + occ(["2025-10-10"], "1150.00")  # +15 %: same
    far = occ(["2025-08-10", "2025-09-10"], "1000.00") + occ(["2025-10-10"], "1150.01")  # just above
    assert len(detect({"x": near}, TODAY)) == 1
    assert detect({"x": far}, TODAY) == []


def salary(days: list[str], amount: str = "50000.00") -> list:
    return [
        tx("b", "a", f"s{i}", d, amount, "Зарплата", counterparty_name="ООО Ромашка")
        for i, d in enumerate(days)
    ]


def test_next_income_is_always_after_today_even_when_it_is_late() -> None:
    # Paid on the 20th every month; November's has not arrived by the 21st.
    data = EngineInput(today=TODAY, transactions=salary(["2025-08-20", "2025-09-19", "2025-10-20"]))
    d = compute_dashboard(data)
    assert d.income.next_date == date(2025, 12, 20)
    assert d.safe_to_spend.days == 29


def test_user_paydays_and_salary_override_detection() -> None:
    inputs = FinancialInputs(salary=D(100000), paydays=(25, 10))
    data = EngineInput(
        today=TODAY, transactions=salary(["2025-08-20", "2025-09-20", "2025-10-20"]), inputs=inputs
    )
    d = compute_dashboard(data)
    assert [(s.source, s.amount) for s in d.income.streams] == [("user", D("50000.00"))]
    assert d.income.next_date == date(2025, 11, 25)
    assert d.income.monthly_total == D("100000.00")


def test_payday_today_means_the_next_income_is_next_month() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, inputs=FinancialInputs(paydays=(21,), salary=D(60000))))
    assert d.income.next_date == date(2025, 12, 21)
    assert d.safe_to_spend.days == 30


def test_salary_without_payday_keeps_detected_dates() -> None:
    inputs = FinancialInputs(salary=D(90000))
    d = compute_dashboard(
        EngineInput(
            today=TODAY,
            transactions=salary(["2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10"]),
            inputs=inputs,
        )
    )
    assert (d.income.next_date, d.income.next_amount) == (date(2025, 12, 10), D("90000.00"))


def test_deposit_interest_is_not_income() -> None:
    txs = [
        tx("b", "a", f"i{m}", f"2025-{m:02d}-28", "5000.00", "Проценты по депозиту №dep-1")
        for m in (8, 9, 10)
    ]
    d = compute_dashboard(EngineInput(today=TODAY, transactions=txs))
    assert d.income.streams == []


def test_monthly_subscription_is_a_bill_and_a_purchase_pattern_is_not() -> None:
    txs = [
        tx("b", "a", f"n{m}", f"2025-{m:02d}-03", "-799.00", "Netflix", merchant_name="Netflix", mcc="4899")
        for m in (8, 9, 10, 11)
    ] + [
        tx("b", "a", f"c{m}", f"2025-{m:02d}-03", "-350.00", "Кофейня", merchant_name="Кофейня", mcc="5814")
        for m in (8, 9, 10, 11)
    ]
    d = compute_dashboard(EngineInput(today=TODAY, transactions=txs))
    assert [(b.label, b.category, b.next_date) for b in d.bills] == [
        ("netflix", "subscriptions", date(2025, 12, 3))
    ]


def test_a_late_bill_is_due_today() -> None:
    txs = [
        tx("b", "a", f"r{m}", f"2025-{m:02d}-18", "-650.00", "МТС", merchant_name="МТС", mcc="4814")
        for m in (8, 9, 10)
    ]
    d = compute_dashboard(EngineInput(today=TODAY, transactions=txs))
    assert d.bills[0].next_date == TODAY  # expected 11-18, not seen, within the 5-day grace
    # No income: a 30-day horizon holds the late November bill (today) and December's (12-18).
    assert d.safe_to_spend.bills == D("1300.00")


def test_the_same_salary_at_three_banks_is_three_incomes_and_a_repeat_within_one_account_is_not() -> None:
    months = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]
    salaries = [
        tx(bank, "cur", f"sal-{m}", f"{m}-05", "100000.00", "Зарплата", counterparty_name="ООО Ромашка")
        for bank in ("vbank", "abank", "sbank")
        for m in months
    ]
    # vbank sent November's salary twice under two ids: one account, one day, one amount — one salary.
    resent = tx(
        "vbank", "cur", "sal-again", "2025-11-05", "100000.00", "Зарплата", counterparty_name="ООО Ромашка"
    )
    d = compute_dashboard(EngineInput(today=TODAY, transactions=[*salaries, resent]))
    assert [(s.label, s.bank_id, s.monthly_amount) for s in d.income.streams] == [
        ("ооо ромашка", bank, D("100000.00")) for bank in ("abank", "sbank", "vbank")
    ]
    assert d.income.monthly_total == D("300000.00")
    assert d.income.next_amount == D("300000.00")
