"""GET /api/deposits — deposits, savings accounts and goal progress.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/deposits",
    summary="Deposits and savings accounts: rates, maturities, goal progress",
    tags=["analytics"],
    responses=section_doc("deposits"),
)
def deposits() -> Response[str]:
    return section_response(app, "deposits")


lambda_handler = lambda_entry(app)
