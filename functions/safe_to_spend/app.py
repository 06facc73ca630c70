"""GET /api/safe-to-spend — safe-to-spend per day with its explanation.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/safe-to-spend",
    summary="Safe-to-spend per day until the next income, every term explained",
    tags=["analytics"],
    responses=section_doc("safe_to_spend"),
)
def safe_to_spend() -> Response[str]:
    return section_response(app, "safe_to_spend")


lambda_handler = lambda_entry(app)
