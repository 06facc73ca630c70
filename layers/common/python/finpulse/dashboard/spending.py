"""`GET /api/spending`: spending for any date range, grouped by category, merchant or month.

Not served from the dashboard cache (the range is the caller's): one Query of the transaction
partition bounded to the range, then the engine's own `spending_report`, so the categories and
de-duplication are exactly the dashboard's.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from finpulse import clock
from finpulse.analytics.constants import SPENDING_WINDOW_DAYS
from finpulse.dashboard.views import SpendingResponse
from finpulse.data import inputs
from finpulse.errors import Unprocessable

GroupBy = Literal["category", "merchant", "month"]
MAX_RANGE_DAYS = 731
"""Two years: longer ranges read more than a request should (the store keeps about that much)."""


def _range(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    end = end or today
    start = start or end - timedelta(days=SPENDING_WINDOW_DAYS - 1)
    if end < start:
        raise Unprocessable(
            "The request is not valid", details=[{"field": "query.to", "message": "must not be before from"}]
        )
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise Unprocessable(
            "The request is not valid",
            details=[{"field": "query.from", "message": f"the range is at most {MAX_RANGE_DAYS} days"}],
        )
    return start, end


def report(user_id: str, *, start: date | None, end: date | None, group_by: GroupBy) -> SpendingResponse:
    # Deferred: the report's code and boto3 load on the first request, not in the cold-start import.
    from finpulse.analytics.movements import Movements
    from finpulse.analytics.spending import spending_report
    from finpulse.dashboard import loader
    from finpulse.dashboard.service import bank_ids
    from finpulse.data import entities, freshness

    stored = inputs.load(user_id)
    today = clock.local_today(stored.timezone)
    start, end = _range(start, end, today)
    data = entities.load(user_id)
    result = spending_report(
        loader.transactions(user_id, data, start, end),
        start=start,
        end=end,
        group_by=group_by,
        # Loan instalments are their own category, recognised by the agreement ids they name.
        loan_ids=data.loan_ids,
        timezone=stored.timezone,
        # Transfers between the user's own accounts are not spending (as on the dashboard).
        movements=Movements.of(data.accounts, data.agreements),
    )
    return SpendingResponse(today=today, report=result, freshness=freshness.for_banks(user_id, bank_ids()))
