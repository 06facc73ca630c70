"""team200-1 — salaried, mortgage at vbank, car loan at abank, monthly transfer between own banks.

Facts (sandbox_facts.customer(1)):
  vbank acc-1100 checking  booked 30 865.19, holds 4 269.04 (two pending card purchases)
  vbank acc-1101 loan      −5 973 323.57   ← agreement loan-team200-1-5072, mortgage 9.8 %, to 2042-10-20
  abank acc-1102 checking  241 140.35
  abank acc-1103 loan      −1 468 385.02   ← agreement loan-team200-1-0108, car loan 14.9 %, to 2031-03-08
  sbank acc-1104 checking  0.00
  Salary "ООО «ТехноСофт»" (lookback from 2026-05-14): 06-05 182 489.11, 07-03 186 767.54,
    08-05 182 020.49, 09-04 186 945.83, 10-05 187 482.51, 11-05 187 929.94.
  "Платеж по кредиту №loan-team200-1-5072" 61 867.54 on the 15th every month (last 11-15);
  "Платеж по кредиту №loan-team200-1-0108" 37 979.95 on the 20th (last 10-20; none yet today).
  42 000.00 every 6th from vbank to the customer's own abank account: an internal movement.
  Bills (MCC 5815, 4814, 4900): Яндекс Плюс 399 on the 26th, Кинопоиск 299 on the 28th, МТС 650 on
    the 4th (last 11-04), ЖКУ Единый расчётный центр 07-12 5 784.16, 08-12 5 225.61,
    09-13 5 317.08, 10-13 5 801.93 (Moscow dates) plus 06-12 6 454.27 and 11-12 6 930.45.
  Today: Перекрёсток 3 898.98 (pending, 2026-11-19T22:21Z = 01:21 on the 20th in Moscow).
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
)
from tests.dashboard.sandbox_facts import Move

D = Decimal

# Cash: InterimAvailable (booked − holds) of the three current accounts.
VBANK = D("30865.19") - D("4269.04")  # 26 596.15
ABANK = D("241140.35")
CASH = VBANK + ABANK + D("0.00")  # 267 736.50

# Debt: each loan's own account balance is what is owed.
CAR, MORTGAGE = D("1468385.02"), D("5973323.57")
# Monthly payments observed: median of the last three instalments naming the agreement.
CAR_P, MORTGAGE_P = D("37979.95"), D("61867.54")
PAYMENTS = CAR_P + MORTGAGE_P  # 99 847.49
# Remaining months from maturity: 12·(Y_m − Y_t) + (M_m − M_t) + (1 if day_m ≥ day_t).
CAR_N = 12 * (2031 - 2026) + (3 - 11) + 0  # 8 < 20 → 52
MORTGAGE_N = 12 * (2042 - 2026) + (10 - 11) + 1  # 20 ≥ 20 → 192

# Income: one monthly series (gaps 28, 33, 30, 31, 31 → median 31; days 5,3,5,4,5,5 → lower median
# 5); typical = median(186 945.83, 187 482.51, 187 929.94); next after today and ≥ 20 days after
# 11-05 → 12-05.
SALARY = D("187482.51")

# Bills: Яндекс Плюс next 11-26, Кинопоиск 11-28, МТС 12-04; ЖКУ: the amount bands are
# {5 225.61, 5 317.08, 5 784.16, 5 801.93} (≤ 1.15 × 5 225.61 = 6 009.45) and {6 454.27, 6 930.45}
# (two dates: dropped); the first series is monthly on the 12th (days 12,12,13,13), typical =
# median(5 225.61, 5 317.08, 5 801.93) = 5 317.08; 11-12 was 8 days ago (> 5 days grace), so next
# 12-12. Beauty-salon visits (MCC 7230) form no series of 3 dates at a cadence.
BILLS = D("399") + D("299") + D("650")  # due before 12-05

# Safe-to-spend.
SPENT_TODAY = D("3898.98")
DAYS = 15  # 2026-12-05 − 2026-11-20
DUE = CAR_P + BILLS  # car instalment today (not paid yet) + three bills = 39 327.95
BUFFER = max(D(3000), SALARY / 10)  # 18 748.251
SPENDABLE = CASH + SPENT_TODAY - DUE - BUFFER
DAILY = SPENDABLE / DAYS
LEFT = DAILY - SPENT_TODAY
TOMORROW = (CASH - LEFT - DUE - BUFFER) / (DAYS - 1)

# Surplus, as of 2026-10-31 (lookback from 2026-04-24). Salary: last three by date 08-05
# 182 020.49, 09-04 186 945.83, 10-05 187 482.51 → median 186 945.83. Bills: the three subscriptions
# and ЖКУ, whose band from 5 225.61 (≤ 6 009.45) now holds 05-12 5 455.22, 07-12, 08-12, 09-13, 10-13
# (gaps 61, 31, 32, 30: median 31.5, 3 of 4 in 26–35 → monthly; typical median(5 225.61, 5 317.08,
# 5 801.93) = 5 317.08); 06-12 6 454.27 is alone. Bills a month 5 317.08 + 399 + 299 + 650.
PLAN_BILLS = D("5317.08") + D("399") + D("299") + D("650")  # 6 665.08


def _is_bill(move: Move) -> bool:
    if move.name in ("Яндекс Плюс", "Кинопоиск", "МТС"):
        return True
    return move.name == "ЖКУ Единый расчётный центр" and -move.amount <= D("5225.61") * D("1.15")


# Spending Aug 134 137.19, Sep 145 129.60, Oct 163 873.50 → typical 145 129.60; 186 945.83 −
# 145 129.60 − (99 847.49 + 6 665.08) = −64 696.34: no surplus, so no extra payment and ADP 0.
SURPLUS, EXTRA = surplus_figures(1, _is_bill, income=D("186945.83"), payments=PAYMENTS, bills=PLAN_BILLS)
ADP = min(daily(EXTRA), DAILY, CAR / DAYS)

SPEND3 = mean_spending(1, LAST3)
ORDER = ["abank/loan-team200-1-0108", "vbank/loan-team200-1-5072"]
DTI = dti_points(PAYMENTS, SALARY)
BUFFER_PTS = buffer_points(CASH, SPEND3)

SALARIED = Golden(
    index=1,
    profile="salaried with a mortgage and a car loan",
    figures={
        "cash.total": CASH,
        "cash.by_bank": [("abank", ABANK), ("sbank", D("0.00")), ("vbank", VBANK)],
        "debt.total": CAR + MORTGAGE,
        "debt.loans_total": CAR + MORTGAGE,
        "debt.cards_used_total": D("0.00"),
        "debt.overdue_total": D("0.00"),
        "debt.monthly_payments": PAYMENTS,
        "debt.loans.0.agreement_id": "loan-team200-1-0108",
        "debt.loans.0.outstanding": CAR,
        "debt.loans.0.rate": D("14.9"),
        "debt.loans.0.monthly_payment": CAR_P,
        "debt.loans.0.payment_source": "observed",
        "debt.loans.0.next_payment_date": "2026-11-20",
        "debt.loans.0.remaining_months": CAR_N,
        "debt.loans.1.agreement_id": "loan-team200-1-5072",
        "debt.loans.1.outstanding": MORTGAGE,
        "debt.loans.1.monthly_payment": MORTGAGE_P,
        "debt.loans.1.next_payment_date": "2026-12-15",
        "debt.loans.1.remaining_months": MORTGAGE_N,
        "income.regularity": "regular",
        "income.monthly_total": SALARY,
        "income.next_date": "2026-12-05",
        "income.next_amount": SALARY,
        "income.streams": [("ооо «технософт»", "monthly", SALARY, "2026-12-05")],
        "bills": [
            ("жку единый расчётный центр", D("5317.08"), "2026-12-12"),
            ("кинопоиск", D("299.00"), "2026-11-28"),
            ("мтс", D("650.00"), "2026-12-04"),
            ("яндекс плюс", D("399.00"), "2026-11-26"),
        ],
        "safe_to_spend.days": DAYS,
        "safe_to_spend.period_end": "2026-12-05",
        "safe_to_spend.cash_now": CASH,
        "safe_to_spend.spent_today": SPENT_TODAY,
        "safe_to_spend.cash_start_of_day": CASH + SPENT_TODAY,
        "safe_to_spend.instalments": CAR_P,
        "safe_to_spend.bills": BILLS,
        "safe_to_spend.due_total": DUE,
        "safe_to_spend.planned_savings": D("0.00"),
        "safe_to_spend.safety_buffer": kop(BUFFER),
        "safe_to_spend.spendable": kop(SPENDABLE),
        "safe_to_spend.daily": kop(DAILY),
        "safe_to_spend.shortfall": D("0.00"),
        "safe_to_spend.left_today": kop(LEFT),
        "safe_to_spend.tomorrow_daily": kop(TOMORROW),
        "daily_plan.mdp_daily": kop(daily(PAYMENTS)),
        "daily_plan.adp_daily": kop(ADP),
        "daily_plan.adp_target": "abank/loan-team200-1-0108",
        "daily_plan.sdp_daily": D("0.00"),
        "savings.total": D("0.00"),
        "health.components.0.points": kop(DTI),
        "health.components.1.points": kop(BUFFER_PTS),
        "health.components.2.points": D("20.00"),  # nothing overdue
        "health.components.3.points": D("15.00"),  # no credit cards
        "health.components.4.points": D("10.00"),  # regular income
        "health.score": score(DTI + BUFFER_PTS + 20 + 15 + 10),
        "health.next_action_code": "debt_to_income",  # lost 24.94 points vs buffer 20.61
        # Avalanche: 14.9 % before 9.8 %; snowball: 1 468 385.02 before 5 973 323.57.
        "recommendations.repayment.avalanche.order": ORDER,
        "recommendations.repayment.snowball.order": ORDER,
        "recommendations.repayment.extra_monthly": EXTRA,
        "recommendations.repayment.avalanche.extra_monthly": EXTRA,
        # No surplus, and refinance offers exist (below): refinance is the advice.
        "recommendations.repayment.advice": "refinance",
        **SURPLUS,
    },
    timeline=timeline(
        CASH,
        [
            ("2026-11-20", "instalment", -CAR_P),
            ("2026-11-26", "bill", D("-399")),
            ("2026-11-28", "bill", D("-299")),
            ("2026-12-04", "bill", D("-650")),
            ("2026-12-05", "income", SALARY),
            ("2026-12-12", "bill", D("-5317.08")),
            ("2026-12-15", "instalment", -MORTGAGE_P),
        ],
    ),
    # Refinance: every loan product with a lower rate whose amount range holds the balance, not the
    # loan's own product, term n' = min(n, product term). Car (B 1 468 385.02, n 52, cost P·n):
    # abank refi 10.9, vbank refi 11.5, sbank car 11.9, vbank car 13.4, sbank refi 13.5 (and vbank
    # consumer-long 13.9, sixth: only 5 are listed); 36-month consumer loans cost more per month;
    # mortgages need ≥ 1 500 000. Mortgage (n 192): only sbank's 8.7 % mortgage (vbank's 9.3 % is
    # its own product). No commissions in the sandbox catalogs.
    refinance=[
        ("abank/loan-team200-1-0108", product, annuity(CAR, rate, 52), CAR_P - annuity(CAR, rate, 52),
         CAR_P * 52 - annuity(CAR, rate, 52) * 52)
        for product, rate in (
            ("prod-abank-refi-001", "10.9"),
            ("prod-vbank-refi-001", "11.5"),
            ("prod-sbank-auto-001", "11.9"),
            ("prod-vbank-auto-001", "13.4"),
            ("prod-sbank-refi-001", "13.5"),
        )
    ]
    + [
        ("vbank/loan-team200-1-5072", "prod-sbank-mortgage-001", annuity(MORTGAGE, "8.7", 192),
         MORTGAGE_P - annuity(MORTGAGE, "8.7", 192), (MORTGAGE_P - annuity(MORTGAGE, "8.7", 192)) * 192),
    ],
)  # fmt: skip
