"""GET /api/timeline — the next 30 days of money events with projected balances.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/timeline",
    summary="The next 30 days: incomes, instalments, bills, maturities, expiries",
    tags=["analytics"],
    responses=section_doc("timeline"),
)
def timeline() -> Response[str]:
    return section_response(app, "timeline")


lambda_handler = lambda_entry(app)
