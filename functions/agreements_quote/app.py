"""POST /api/agreements/quote — what opening a deposit would do; creates nothing at any bank."""

from finpulse.agreements.requests import OpenRequest
from finpulse.agreements.service import quote_open
from finpulse.agreements.views import OpenQuote
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of

app = create_app()


@app.post(
    "/api/agreements/quote",
    summary="Quote a deposit: rate, interest at maturity, maturity date and every check",
    description=(
        "The same body as `POST /api/agreements`. Reads the product consent at the bank now (flags, "
        "types, max_amount and what was already opened under it) and the source account's available "
        "balance; creates nothing. `ok` is true when the deposit would be opened; every failed check "
        "names the code the opening would get."
    ),
    tags=["agreements"],
    responses=openapi_error_responses(404, 409, 503),
)
def agreement_quote(body: OpenRequest) -> OpenQuote:
    return quote_open(current_caller(app).user_id, body, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
