"""PUT /api/me/banks/{bank_id} — the caller's customer id at a bank (set during onboarding)."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.consents.identity import BankIdentity, set_identity
from finpulse.consents.requests import IdentityBody

app = create_app()


@app.put(
    "/api/me/banks/<bank_id>",
    summary="Set the caller's customer id at a bank",
    tags=["consents"],
    responses=openapi_error_responses(404, 409),
)
def put_identity(bank_id: str, body: IdentityBody) -> BankIdentity:
    return set_identity(current_caller(app).user_id, bank_id, body.customer_id)


lambda_handler = lambda_entry(app)
