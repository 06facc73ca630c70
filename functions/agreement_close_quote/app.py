"""POST /api/agreements/{agreement_id}/close/quote — what closing a deposit would return."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.agreements.requests import CloseRequest
from finpulse.agreements.service import quote_close
from finpulse.agreements.views import CloseQuote
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.payments.requests import REF_PATTERN

app = create_app()


@app.post(
    "/api/agreements/<agreement_id>/close/quote",
    summary="Quote closing a deposit: what comes back, and the interest lost if early",
    description=(
        "The same body as the close. Reads the deposit's balance and the product consent at the bank "
        "now; creates nothing."
    ),
    tags=["agreements"],
    responses=openapi_error_responses(404, 409, 503),
)
def agreement_close_quote(
    agreement_id: Annotated[str, Path(pattern=REF_PATTERN)], body: CloseRequest
) -> CloseQuote:
    return quote_close(current_caller(app).user_id, agreement_id, body, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
