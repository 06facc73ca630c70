"""GET /api/cards — credit cards: used amount (never the limit), minimum payments.

A section of the cached dashboard (finpulse.dashboard.sections): the same figures, one computation
per data version.
"""

from aws_lambda_powertools.event_handler import Response

from finpulse.api import create_app, lambda_entry
from finpulse.dashboard.http import section_doc, section_response

app = create_app()


@app.get(
    "/api/cards",
    summary="Credit cards: used amount, limit, utilisation, minimum payment",
    tags=["analytics"],
    responses=section_doc("cards"),
)
def cards() -> Response[str]:
    return section_response(app, "cards")


lambda_handler = lambda_entry(app)
