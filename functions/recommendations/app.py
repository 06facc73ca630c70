"""GET /api/recommendations — repayment plan, refinance offers, savings plan, health.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/recommendations",
    summary="Repayment strategies, refinance, savings plan; health score",
    tags=["analytics"],
    responses=section_doc("recommendations"),
)
def recommendations() -> Response[str]:
    return section_response(app, "recommendations")


lambda_handler = lambda_entry(app)
