"""team200-2 — saver: deposits at all three banks, monthly top-ups, interest paid out; with inputs.

Inputs PUT through the API: savings goal 3 500 000.00 by 2027-11-20, safety buffer 20 000.00.

Facts (sandbox_facts.customer(2)):
  vbank acc-1200 checking 466 127.57; acc-1201 deposit 1 040 000.00 ← dep-team200-2-2923, 8.5 %,
    matures 2027-09-20 (800 000 first deposited + 20 000 top-ups every 12th: internal movements)
  abank acc-1202 checking  50 500.00; acc-1203 deposit 1 200 000.00 ← dep-team200-2-1932, 9.1 %, 2027-06-03
  sbank acc-1204 checking  10 000.00; acc-1205 deposit   534 351.34 ← dep-team200-2-4310, 8.0 %, 2027-01-20
    (interest capitalised on the deposit account)
  Salary "АО «СеверСталь Инвест»" 140 000.00: 06-10, 07-10, 08-10, 09-10, 10-09, 11-10.
  "Проценты по депозиту" credits every 1st: interest — not income (docs: excluded words).
  Bills: Билайн 550 on the 26th (last 10-26), Яндекс Плюс 399 on the 19th (last 11-19). ЖКУ
    (4 004.45 … 5 523.06 on the 15th) splits into amount bands of ≤ 2 dates, or 3 dates
    (05-15, 08-15, 09-15) with gaps 92 and 31 — not monthly: no bill.
  No transactions today.
"""

from __future__ import annotations

from decimal import Decimal

from tests.dashboard.golden import (
    LAST3,
    Golden,
    buffer_points,
    kop,
    mean_spending,
    surplus_figures,
    timeline,
)

D = Decimal

CASH = D("466127.57") + D("50500.00") + D("10000.00")  # 526 627.57
SAVINGS = D("1040000.00") + D("1200000.00") + D("534351.34")  # deposit accounts' balances
SALARY = D("140000.00")  # monthly on the 10th (days 10,10,10,10,9,10), next 12-10
GOAL = D("3500000.00")
REMAINING = GOAL - SAVINGS  # 725 648.66
GOAL_DAYS = 365  # 2027-11-20 − 2026-11-20
SDP = REMAINING / GOAL_DAYS
DAYS = 20  # 2026-12-10 − 2026-11-20
DUE = D("550")  # Билайн 11-26; Яндекс Плюс next 12-19 is after the income
PLANNED = SDP * min(DAYS, GOAL_DAYS)
BUFFER = D("20000.00")  # the user's
SPENDABLE = CASH - DUE - PLANNED - BUFFER
DAILY = SPENDABLE / DAYS
SPEND3 = mean_spending(2, LAST3)
# Surplus, as of 2026-10-31: salary 140 000; bills Билайн 550 + Яндекс Плюс 399; the savings plan's
# monthly contribution 725 648.66 / 12 (calendar months 2026-11 → 2027-11). Spending Aug 60 101.45,
# Sep 66 196.47, Oct 52 418.16 (top-ups and interest are internal / not spending) → 60 101.45.
SURPLUS, _ = surplus_figures(
    2,
    lambda m: m.name in ("Билайн", "Яндекс Плюс"),
    income=SALARY,
    payments=D(0),
    bills=D("949"),
    planned=kop(REMAINING / 12),
)

SAVER = Golden(
    index=2,
    profile="saver with deposits, goal and buffer set by the user",
    inputs={
        "savings_goal_amount": "3500000.00",
        "savings_goal_date": "2027-11-20",
        "safety_buffer": "20000.00",
    },
    figures={
        "cash.total": CASH,
        "debt.total": D("0.00"),
        "debt.monthly_payments": D("0.00"),
        "savings.total": SAVINGS,
        "savings.by_bank": [
            ("abank", D("1200000.00")),
            ("sbank", D("534351.34")),
            ("vbank", D("1040000.00")),
        ],
        "savings.items.0.rate": D("9.1"),
        "savings.items.0.maturity_date": "2027-06-03",
        "savings.goal.saved": SAVINGS,
        "savings.goal.remaining": REMAINING,
        "savings.goal.progress_percent": kop(SAVINGS / GOAL * 100),  # 79.27
        "savings.goal.days_left": GOAL_DAYS,
        "income.monthly_total": SALARY,
        "income.next_date": "2026-12-10",
        "income.streams": [("ао «северсталь инвест»", "monthly", SALARY, "2026-12-10")],
        "bills": [("билайн", D("550.00"), "2026-11-26"), ("яндекс плюс", D("399.00"), "2026-12-19")],
        "safe_to_spend.days": DAYS,
        "safe_to_spend.due_total": DUE,
        "safe_to_spend.planned_savings": kop(PLANNED),
        "safe_to_spend.safety_buffer": BUFFER,
        "safe_to_spend.spendable": kop(SPENDABLE),
        "safe_to_spend.daily": kop(DAILY),
        "safe_to_spend.left_today": kop(DAILY),
        "safe_to_spend.tomorrow_daily": kop((CASH - DAILY - DUE - PLANNED - BUFFER) / (DAYS - 1)),
        "daily_plan.mdp_daily": D("0.00"),
        "daily_plan.adp_daily": D("0.00"),
        "daily_plan.adp_target": None,
        "daily_plan.sdp_daily": kop(SDP),
        # Health: no payments → 30; (cash + savings) / mean spending is far above 6 months → 25.
        "health.components.1.points": kop(buffer_points(CASH + SAVINGS, SPEND3)),
        "health.score": 100,
        "health.next_action_code": "keep_going",
        # Savings plan: 12 calendar months to 2027-11; feasible: 60 470.72 ≤ 140 000 − mean spending.
        "recommendations.savings_plan.months_left": 12,
        "recommendations.savings_plan.monthly_needed": REMAINING / 12,
        "recommendations.savings_plan.daily_needed": SDP,
        "recommendations.savings_plan.feasible": REMAINING / 12 <= SALARY - SPEND3,
        # Highest-rate deposit product that takes 3 500 000: abank 9.1 % (two of them; ties go by
        # product id: "deposit-reliable" < "prod-abank-deposit-001").
        "recommendations.savings_plan.best_deposit": "abank/deposit-reliable",
        "recommendations.repayment": None,
        **SURPLUS,
    },
    # No deposit matures within 30 days (the first is 2027-01-20).
    timeline=timeline(
        CASH,
        [
            ("2026-11-26", "bill", D("-550")),
            ("2026-12-10", "income", SALARY),
            ("2026-12-19", "bill", D("-399")),
        ],
    ),
)
