"""Profiles B and C: a saver with deposits, a credit-card-heavy customer.

Figures derived by hand in docs/ANALYTICS.md ("Golden profiles")."""

from __future__ import annotations

from datetime import date

from finpulse.analytics import EngineInput
from finpulse.domain import AccountKind, FinancialInputs
from tests.analytics.builders import (
    TODAY,
    D,
    account,
    balance,
    card,
    consent,
    deposit,
    deposit_product,
    monthly,
    tx,
)
from tests.analytics.profiles.base import Profile


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
        # 90 000 − 39 701 − (299 + 31 666.67 toward the goal): saving leaves 18 333.33 a month.
        "surplus.spending": D("39701.00"),
        "surplus.planned_savings": D("31666.67"),
        "surplus.amount": D("18333.33"),
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
        # 90 000 − 25 000 − 15 000 = 50 000; half of it, 25 000 a month, is 821.92 a day: capped at
        # today's safe-to-spend.
        "surplus.amount": D("50000.00"),
        "recommendations.repayment.extra_monthly": D("25000.00"),
        "daily_plan.adp_daily": D("285.71"),
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
