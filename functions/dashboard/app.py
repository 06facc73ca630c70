"""GET /api/dashboard?force_refresh= — every figure, from the cache of the current data version."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import dashboard_response, documented
from finpulse.dashboard.views import DashboardResponse

app = create_app()


@app.get(
    "/api/dashboard",
    summary="The dashboard: cash, debt, income, safe-to-spend, savings, health, timeline, spending",
    description=(
        "Served from the dashboard cached for the caller's current data version and local day; "
        "computed (and cached) when a sync, a payment or an input change made it outdated, or when "
        "`force_refresh` is set. `freshness` says per bank how current its data is."
    ),
    tags=["analytics"],
    responses=documented(DashboardResponse),
)
def dashboard(force_refresh: Annotated[bool, Query()] = False) -> Response[str]:
    return dashboard_response(app, force_refresh=force_refresh)


lambda_handler = lambda_entry(app)
