"""team200-3 — credit-card heavy: two cards near their limits, consumer loan at sbank.

Facts (sandbox_facts.customer(3)):
  vbank acc-1301 checking 29 242.58; acc-1302 credit card −299 780.63, limit 300 000
    ← card-cred-team200-3 (23.9 %)
  abank acc-1300 checking 427 581.88, holds 911.22; acc-1303 credit card −149 837.70, limit 150 000
    ← card-cred-team200-3 (27.9 %)
  sbank acc-1304 checking 25 293.72; acc-1305 loan −205 666.92 ← loan-team200-3-7339, 18.9 %,
    matures 2028-02-20, "Платеж по кредиту" 14 642.19 on the 28th (last 10-28)
  Salary "ООО «Ритейл Групп»": 05-25 120 647.51, 06-25 119 878.51, 07-24 118 542.66,
    08-25 119 471.36, 09-25 120 699.39, 10-23 117 062.88.
  Transfers between own accounts (38 000, 16 500) and card repayments: internal movements. Card
    interest ("Проценты за пользование кредитом") is spending on the card, not a bill.
  Bills: VK Музыка 199 on the 21st, Okko 399 on the 28th, МегаФон 700 on the 3rd (last 11-03).
  No transactions today.
"""

from __future__ import annotations

from decimal import Decimal

from tests.dashboard.golden import (
    LAST3,
    Golden,
    annuity,
    buffer_points,
    daily,
    dti_points,
    kop,
    mean_spending,
    score,
    surplus_figures,
    timeline,
    utilisation_points,
)

D = Decimal

CASH = D("29242.58") + (D("427581.88") - D("911.22")) + D("25293.72")  # 481 206.96
LOAN = D("205666.92")
# Card used = limit − available (available = limit + booked balance): "derived".
VB_CARD = D("300000") - (D("300000") + D("-299780.63"))  # 299 780.63
AB_CARD = D("150000") - (D("150000") + D("-149837.70"))  # 149 837.70
CARDS = VB_CARD + AB_CARD
LOAN_P = D("14642.19")
VB_MIN, AB_MIN = kop(VB_CARD * D("0.05")), kop(AB_CARD * D("0.05"))  # 5 % estimates: 14 989.03, 7 491.89
PAYMENTS = LOAN_P + VB_MIN + AB_MIN
LOAN_N = 12 * (2028 - 2026) + (2 - 11) + 1  # 20 ≥ 20 → 16
# Income: gaps 31, 29, 32, 31, 28 → monthly; days 25,25,24,25,25,23 → 25; typical =
# median(119 471.36, 120 699.39, 117 062.88); next ≥ 20 days after 10-23 → 11-25.
SALARY = D("119471.36")
DAYS = 5
DUE = D("199")  # VK Музыка 11-21; the loan is due 11-28; card payments have no stated date
BUFFER = max(D(3000), SALARY / 10)
SPENDABLE = CASH - DUE - BUFFER
DAILY = SPENDABLE / DAYS
# Surplus, as of 2026-10-31: salary median(08-25 119 471.36, 09-25 120 699.39, 10-23 117 062.88) =
# 119 471.36; bills VK Музыка 199 + Okko 399 + МегаФон 700 = 1 298. Card purchases are spending, card
# repayments and transfers internal. Spending Aug 68 507.23, Sep 68 606.53, Oct 64 397.19 → 68 507.23;
# 119 471.36 − 68 507.23 − (37 123.11 + 1 298) = 12 543.02 a month; balanced: half, 6 271.51.
SURPLUS, EXTRA = surplus_figures(
    3,
    lambda m: m.name in ("VK Музыка", "Okko", "МегаФон"),
    income=SALARY,
    payments=PAYMENTS,
    bills=D("1298"),
)
# Avalanche target: the abank card, 27.9 % (> 23.9 % > 18.9 %). ADP = its daily share, capped.
ADP = min(daily(EXTRA), DAILY, AB_CARD / DAYS)
DTI = dti_points(PAYMENTS, SALARY)
BUF = buffer_points(CASH, mean_spending(3, LAST3))
UTIL = utilisation_points(CARDS, D("450000"))  # 99.9 % used → 0

