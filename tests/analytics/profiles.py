"""Golden customer profiles. Each builds an engine input and lists the figures the dashboard must
show, derived by hand in docs/ANALYTICS.md ("Golden profiles"); the derivation of each non-obvious
number is repeated next to it. today = 2025-11-21 (Friday), Europe/Moscow, all times 12:00 local."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from finpulse.analytics import EngineInput
from finpulse.domain import AccountKind, BalanceType, FinancialInputs
from tests.analytics.builders import (
    TODAY,
    D,
    account,
    balance,
    card,
    consent,
    deposit,
    deposit_product,
    loan,
    loan_product,
    monthly,
    tx,
)

BOOKED = BalanceType.INTERIM_BOOKED


@dataclass(frozen=True)
class Profile:
    name: str
    data: EngineInput
    expected: dict[str, Any]


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
        "daily_plan.adp_daily": D("1487.50"),  # min(5 950 × 25 %, 60 000 / 19)
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
def saver() -> Profile:
    v, s = "vbank", "sbank"
    txs = [
        *monthly(
            v,
            "v-cur",
            "sal",
            ["2025-07", "2025-08", "2025-09", "2025-10"],
            25,
            "90000.00",
            "Зарплата",
            counterparty_name="АО Вектор",
        ),
        *monthly(
            v,
            "v-cur",
            "plus",
            ["2025-08", "2025-09", "2025-10"],
            23,
            "-299.00",
            "Яндекс Плюс",
            merchant_name="Яндекс Плюс",
            mcc="5815",
        ),
        *monthly(
            v,
            "v-cur",
            "groc",
            ["2025-08", "2025-09", "2025-10"],
            10,
            "-39701.00",
            "ВкусВилл",
            merchant_name="ВкусВилл",
            mcc="5499",
        ),
        tx(
            v, "v-cur", "groc-11", "2025-11-10", "-15000.00", "ВкусВилл", merchant_name="ВкусВилл", mcc="5499"
        ),
    ]
    data = EngineInput(
        today=TODAY,
        accounts=[account(v, "v-cur"), account(s, "s-sav", AccountKind.SAVINGS)],
        balances=[balance(v, "v-cur", "50000.00"), balance(s, "s-sav", "120000.00")],
        transactions=txs,
        agreements=[
            deposit(
                v,
                "dep-1",
                "500000.00",
                "16.0",
                maturity_date=date(2025, 12, 5),
                product_name="Вклад Надёжный",
                account_number="40817810000000001234",
            )
        ],
        products=[
            deposit_product(v, "dep-v", "16.0", min_amount=D(10000)),
            deposit_product("abank", "dep-a", "18.0", min_amount=D(100000)),
            deposit_product(s, "dep-s", "20.0", min_amount=D(2000000)),
        ],
        inputs=FinancialInputs(savings_goal_amount=D(1000000), savings_goal_date=date(2026, 11, 21)),
        consents=[consent(v, "accounts", "2025-12-01T10:00:00+00:00")],
    )
    expected = {
        "cash.total": D("50000.00"),  # the savings account is savings, not cash
        "debt.total": D("0.00"),
        "savings.total": D("620000.00"),
        "savings.goal.remaining": D("380000.00"),
        "savings.goal.progress_percent": D("62.00"),
        "savings.goal.days_left": 365,
        "savings.items.1.masked_account_number": "****1234",
        "income.next_date": date(2025, 11, 25),
        "bills.0.next_date": date(2025, 11, 23),
        "safe_to_spend.days": 4,
        "safe_to_spend.bills": D("299.00"),
        "safe_to_spend.planned_savings": D("4164.38"),  # 380 000 / 365 × 4
        "safe_to_spend.safety_buffer": D("9000.00"),
        "safe_to_spend.daily": D("9134.15"),  # (50 000 − 299 − 4 164.3836 − 9 000) / 4
        "safe_to_spend.tomorrow_daily": D("9134.15"),
        "daily_plan.sdp_daily": D("1041.10"),  # 380 000 / 365
        "daily_plan.adp_daily": D("0.00"),
        "daily_plan.adp_target": None,
        "health.score": 100,
        "health.next_action_code": "keep_going",
        "health.components.1.value": D("16.75"),  # (50 000 + 620 000) / 40 000
        "timeline.events.0.projected_balance": D("49701.00"),
        "timeline.events.1.projected_balance": D("139701.00"),
        "timeline.events.2.kind": "consent_expiry",
        "timeline.events.2.amount": None,
        "timeline.events.3.kind": "deposit_maturity",
        "timeline.events.3.projected_balance": D("639701.00"),
        "timeline.closing_balance": D("639701.00"),
        "recommendations.savings_plan.months_left": 12,
        "recommendations.savings_plan.monthly_needed": D("31666.67"),
        "recommendations.savings_plan.feasible": True,  # 31 666.67 <= 90 000 − 40 000
        "recommendations.savings_plan.best_deposit": "abank/dep-a",
        "recommendations.repayment": None,
        "recommendations.refinance": [],
    }
    return Profile("saver", data, expected)


# --- C. credit-card heavy, paid twice a month -------------------------------------------------
def card_heavy() -> Profile:
    a, v = "abank", "vbank"
    pay = [
        ("2025-08-05", "a"),
        ("2025-08-20", "b"),
        ("2025-09-05", "c"),
        ("2025-09-20", "d"),
        ("2025-10-06", "e"),
        ("2025-10-20", "f"),
        ("2025-11-05", "g"),
        ("2025-11-20", "h"),
    ]
    txs = [
        tx(a, "a-cur", f"sal-{k}", d, "45000.00", "Зарплата", counterparty_name="ООО Север") for d, k in pay
    ]
    txs += monthly(
        a,
        "a-cur",
        "groc",
        ["2025-08", "2025-09", "2025-10", "2025-11"],
        12,
        "-25000.00",
        "Магнит",
        merchant_name="Магнит",
        mcc="5411",
    )
    data = EngineInput(
        today=TODAY,
        accounts=[
            account(a, "a-cur"),
            account(a, "a-cc", AccountKind.CREDIT_CARD, number="40817810000000000777"),
        ],
        balances=[balance(a, "a-cur", "25000.00"), balance(a, "a-cc", "40000.00")],
        transactions=txs,
        agreements=[
            card(
                v,
                "cc-v",
                "300000.00",
                used_amount=D("240000.00"),
                interest_rate=D("29.9"),
                next_payment_date=date(2025, 12, 2),
            ),
            card(a, "cc-a", "100000.00", interest_rate=D("34.9"), account_number="40817810000000000777"),
        ],
    )
    expected = {
        "cash.total": D("25000.00"),  # the card account's 40 000 is unused credit, not cash
        "debt.total": D("300000.00"),  # used 240 000 + (100 000 − 40 000); never the 400 000 of limits
        "debt.cards_used_total": D("300000.00"),
        "debt.cards.0.used": D("60000.00"),
        "debt.cards.0.used_source": "derived",
        "debt.cards.0.min_payment": D("3000.00"),
        "debt.cards.1.utilisation_percent": D("80.00"),
        "debt.monthly_payments": D("15000.00"),
        "income.streams.0.cadence": "twice_monthly",
        "income.next_date": date(2025, 12, 5),
        "income.monthly_total": D("90000.00"),
        "safe_to_spend.days": 14,
        "safe_to_spend.card_payments": D("12000.00"),
        "safe_to_spend.daily": D("285.71"),  # (25 000 − 12 000 − 9 000) / 14
        "safe_to_spend.tomorrow_daily": D("285.71"),
        "daily_plan.mdp_daily": D("493.15"),  # 15 000 × 12 / 365
        "daily_plan.adp_daily": D("71.43"),  # 285.714… × 25 %
        "daily_plan.adp_target": "abank/cc-a",  # 34.9 % beats 29.9 %
        "health.score": 68,  # 30 + 4.1667 + 20 + 3.75 + 10 = 67.92
        "health.components.3.points": D("3.75"),  # utilisation 75 %
        "health.next_action_code": "buffer",
        "timeline.events.0.kind": "card_payment",
        "timeline.events.0.projected_balance": D("13000.00"),
        "timeline.events.2.date": date(2025, 12, 20),
        "timeline.closing_balance": D("103000.00"),
        "recommendations.repayment.avalanche.order": ["abank/cc-a", "vbank/cc-v"],
        "recommendations.repayment.snowball.order": ["abank/cc-a", "vbank/cc-v"],
    }
    return Profile("card_heavy", data, expected)


# --- D. freelancer, irregular income ----------------------------------------------------------
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
        "recommendations.repayment.avalanche.interest_saved": D("0.00"),
        "recommendations.repayment.excluded": ["abank/nodet-1"],
        "recommendations.refinance": [],
        "notes": ["Платёж по кредиту abank/nodet-1 неизвестен: укажите его в настройках"],
    }
    return Profile("overdue", data, expected)


ALL = (salaried, saver, card_heavy, freelancer, student, overdue)
