"""Profiles D, E and F: freelancer, student without income, overdue loan.

Figures derived by hand in docs/ANALYTICS.md ("Golden profiles")."""

from __future__ import annotations

from datetime import date

from finpulse.analytics import EngineInput
from tests.analytics.builders import (
    TODAY,
    D,
    account,
    balance,
    loan,
    loan_product,
    monthly,
    tx,
)
from tests.analytics.profiles.base import BOOKED, Profile


def freelancer() -> Profile:
    s = "sbank"
    txs = [
        tx(
            s, "s-cur", "in-1", "2025-08-03", "55000.00", "Оплата по договору", counterparty_name="ИП Смирнов"
        ),
        tx(s, "s-cur", "in-2", "2025-08-29", "20000.00", "Оплата по договору", counterparty_name="ООО Альфа"),
        tx(
            s, "s-cur", "in-3", "2025-09-17", "80000.00", "Оплата по договору", counterparty_name="ИП Смирнов"
        ),
        tx(s, "s-cur", "in-4", "2025-10-09", "35000.00", "Оплата по договору", counterparty_name="ООО Бета"),
        tx(s, "s-cur", "in-5", "2025-11-02", "60000.00", "Оплата по договору", counterparty_name="ООО Альфа"),
        *monthly(
            s,
            "s-cur",
            "rent",
            ["2025-08", "2025-09", "2025-10", "2025-11"],
            1,
            "-30000.00",
            "Аренда квартиры",
            counterparty_name="Иванов И.И.",
        ),
        *monthly(
            s,
            "s-cur",
            "groc",
            ["2025-08", "2025-09", "2025-10"],
            20,
            "-15000.00",
            "Лента",
            merchant_name="Лента",
            mcc="5411",
        ),
        tx(s, "s-cur", "groc-11", "2025-11-20", "-5000.00", "Лента", merchant_name="Лента", mcc="5411"),
    ]
    data = EngineInput(
        today=TODAY,
        accounts=[account(s, "s-cur")],
        balances=[balance(s, "s-cur", "70000.00", BOOKED)],
        transactions=txs,
    )
    expected = {
        "cash.total": D("70000.00"),
        "income.streams": [],
        "income.next_date": None,
        "income.regularity": "irregular",
        "income.monthly_total": D("63333.33"),  # (75 000 + 80 000 + 35 000) / 3, Aug-Oct
        "bills.0.label": "иванов и.и",  # labels drop case, digits and trailing punctuation
        "bills.0.next_date": date(2025, 12, 1),
        "safe_to_spend.horizon": "default",
        "safe_to_spend.days": 30,
        "safe_to_spend.period_end": date(2025, 12, 21),
        "safe_to_spend.safety_buffer": D("6333.33"),
        "safe_to_spend.daily": D("1122.22"),  # (70 000 − 30 000 − 6 333.33) / 30
        "health.score": 76,  # 30 + 6.4815 + 20 + 15 + 5
        "health.next_action_code": "buffer",
        "timeline.events.0.projected_balance": D("40000.00"),
        # 63 333.33 − 15 000 (groceries) − 30 000 (rent, a bill): 18 333.33.
        "surplus.income": D("63333.33"),
        "surplus.spending": D("15000.00"),
        "surplus.bills": D("30000.00"),
        "surplus.amount": D("18333.33"),
    }
    return Profile("freelancer", data, expected)


# --- E. student without income -----------------------------------------------------------------
def student() -> Profile:
    v = "vbank"
    txs = [
        *monthly(
            v,
            "v-cur",
            "music",
            ["2025-08", "2025-09", "2025-10", "2025-11"],
            10,
            "-199.00",
            "Яндекс Музыка",
            merchant_name="Яндекс Музыка",
            mcc="5815",
        ),
        *monthly(
            v,
            "v-cur",
            "groc",
            ["2025-08", "2025-09", "2025-10"],
            12,
            "-6000.00",
            "Магнит",
            merchant_name="Магнит",
            mcc="5411",
        ),
        tx(v, "v-cur", "groc-11", "2025-11-12", "-3000.00", "Магнит", merchant_name="Магнит", mcc="5411"),
    ]
    data = EngineInput(
        today=TODAY,
        accounts=[account(v, "v-cur")],
        balances=[balance(v, "v-cur", "8000.00")],
        transactions=txs,
    )
    expected = {
        "income.regularity": "none",
        "income.monthly_total": D("0.00"),
        "safe_to_spend.safety_buffer": D("3000.00"),
        "safe_to_spend.bills": D("199.00"),
        "safe_to_spend.daily": D("160.03"),  # (8 000 − 199 − 3 000) / 30
        "health.score": 70,  # 30 + 5.3772 + 20 + 15 + 0
        "health.next_action_code": "buffer",
        "timeline.events.0.date": date(2025, 12, 10),
        "timeline.events.0.projected_balance": D("7801.00"),
        "surplus.status": "no_income",
        "surplus.amount": D("0.00"),
        "surplus.spending": D("6000.00"),
    }
    return Profile("student", data, expected)


