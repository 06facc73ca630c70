"""GET /api/refinance/optimize-loans — refinance offers from every connected bank's catalog.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/refinance/optimize-loans",
    summary="Refinance offers: new payment, saving net of commission, break-even",
    tags=["analytics"],
    responses=section_doc("refinance"),
)
def refinance() -> Response[str]:
    return section_response(app, "refinance")


lambda_handler = lambda_entry(app)
