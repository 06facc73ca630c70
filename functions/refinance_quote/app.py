"""POST /api/refinance/quote — what refinancing a loan with an offer would do; starts nothing."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.refinance.service import quote
from finpulse.refinance.views import RefinanceQuote, RefinanceRequest

app = create_app()


@app.post(
    "/api/refinance/quote",
    summary="Quote a refinance: old and new payment, saving net of commission, break-even, every step",
    description=(
        "The figures are the refinance recommendation's own (GET /api/refinance/optimize-loans). Reads "
        "the product consents at both banks now; starts nothing. `steps` names both banks and every step."
    ),
    tags=["refinance"],
    responses=openapi_error_responses(409, 503),
)
def refinance_quote(body: RefinanceRequest) -> RefinanceQuote:
    return quote(current_caller(app).user_id, body, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
