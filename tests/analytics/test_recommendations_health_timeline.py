"""Repayment simulation, refinance offers, health score pieces, timeline order and categories."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.analytics.categories import categorise
from finpulse.analytics.daily_plan import Target
from finpulse.analytics.recommendations.repayment import PlanDebt, balance_path, simulate
from finpulse.domain import FinancialInputs, Strategy
from tests.analytics.builders import TODAY, D, account, balance, card, consent, deposit, loan, loan_product

A = PlanDebt(Target("b/a", D("1000.00"), D(12)), D("300.00"))
B = PlanDebt(Target("b/b", D("500.00"), D(24)), D("200.00"))


def test_minimum_payments_only() -> None:
    # Interest rounded to kopecks monthly (docs/ANALYTICS.md, "Repayment plan" table):
    # A: 10.00, 7.10, 4.17, 1.21; B: 10.00, 6.20, 2.32 → 41.00 over 4 months.
    outcome = simulate([A, B], D(0), None)
    assert (outcome.months, outcome.interest) == (4, D("41.00"))
    # Owed after each month: 710.00 + 310.00, 417.10 + 116.20, 121.27 + 0, 0.
    assert outcome.owed == (D("1020.00"), D("533.30"), D("121.27"), D(0))


def test_avalanche_with_extra_payment() -> None:
    # Budget 600/month, surplus to B first: interest 10 + 10 + 7.10 + 4.20 + 3.31 = 34.61, 3 months.
    outcome = simulate([A, B], D(100), ["b/b", "b/a"])
    assert (outcome.months, outcome.interest) == (3, D("34.61"))
    assert outcome.owed == (D("920.00"), D("331.30"), D(0))  # 710 + 210; A 331.30, B repaid; 0


def test_balance_path_for_the_chart() -> None:
    baseline = simulate([A, B], D(0), None)
    avalanche = simulate([A, B], D(100), ["b/b", "b/a"])
    path = balance_path(
        TODAY, D("1500.00"), {"baseline": baseline, "avalanche": avalanche, "snowball": avalanche}
    )
    # Today's month with what is owed today, then every month until the last plan's payoff.
    assert [(p.month, p.baseline, p.avalanche) for p in path] == [
        ("2025-11", D("1500.00"), D("1500.00")),
        ("2025-12", D("1020.00"), D("920.00")),
        ("2026-01", D("533.30"), D("331.30")),
        ("2026-02", D("121.27"), D(0)),
        ("2026-03", D(0), D(0)),
    ]


def test_balance_path_of_a_long_plan_keeps_at_most_60_steps_and_the_last_month() -> None:
    mortgage = PlanDebt(Target("b/m", D("3000000.00"), D("9.5")), D("31500.00"))
    outcome = simulate([mortgage], D(0), None)
    assert outcome.months == 178
    path = balance_path(TODAY, D("3000000.00"), {k: outcome for k in ("baseline", "avalanche", "snowball")})
    assert len(path) == 61  # months 0, 3, 6, … 177 (step ⌈178 / 60⌉ = 3) and 178
    assert path[0].baseline == D("3000000.00")
    assert path[-1].baseline == D(0)
    assert path[1].month == "2026-02"
    assert path[-1].month == "2040-09"
    assert path[1].baseline == outcome.owed[2]


def test_minimum_below_interest_never_repays() -> None:
    stuck = PlanDebt(Target("b/x", D("100000.00"), D(24)), D("1000.00"))  # interest 2 000 > 1 000
    assert simulate([stuck], D(0), None).months is None


def test_strategies_order_differently() -> None:
    agreements = [
        loan("b", "small-cheap", "10000.00", "8", monthly_payment=D(1000)),
        loan("b", "big-dear", "90000.00", "30", monthly_payment=D(5000)),
    ]
    plan = compute_dashboard(EngineInput(today=TODAY, agreements=agreements)).recommendations.repayment
    assert plan is not None
    assert plan.avalanche.order == ["b/big-dear", "b/small-cheap"]
    assert plan.snowball.order == ["b/small-cheap", "b/big-dear"]


def refi_data(*products: object) -> EngineInput:
    agreement = loan(
        "b",
        "l",
        "100000.00",
        "20",
        monthly_payment=D("9263.45"),
        maturity_date=date(2026, 10, 21),
        product_id="own",
    )
    return EngineInput(today=TODAY, agreements=[agreement], products=list(products))  # type: ignore[arg-type]


def test_refinance_offer_with_commission_and_break_even() -> None:
    offer = loan_product("x", "cheap", "12", commission_percent=D(1), term_months=60)
    [row] = compute_dashboard(refi_data(offer)).recommendations.refinance
    # 12 months left; P' = annuity(100 000, 12 %, 12) = 8 884.88; commission 1 % = 1 000
    assert (row.term_months, row.new_payment, row.commission) == (12, D("8884.88"), D("1000.00"))
    assert row.monthly_saving == D("378.57")
    assert row.total_saving == D("3542.84")  # 12 × 9 263.45 − 12 × 8 884.88 − 1 000
    assert row.break_even_month == 3  # 1 000 / 378.57 = 2.64


def test_refinance_hides_tiny_savings_own_product_and_ineligible_amounts() -> None:
    tiny = loan_product("x", "tiny", "19.5")  # saves 286.92 in total: below 1 000
    own = loan_product("b", "own", "5")
    too_small = loan_product("y", "big-only", "5", min_amount=D(500000))
    recommendations = compute_dashboard(refi_data(tiny, own, too_small)).recommendations
    assert recommendations.refinance == []
    [why] = recommendations.refinance_reasons
    assert why.loan == "b/l"
    assert why.reason == "кредиты дешевле есть, но выгода с учётом комиссии меньше 1\u00a0000,00\u00a0₽"


def test_refinance_says_why_there_is_no_offer() -> None:
    def reason(*products: object) -> str:
        [why] = compute_dashboard(refi_data(*products)).recommendations.refinance_reasons
        return why.reason

    assert reason() == "в каталогах подключённых банков нет кредитов дешевле 20 %"
    assert reason(loan_product("y", "big-only", "5", min_amount=D(500000))) == (
        "кредиты дешевле 20 % не выдают на 100\u00a0000,00\u00a0₽"
    )
    no_rate = loan("b", "l", "100000.00", None, monthly_payment=D("9263.45"))
    [why] = compute_dashboard(
        EngineInput(today=TODAY, agreements=[no_rate])
    ).recommendations.refinance_reasons
    assert why.reason == "банк не сообщил ставку — не с чем сравнить"
    offer = loan_product("x", "cheap", "12", commission_percent=D(1), term_months=60)
    assert compute_dashboard(refi_data(offer)).recommendations.refinance_reasons == []


def test_health_card_utilisation_and_dti_scales() -> None:
    data = EngineInput(
        today=TODAY,
        accounts=[account("b", "a")],
        balances=[balance("b", "a", "0.00")],
        agreements=[card("b", "c", "100000.00", used_amount=D("60000.00"), monthly_payment=D("12000.00"))],
        inputs=FinancialInputs(salary=D(30000)),
    )
    health = compute_dashboard(data).health
    parts = {p.code: p for p in health.components}
    assert parts["debt_to_income"].points == D("15.00")  # 12 000 / 30 000 = 40 % → 30 × 0.2 / 0.4
    assert parts["card_utilisation"].points == D("7.50")  # 60 % → 15 × 0.3 / 0.6
    assert parts["income_regularity"].points == D("5.00")  # a salary without a payday: irregular
    assert parts["buffer"].points == D("0.00")  # no money, 12 000/month of obligations
    assert health.score == 48  # 15 + 0 + 20 + 7.5 + 5 = 47.5, rounded half up


def test_timeline_puts_money_out_before_money_in_on_the_same_day() -> None:
    data = EngineInput(
        today=TODAY,
        accounts=[account("b", "a")],
        balances=[balance("b", "a", "100.00")],
        agreements=[
            loan("b", "l", "5000.00", "10", monthly_payment=D(1000), next_payment_date=date(2025, 12, 1)),
            deposit("b", "d", "2000.00", "10", maturity_date=date(2025, 12, 1)),
        ],
        inputs=FinancialInputs(paydays=(1,), salary=D(3000)),
        consents=[consent("b", "accounts", "2025-11-30T22:00:00+00:00")],  # 01:00 on 12-01 in Moscow
    )
    events = compute_dashboard(data).timeline.events
    assert [(e.kind, e.projected_balance) for e in events] == [
        ("instalment", D("-900.00")),
        ("income", D("2100.00")),
        ("deposit_maturity", D("4100.00")),
        ("consent_expiry", D("4100.00")),
    ]
    assert {e.date for e in events} == {date(2025, 12, 1)}


def test_category_table() -> None:
    assert categorise("5411", None) == "groceries"
    assert categorise("5541", None) == "fuel"  # inside the car-dealer range, decided first
    assert categorise("5812", None) == "restaurants"
    assert categorise("4121", None) == "transport"
    assert categorise("4899", None) == "subscriptions"
    assert categorise("5912", None) == "health"
    assert categorise(None, "restaurant") == "restaurants"
    assert categorise("0001", "clothing") == "clothing"
    assert categorise(None, None) == "other"


def test_no_debt_means_no_plan_and_no_target() -> None:
    d = compute_dashboard(EngineInput(today=TODAY, inputs=FinancialInputs(strategy=Strategy.SNOWBALL)))
    assert d.recommendations.repayment is None
    assert (d.daily_plan.adp_target, d.daily_plan.strategy) == (None, "snowball")
    assert d.daily_plan.mdp_daily == Decimal("0.00")


def test_spending_report_for_a_date_range() -> None:
    from finpulse.analytics import spending_report
    from tests.analytics.builders import tx

    txs = [
        tx("b", "a", "1", "2025-09-30", "-100.00", "Магнит", merchant_name="Магнит", mcc="5411"),
        tx("b", "a", "2", "2025-10-01", "-200.00", "Магнит", merchant_name="Магнит", mcc="5411"),
        tx("b", "a", "2", "2025-10-01", "-200.00", "Магнит", merchant_name="Магнит", mcc="5411"),  # duplicate
        tx("b", "a", "3", "2025-10-15", "-50.00", "Платеж по кредиту №l-1"),
        tx("b", "a", "4", "2025-11-02", "-30.00", "Теремок", merchant_name="Теремок", mcc="5812"),
        tx("b", "a", "5", "2025-11-05", "1000.00", "Зарплата"),
    ]
    by_category = spending_report(
        txs, start=date(2025, 10, 1), end=date(2025, 11, 30), group_by="category", loan_ids=["l-1"]
    )
    assert [(r.key, r.amount, r.count) for r in by_category.rows] == [
        ("groceries", D("200.00"), 1),
        ("loan_payments", D("50.00"), 1),
        ("restaurants", D("30.00"), 1),
    ]
    assert by_category.total == D("280.00")
    assert [(m.month, m.income, m.spending) for m in by_category.months] == [
        ("2025-10", D("0.00"), D("250.00")),
        ("2025-11", D("1000.00"), D("30.00")),
    ]
    by_month = spending_report(txs, start=date(2025, 9, 1), end=date(2025, 11, 30), group_by="month")
    assert [(r.key, r.amount) for r in by_month.rows] == [
        ("2025-09", D("100.00")),
        ("2025-10", D("250.00")),
        ("2025-11", D("30.00")),
    ]
    by_merchant = spending_report(txs, start=date(2025, 9, 1), end=date(2025, 11, 30), group_by="merchant")
    assert by_merchant.rows[0].key == "Магнит"
    assert by_merchant.rows[0].amount == D("300.00")
