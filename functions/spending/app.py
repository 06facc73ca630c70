"""GET /api/spending?group_by=&from=&to= — spending for a date range, grouped one way."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.params import QueryDate
from finpulse.dashboard.spending import GroupBy, report
from finpulse.dashboard.views import SpendingResponse

app = create_app()


@app.get(
    "/api/spending",
    summary="Spending by category, merchant or month for a date range (default: the last 30 days)",
    description="`from` and `to` are local dates, both included; at most 731 days; `to` defaults to today.",
    tags=["analytics"],
)
def spending(
    group_by: Annotated[GroupBy, Query()] = "category",
    date_from: Annotated[QueryDate | None, Query(alias="from")] = None,
    date_to: Annotated[QueryDate | None, Query(alias="to")] = None,
) -> SpendingResponse:
    return report(current_caller(app).user_id, start=date_from, end=date_to, group_by=group_by)


lambda_handler = lambda_entry(app)
