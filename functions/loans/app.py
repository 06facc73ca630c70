"""GET /api/loans — loans with rates, next instalments and the repayment plan.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/loans",
    summary="Loans: outstanding, rate, next instalment, overdue; repayment plan",
    tags=["analytics"],
    responses=section_doc("loans"),
)
def loans() -> Response[str]:
    return section_response(app, "loans")


lambda_handler = lambda_entry(app)