# --- H. overdue loan and a loan without details ------------------------------------------------
def overdue() -> Profile:
    v, a = "vbank", "abank"
    txs = [
        *monthly(
            v,
            "v-cur",
            "sal",
            ["2025-08", "2025-09", "2025-10", "2025-11"],
            15,
            "40000.00",
            "Зарплата",
            counterparty_name="ООО Гамма",
        ),
        *monthly(
            v, "v-cur", "loan", ["2025-08", "2025-09", "2025-10"], 28, "-5000.00", "Платеж по кредиту №cons-1"
        ),
        *monthly(
            v,
            "v-cur",
            "groc",
            ["2025-08", "2025-09", "2025-10"],
            3,
            "-30000.00",
            "Пятёрочка",
            merchant_name="Пятёрочка",
            mcc="5411",
        ),
    ]
    data = EngineInput(
        today=TODAY,
        accounts=[account(v, "v-cur")],
        balances=[balance(v, "v-cur", "4000.00")],
        transactions=txs,
        agreements=[
            loan(
                v,
                "cons-1",
                "10000.00",
                "12.0",
                monthly_payment=D("5000.00"),
                next_payment_date=date(2025, 11, 28),
                overdue_amount=D("2000.00"),
            ),
            loan(a, "nodet-1", "150000.00", None),
        ],
        products=[loan_product(a, "refi", "8.9", min_amount=D(100000))],
    )
    expected = {
        "debt.total": D("160000.00"),
        "debt.overdue_total": D("2000.00"),
        "debt.monthly_payments": D("5000.00"),
        "debt.loans.0.payment_source": "unknown",
        "debt.loans.0.next_payment_date": None,
        "income.next_date": date(2025, 12, 15),
        "safe_to_spend.days": 24,
        "safe_to_spend.overdue": D("2000.00"),
        "safe_to_spend.instalments": D("5000.00"),
        "safe_to_spend.safety_buffer": D("4000.00"),
        "safe_to_spend.spendable": D("-7000.00"),
        "safe_to_spend.shortfall": D("7000.00"),
        "safe_to_spend.daily": D("0.00"),
        "safe_to_spend.left_today": D("0.00"),
        "safe_to_spend.tomorrow_daily": D("0.00"),
        "daily_plan.mdp_daily": D("164.38"),
        "daily_plan.adp_daily": D("0.00"),
        "daily_plan.adp_target": "vbank/cons-1",
        "health.score": 55,  # 30 + 0.4762 + 0 + 15 + 10
        "health.next_action_code": "overdue",
        "timeline.events.0.kind": "overdue",
        "timeline.events.0.projected_balance": D("2000.00"),
        "timeline.events.1.projected_balance": D("-3000.00"),
        "timeline.events.2.projected_balance": D("37000.00"),
        "timeline.lowest_balance": D("-3000.00"),
        "recommendations.repayment.baseline_months": 3,
        "recommendations.repayment.baseline_interest": D("152.51"),  # 100.00 + 51.00 + 1.51
        "recommendations.repayment.baseline_payoff_month": "2026-02",
        # Surplus 40 000 − 30 000 − 5 000 = 5 000; extra 2 500 a month (ADP 0: nothing is safe to
        # spend today). cons-1: 10 100 − 5 000 − 2 500 = 2 600, then 26.00 interest and 2 626 paid.
        "surplus.amount": D("5000.00"),
        "recommendations.repayment.extra_monthly": D("2500.00"),
        "recommendations.repayment.avalanche.months": 2,
        "recommendations.repayment.avalanche.total_interest": D("126.00"),
        "recommendations.repayment.avalanche.interest_saved": D("26.51"),
        "recommendations.repayment.excluded": ["abank/nodet-1"],
        "recommendations.refinance": [],
        "notes": ["Платёж по кредиту abank/nodet-1 неизвестен: укажите его в настройках"],
    }
    return Profile("overdue", data, expected)
