"""POST /api/payments/quote — what a payment would do; creates nothing at any bank."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.payments.requests import PaymentQuoteRequest
from finpulse.payments.service import quote
from finpulse.payments.views import PaymentQuote

app = create_app()


@app.post(
    "/api/payments/quote",
    summary="Quote a payment: debtor, creditor, amount, consent and every check",
    description=(
        "The same body as `POST /api/payments/{mdp,adp,sdp}` plus `kind`. Reads the debtor's available "
        "balance at the bank now (and an existing consent's usage); creates no consent and no payment. "
        "`ok` is true when the payment would be sent; every failed check names the code the payment "
        "would get."
    ),
    tags=["payments"],
    responses=openapi_error_responses(404, 409, 503),
)
def payment_quote(body: PaymentQuoteRequest) -> PaymentQuote:
    return quote(current_caller(app).user_id, body, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
