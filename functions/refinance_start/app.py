"""POST /api/refinance — start a refinance saga across two banks, once per Idempotency-Key."""

from typing import Annotated
from uuid import UUID

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Header

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.payments.http import documented, json_response
from finpulse.refinance.service import start
from finpulse.refinance.views import RefinanceRequest, RefinanceView

app = create_app()


@app.post(
    "/api/refinance",
    summary="Refinance a loan: open the new one, pay the old one off, close it, re-sync both banks",
    description=(
        "Every check of the quote runs first (403 for what a product consent lacks, 404 for an unknown "
        "loan or offer, 422 otherwise). 202: the saga runs (a Step Functions execution); follow it at "
        "GET /api/refinance/{id}. The same Idempotency-Key returns the same refinance."
    ),
    tags=["refinance"],
    status_code=202,
    responses={
        **documented(RefinanceView, 202, description="Started"),
        **openapi_error_responses(403, 404, 409, 503),
    },
)
def refinance_start(
    body: RefinanceRequest,
    idempotency_key: Annotated[UUID, Header(description="A new UUID per refinance; the same one to retry")],
) -> Response[str]:
    view = start(current_caller(app).user_id, body, str(idempotency_key), deadline_of(app.lambda_context))
    return json_response(202, view, {"Location": f"/api/refinance/{view.refinance_id}"})


lambda_handler = lambda_entry(app)
