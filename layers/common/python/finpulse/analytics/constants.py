"""Every tunable number of the engine, in one place. docs/ANALYTICS.md quotes these values; a change
here is a change to the documented behaviour and must be made there too (a test compares them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from finpulse.domain import RepaymentSpeed

BASE_CURRENCY: Final = "RUB"
DEFAULT_TIMEZONE: Final = "Europe/Moscow"

# --- safe-to-spend ----------------------------------------------------------------------------
SAFETY_BUFFER_MIN: Final = Decimal(3000)
SAFETY_BUFFER_INCOME_SHARE: Final = Decimal("0.10")
"""Default buffer = max(3 000 ₽, 10 % of monthly income) unless the user sets one."""
NO_INCOME_HORIZON_DAYS: Final = 30
"""Without a known next income, safe-to-spend spreads money over this many days."""

# --- recurrence (income and bills) ------------------------------------------------------------
RECURRENCE_LOOKBACK_DAYS: Final = 190
AMOUNT_TOLERANCE: Final = Decimal("0.15")
"""Amounts belong to one series when they are at most 15 % above the smallest of the series."""
MIN_OCCURRENCES: Final = 3
REGULAR_SHARE: Final = Decimal("0.75")
"""At least 75 % of the gaps between occurrences must fall inside the cadence window."""
MONTHLY_WINDOW: Final = (26, 35)
TWICE_MONTHLY_WINDOW: Final = (10, 20)
BIWEEKLY_WINDOW: Final = (12, 16)
TWICE_MONTHLY_MAX_SPREAD: Final = 4
"""Twice a month: each of the two day-of-month groups spans at most 4 days (weekend shifts)."""
TWICE_MONTHLY_MIN_SEPARATION: Final = 10
ACTIVE_GRACE_DAYS: Final = 10
"""A series is still active if its last occurrence is within one window maximum + 10 days."""
MIN_GAP_DAYS: Final = {"monthly": 20, "twice_monthly": 8, "biweekly": 14}
"""A predicted date must be at least this far after the last occurrence (an early payment is not
followed by a phantom one a few days later)."""
BILL_LATE_GRACE_DAYS: Final = 5
"""A bill expected up to 5 days ago and not yet seen is treated as due today."""
MIN_INCOME_AMOUNT: Final = Decimal(1000)
INCOME_EXCLUDE_WORDS: Final = ("процент", "кэшбэк", "кешбэк", "cashback", "interest")
"""Deposit interest and cashback recur but are not income to plan a month around."""

# --- debt and daily plan ----------------------------------------------------------------------
CARD_MIN_PAYMENT_RATE: Final = Decimal("0.05")
"""Estimated monthly minimum payment of a credit card when the bank does not state one."""
SPEED_SHARE: Final = {
    RepaymentSpeed.CONSERVATIVE: Decimal("0.25"),
    RepaymentSpeed.BALANCED: Decimal("0.50"),
    RepaymentSpeed.FAST: Decimal("0.75"),
}
"""Share of the monthly surplus suggested as extra repayment. The surplus is already net of typical
spending and every obligation; the rest of it absorbs a dearer month and builds the buffer."""
SURPLUS_MONTHS: Final = 3
"""Complete months whose spending (median) is the typical monthly spending of the surplus."""
MIRROR_WINDOW_MINUTES: Final = 60
"""A debit and a credit of the same amount on two of the user's accounts at most this far apart
are one move between them."""

# --- timeline and spending --------------------------------------------------------------------
TIMELINE_DAYS: Final = 30
SPENDING_WINDOW_DAYS: Final = 30
SPENDING_MONTHS: Final = 12
TOP_MERCHANTS: Final = 10
HEALTH_SPENDING_MONTHS: Final = 3

# --- recommendations --------------------------------------------------------------------------
MIN_REFINANCE_SAVING: Final = Decimal(1000)
MAX_OFFERS_PER_LOAN: Final = 5
MAX_PLAN_MONTHS: Final = 600
PLAN_PATH_POINTS: Final = 60

# --- health score -----------------------------------------------------------------------------
HEALTH_WEIGHTS: Final = {
    "debt_to_income": Decimal(30),
    "buffer": Decimal(25),
    "overdue": Decimal(20),
    "card_utilisation": Decimal(15),
    "income_regularity": Decimal(10),
}
DTI_GOOD: Final = Decimal("0.20")
DTI_BAD: Final = Decimal("0.60")
BUFFER_GOOD_MONTHS: Final = Decimal(6)
UTILISATION_GOOD: Final = Decimal("0.30")
UTILISATION_BAD: Final = Decimal("0.90")
IRREGULAR_INCOME_POINTS: Final = Decimal(5)
