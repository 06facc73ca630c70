"""team200-5 — student: no income, almost no money, one subscription.

Facts (sandbox_facts.customer(5)):
  vbank acc-1500 checking 300.00; abank acc-1501 checking 0.00; sbank acc-1502 checking 800.00
  No credits at all in the last 190 days. Яндекс Плюс 399 on the 23rd (last 10-23).
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
    score,
    surplus_figures,
    timeline,
)

D = Decimal

CASH = D("300.00") + D("0.00") + D("800.00")
BUFFER = D(3000)  # max(3 000, 10 % × 0)
DUE = D("399")  # Яндекс Плюс 11-23, inside the 30-day horizon (12-23 is not)
SPENDABLE = CASH - DUE - BUFFER  # −2 299: nothing to spend, a shortfall
BUF = buffer_points(CASH, mean_spending(5, LAST3))
# Surplus: no income → `no_income`, nothing to repay from; typical spending is still shown.
SURPLUS, _ = surplus_figures(5, lambda m: m.name == "Яндекс Плюс", income=D(0), payments=D(0), bills=D("399"))

STUDENT = Golden(
    index=5,
    profile="student without income",
    figures={
        "cash.total": CASH,
        "debt.total": D("0.00"),
        "income.regularity": "none",
        "income.monthly_total": D("0.00"),
        "income.next_date": None,
        "income.streams": [],
        "bills": [("яндекс плюс", D("399.00"), "2026-11-23")],
        "safe_to_spend.horizon": "default",
        "safe_to_spend.days": 30,
        "safe_to_spend.period_end": "2026-12-20",
        "safe_to_spend.due_total": DUE,
        "safe_to_spend.safety_buffer": BUFFER,
        "safe_to_spend.spendable": SPENDABLE,
        "safe_to_spend.daily": D("0.00"),
        "safe_to_spend.shortfall": -SPENDABLE,
        "safe_to_spend.left_today": D("0.00"),
        "safe_to_spend.tomorrow_daily": D("0.00"),
        "daily_plan.sdp_daily": D("0.00"),
        "savings.total": D("0.00"),
        # No income and no debt → 30; buffer 1 100 / mean spending ≈ 0.06 months; no income → 0.
        "health.components.0.points": D("30.00"),
        "health.components.1.points": kop(BUF),
        "health.components.4.points": D("0.00"),
        "health.score": score(30 + BUF + 20 + 15 + 0),
        "health.next_action_code": "buffer",
        "recommendations.repayment": None,
        "recommendations.refinance": [],
        **SURPLUS,
    },
    timeline=timeline(CASH, [("2026-11-23", "bill", D("-399"))]),
)
