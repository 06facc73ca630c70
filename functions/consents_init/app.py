"""POST /api/consents/init — consents at several banks and kinds in one call (idempotent)."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.init import init_consents
from finpulse.consents.requests import InitRequest
from finpulse.consents.views import InitResponse

app = create_app()


@app.post(
    "/api/consents/init",
    summary="Request consents at several banks (accounts, products, payments)",
    description=(
        "One result per bank and kind; a failing bank never fails the request. Approved, unexpired "
        "consents with the same options are reused and pending ones returned, so repeating a call "
        "creates nothing new. `renew` (or an approved consent within the expiry warning) creates a "
        "renewal that replaces the old consent once approved."
    ),
    tags=["consents"],
    responses=openapi_error_responses(404),
)
def init(body: InitRequest) -> InitResponse:
    return init_consents(current_caller(app).user_id, body, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