CARDS_HEAVY = Golden(
    index=3,
    profile="credit-card heavy with a consumer loan",
    figures={
        "cash.total": CASH,
        "debt.total": LOAN + CARDS,  # 655 285.25 — the limits (450 000) are never debt
        "debt.loans_total": LOAN,
        "debt.cards_used_total": CARDS,
        "debt.monthly_payments": PAYMENTS,
        "debt.loans.0.monthly_payment": LOAN_P,
        "debt.loans.0.next_payment_date": "2026-11-28",
        "debt.loans.0.remaining_months": LOAN_N,
        "debt.cards.0.bank_id": "abank",
        "debt.cards.0.used": AB_CARD,
        "debt.cards.0.used_source": "derived",
        "debt.cards.0.credit_limit": D("150000.00"),
        "debt.cards.0.min_payment": AB_MIN,
        "debt.cards.1.used": VB_CARD,
        "debt.cards.1.min_payment": VB_MIN,
        "income.monthly_total": SALARY,
        "income.next_date": "2026-11-25",
        "bills": [
            ("okko", D("399.00"), "2026-11-28"),
            ("vk музыка", D("199.00"), "2026-11-21"),
            ("мегафон", D("700.00"), "2026-12-03"),
        ],
        "safe_to_spend.days": DAYS,
        "safe_to_spend.due_total": DUE,
        "safe_to_spend.card_payments": D("0.00"),
        "safe_to_spend.safety_buffer": kop(BUFFER),
        "safe_to_spend.spendable": kop(SPENDABLE),
        "safe_to_spend.daily": kop(DAILY),
        "safe_to_spend.tomorrow_daily": kop((CASH - DAILY - DUE - BUFFER) / (DAYS - 1)),
        "daily_plan.mdp_daily": kop(daily(PAYMENTS)),
        "daily_plan.adp_daily": kop(ADP),
        "daily_plan.adp_target": "abank/card-cred-team200-3",
        "health.components.0.points": kop(DTI),
        "health.components.1.points": kop(BUF),
        "health.components.3.points": kop(UTIL),
        "health.score": score(DTI + BUF + 20 + UTIL + 10),
        "health.next_action_code": "card_utilisation",  # lost 15 points, more than DTI or buffer
        "recommendations.repayment.extra_monthly": EXTRA,
        "recommendations.repayment.advice": "extra_payments",
        **SURPLUS,
        "recommendations.repayment.avalanche.order": [
            "abank/card-cred-team200-3",
            "vbank/card-cred-team200-3",
            "sbank/loan-team200-3-7339",
        ],
        "recommendations.repayment.snowball.order": [
            "abank/card-cred-team200-3",
            "sbank/loan-team200-3-7339",
            "vbank/card-cred-team200-3",
        ],
    },
    timeline=timeline(
        CASH,
        [
            ("2026-11-21", "bill", D("-199")),
            ("2026-11-25", "income", SALARY),
            ("2026-11-28", "instalment", -LOAN_P),  # instalments before bills on the same day
            ("2026-11-28", "bill", D("-399")),
            ("2026-12-03", "bill", D("-700")),
        ],
    ),
    # Every product under 18.9 % that takes 205 666.92 has a term ≥ 16 months, so n' = 16; the five
    # lowest rates win (abank refi 10.9, vbank refi 11.5, sbank car 11.9, abank car 12.6, vbank
    # consumer 12.9); the loan's own sbank consumer product is skipped.
    refinance=[
        ("sbank/loan-team200-3-7339", product, annuity(LOAN, rate, 16), LOAN_P - annuity(LOAN, rate, 16),
         (LOAN_P - annuity(LOAN, rate, 16)) * 16)
        for product, rate in (
            ("prod-abank-refi-001", "10.9"),
            ("prod-vbank-refi-001", "11.5"),
            ("prod-sbank-auto-001", "11.9"),
            ("prod-abank-auto-001", "12.6"),
            ("prod-vbank-loan-001", "12.9"),
        )
    ],
)  # fmt: skip
