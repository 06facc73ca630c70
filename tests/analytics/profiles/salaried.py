"""Profile A: salaried, mortgage + car loan.

Figures derived by hand in docs/ANALYTICS.md ("Golden profiles")."""

from __future__ import annotations

from datetime import date

from finpulse.analytics import EngineInput
from finpulse.domain import AccountKind
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


# --- A. salaried, mortgage + car loan --------------------------------------------------------
def salaried() -> Profile:
    v, s = "vbank", "sbank"
    txs = [
        *monthly(
            v,
            "v-cur",
            "sal",
            ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"],
            10,
            "120000.00",
            "Зарплата",
            counterparty_name="ООО Ромашка",
        ),
        *monthly(
            v,
            "v-cur",
            "mort",
            ["2025-08", "2025-09", "2025-10"],
            25,
            "-31500.00",
            "Платеж по кредиту №mort-1",
        ),
        *monthly(
            v,
            "v-cur",
            "car",
            ["2025-08", "2025-09", "2025-10", "2025-11"],
            1,
            "-20500.00",
            "Платеж по кредиту №car-1",
        ),
        tx(
            v,
            "v-cur",
            "el-08",
            "2025-08-05",
            "-3400.00",
            "Мосэнергосбыт",
            merchant_name="Мосэнергосбыт",
            mcc="4900",
        ),
        tx(
            v,
            "v-cur",
            "el-09",
            "2025-09-05",
            "-3550.00",
            "Мосэнергосбыт",
            merchant_name="Мосэнергосбыт",
            mcc="4900",
        ),
        tx(
            v,
            "v-cur",
            "el-10",
            "2025-10-05",
            "-3500.00",
            "Мосэнергосбыт",
            merchant_name="Мосэнергосбыт",
            mcc="4900",
        ),
        tx(
            v,
            "v-cur",
            "el-11",
            "2025-11-05",
            "-3500.00",
            "Мосэнергосбыт",
            merchant_name="Мосэнергосбыт",
            mcc="4900",
        ),
        *monthly(
            v,
            "v-cur",
            "net",
            ["2025-08", "2025-09", "2025-10"],
            28,
            "-650.00",
            "Ростелеком",
            merchant_name="Ростелеком",
            mcc="4814",
        ),
        *monthly(
            v,
            "v-cur",
            "groc",
            ["2025-08", "2025-09", "2025-10", "2025-11"],
            15,
            "-20000.00",
            "Перекрёсток",
            merchant_name="Перекрёсток",
            mcc="5411",
        ),
        tx(v, "v-cur", "rest", "2025-11-18", "-850.00", "Теремок", merchant_name="Теремок", mcc="5812"),
        tx(v, "v-cur", "today", "2025-11-21", "-1200.00", "Пятёрочка", merchant_name="Пятёрочка", mcc="5411"),
    ]
    data = EngineInput(
        today=TODAY,
        accounts=[account(v, "v-cur"), account(s, "s-card", AccountKind.DEBIT_CARD)],
        balances=[
            balance(v, "v-cur", "150000.00"),
            balance(v, "v-cur", "152000.00", BOOKED),
            balance(s, "s-card", "30000.00", BOOKED),
        ],
        transactions=txs,
        agreements=[
            loan(
                v,
                "mort-1",
                "3000000.00",
                "9.5",
                product_id="mortgage",
                product_name="Ипотека",
                monthly_payment=D("31500.00"),
                next_payment_date=date(2025, 11, 25),
                start_date=date(2020, 11, 25),
                maturity_date=date(2040, 11, 25),
            ),
            loan(
                s,
                "car-1",
                "60000.00",
                "14.0",
                product_id="car",
                product_name="Автокредит",
                schedule=[
                    ("2025-11-01", "20500.00", True),
                    ("2025-12-01", "20500.00", False),
                    ("2026-01-01", "20500.00", False),
                    ("2026-02-01", "20500.00", False),
                ],
            ),
        ],
        products=[
            loan_product(
                "abank",
                "refi",
                "8.9",
                min_amount=D(100000),
                max_amount=D(5000000),
                term_months=240,
                commission_amount=D(15000),
                name="Рефинансирование",
            ),
            loan_product(v, "cons", "12.9", min_amount=D(50000), max_amount=D(3000000), term_months=60),
        ],
    )
    expected = {
        "cash.total": D(
            "180000.00"
        ),  # vbank Available 150 000 (Booked 152 000 ignored) + sbank Booked 30 000
        "cash.by_bank.0.amount": D("30000.00"),
        "cash.by_bank.1.amount": D("150000.00"),
        "cash.accounts.1.balance_type": "InterimAvailable",
        "debt.total": D("3060000.00"),
        "debt.monthly_payments": D("52000.00"),  # 31 500 stated by the bank + 20 500 from the schedule
        "debt.loans.0.next_payment_date": date(2025, 12, 1),
        "debt.loans.0.payment_source": "schedule",
        "debt.loans.0.remaining_months": 3,
        "debt.loans.1.payment_source": "bank",
        "debt.loans.1.remaining_months": 181,  # 15 years to 2040-11-25 = 180, +1 because 25 >= 21
        "debt.loans.1.estimated": False,
        "income.next_date": date(2025, 12, 10),
        "income.next_amount": D("120000.00"),
        "income.monthly_total": D("120000.00"),
        "income.regularity": "regular",
        "income.streams.0.cadence": "monthly",
        "bills.0.label": "мосэнергосбыт",
        "bills.0.amount": D("3500.00"),  # median of the last three: 3 550, 3 500, 3 500
        "bills.0.next_date": date(2025, 12, 5),
        "bills.1.label": "ростелеком",
        "bills.1.next_date": date(2025, 11, 28),
        "safe_to_spend.days": 19,  # 2025-12-10 − 2025-11-21
        "safe_to_spend.spent_today": D("1200.00"),
        "safe_to_spend.cash_start_of_day": D("181200.00"),
        "safe_to_spend.instalments": D("52000.00"),  # 11-25 mortgage 31 500 + 12-01 car 20 500
        "safe_to_spend.bills": D("4150.00"),  # 11-28 internet 650 + 12-05 electricity 3 500
        "safe_to_spend.due_total": D("56150.00"),
        "safe_to_spend.safety_buffer": D("12000.00"),  # max(3 000, 10 % × 120 000)
        "safe_to_spend.spendable": D("113050.00"),  # 181 200 − 56 150 − 12 000
        "safe_to_spend.daily": D("5950.00"),  # 113 050 / 19
        "safe_to_spend.left_today": D("4750.00"),
        "safe_to_spend.tomorrow_daily": D("5950.00"),  # (180 000 − 4 750 − 68 150) / 18
        "daily_plan.mdp_daily": D("1709.59"),  # 52 000 × 12 / 365 = 1 709.589…
        # Surplus as of 10-31: 120 000 − 20 000 (spending without loans and bills) − (52 000 + 4 150).
        "surplus.as_of": date(2025, 10, 31),
        "surplus.spending": D("20000.00"),
        "surplus.bills": D("4150.00"),
        "surplus.obligations": D("56150.00"),
        "surplus.amount": D("43850.00"),
        "surplus.status": "surplus",
        "recommendations.repayment.extra_monthly": D("21925.00"),  # balanced: 50 % of the surplus
        "recommendations.repayment.avalanche.extra_monthly": D("21925.00"),
        "recommendations.repayment.advice": "extra_payments",
        "daily_plan.adp_daily": D("720.82"),  # min(21 925 × 12 / 365, 5 950, 60 000 / 19)
        "daily_plan.adp_target": "sbank/car-1",  # avalanche: 14 % > 9.5 %
        "daily_plan.sdp_daily": D("0.00"),
        "health.score": 67,  # 12.5 + 9.851 + 20 + 15 + 10 = 67.35
        "health.components.0.points": D("12.50"),  # DTI 52 000/120 000 = 43.33 %
        "health.components.1.points": D("9.85"),  # 180 000 / 76 133.33 = 2.364 months
        "health.next_action_code": "debt_to_income",
        "timeline.events.0.projected_balance": D("148500.00"),
        "timeline.events.1.projected_balance": D("147850.00"),
        "timeline.events.2.projected_balance": D("127350.00"),
        "timeline.events.3.projected_balance": D("123850.00"),
        "timeline.events.4.kind": "income",
        "timeline.events.4.projected_balance": D("243850.00"),
        "timeline.lowest_balance": D("123850.00"),
        "spending.total": D("78200.00"),
        "spending.by_category.0.category": "loan_payments",
        "spending.by_category.0.amount": D("52000.00"),
        "spending.by_category.1.amount": D("21200.00"),
        "spending.by_month.8.spending": D("76050.00"),  # 2025-08
        "spending.by_month.11.spending": D("46050.00"),  # 2025-11
        "spending.by_month.11.income": D("120000.00"),
        "recommendations.refinance.0.loan": "vbank/mort-1",
        "recommendations.refinance.0.new_payment": D("30169.93"),
        "recommendations.refinance.0.monthly_saving": D("1330.07"),
        "recommendations.refinance.0.total_saving": D("225742.67"),  # 31 500×181 − 30 169.93×181 − 15 000
        "recommendations.refinance.0.break_even_month": 12,  # 15 000 / 1 330.07 = 11.28
        "recommendations.repayment.avalanche.order": ["sbank/car-1", "vbank/mort-1"],
        "recommendations.repayment.snowball.order": ["sbank/car-1", "vbank/mort-1"],
    }
    return Profile("salaried", data, expected)


# --- B. saver with deposits -----------------------------------------------------------------
