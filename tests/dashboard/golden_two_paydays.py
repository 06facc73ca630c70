"""team200-7 — two paydays (advance on the 25th, salary on the 10th) and a consumer loan at vbank.

Facts (sandbox_facts.customer(7)):
  vbank acc-1701 checking 9 180.76; acc-1702 loan −124 438.49 ← loan-team200-7-9156, 16.9 %,
    matures 2027-08-12, "Платеж по кредиту" 14 818.27 on the 14th (last 11-14)
  abank acc-1700 checking 52 537.12, holds 557.39; sbank acc-1703 checking 2 500.00
  "ПАО «Энергомаш»": advance 42 000.00 on 05-25, 06-25, 07-24, 08-25, 09-25, 10-23 and salary
    58 000.00 on 06-10, 07-10, 08-10, 09-10, 10-09, 11-10. 58 000 > 1.15 × 42 000 = 48 300, so two
    amount series, each monthly (gaps' median 31): days 23,24,25,25,25,25 → 25 and 9,10,… → 10.
  Bill: МТС 650 on the 15th (last 11-15). No transactions today.
"""

from __future__ import annotations

from decimal import Decimal

from tests.dashboard.golden import (
    LAST3,
    Golden,
    annuity,
    buffer_points,
    daily,
    kop,
    mean_spending,
    score,
    surplus_figures,
    timeline,
)

D = Decimal

CASH = D("9180.76") + (D("52537.12") - D("557.39")) + D("2500.00")  # 63 660.49
LOAN, LOAN_P = D("124438.49"), D("14818.27")
LOAN_N = 12 * (2027 - 2026) + (8 - 11) + 0  # 12 < 20 → 9
ADVANCE, SALARY = D("42000.00"), D("58000.00")
INCOME = ADVANCE + SALARY
DAYS = 5  # next income: the advance on 11-25 (≥ 20 days after 10-23); the salary comes 12-10
BUFFER = max(D(3000), INCOME / 10)  # 10 000
SPENDABLE = CASH - 0 - BUFFER  # nothing due before 11-25 (loan 12-14, МТС 12-15)
DAILY = SPENDABLE / DAYS
BUF = buffer_points(CASH, mean_spending(7, LAST3))
# Surplus, as of 2026-10-31: both amounts are fixed, income 100 000; bill МТС 650. Spending Aug
# 55 359.23, Sep 98 202.36, Oct 58 098.52 → typical 58 098.52 (the median ignores September's big
# month); 100 000 − 58 098.52 − (14 818.27 + 650) = 26 433.21 a month; balanced: 13 216.605.
SURPLUS, EXTRA = surplus_figures(7, lambda m: m.name == "МТС", income=INCOME, payments=LOAN_P, bills=D("650"))


def _offer(product: str, rate: str) -> tuple[str, str, Decimal, Decimal, Decimal]:
    new = annuity(LOAN, rate, LOAN_N)
    return ("vbank/loan-team200-7-9156", product, new, LOAN_P - new, (LOAN_P - new) * LOAN_N)


TWO_PAYDAYS = Golden(
    index=7,
    profile="two paydays a month with a consumer loan",
    figures={
        "cash.total": CASH,
        "debt.total": LOAN,
        "debt.monthly_payments": LOAN_P,
        "debt.loans.0.next_payment_date": "2026-12-14",
        "debt.loans.0.remaining_months": LOAN_N,
        "income.monthly_total": INCOME,
        "income.next_date": "2026-11-25",
        "income.next_amount": ADVANCE,
        "income.streams": [
            ("пао «энергомаш»", "monthly", ADVANCE, "2026-11-25"),
            ("пао «энергомаш»", "monthly", SALARY, "2026-12-10"),
        ],
        "bills": [("мтс", D("650.00"), "2026-12-15")],
        "safe_to_spend.days": DAYS,
        "safe_to_spend.due_total": D("0.00"),
        "safe_to_spend.safety_buffer": BUFFER,
        "safe_to_spend.spendable": SPENDABLE,
        "safe_to_spend.daily": kop(DAILY),
        "safe_to_spend.tomorrow_daily": kop((CASH - DAILY - BUFFER) / (DAYS - 1)),
        "daily_plan.mdp_daily": kop(daily(LOAN_P)),
        "daily_plan.adp_daily": kop(min(daily(EXTRA), DAILY, LOAN / DAYS)),
        "recommendations.repayment.extra_monthly": EXTRA,
        "recommendations.repayment.advice": "extra_payments",
        **SURPLUS,
        "daily_plan.adp_target": "vbank/loan-team200-7-9156",
        # DTI 14.8 % ≤ 20 % → 30; overdue 20; no cards 15; regular 10.
        "health.components.0.points": D("30.00"),
        "health.components.1.points": kop(BUF),
        "health.score": score(30 + BUF + 20 + 15 + 10),
        "health.next_action_code": "buffer",
    },
    timeline=timeline(
        CASH,
        [
            ("2026-11-25", "income", ADVANCE),
            ("2026-12-10", "income", SALARY),
            ("2026-12-14", "instalment", -LOAN_P),
            ("2026-12-15", "bill", D("-650")),
        ],
    ),
    # Lower-rate products that take 124 438.49 (car loans need ≥ 200 000, mortgages ≥ 1 500 000),
    # n' = 9; the five best: abank refi 10.9, vbank refi 11.5, sbank refi 13.5, vbank consumer-long
    # 13.9, abank consumer 14.2 — each saves ≥ 1 000 over 9 months.
    refinance=[
        _offer("prod-abank-refi-001", "10.9"),
        _offer("prod-vbank-refi-001", "11.5"),
        _offer("prod-sbank-refi-001", "13.5"),
        _offer("loan-consumer", "13.9"),
        _offer("prod-abank-loan-001", "14.2"),
    ],
)
