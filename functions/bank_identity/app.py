"""PUT /api/me/banks/{bank_id} — the caller's customer id at a bank (set during onboarding)."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.identity_claim import IdentityUpdate, set_identity
from finpulse.consents.requests import IdentityBody

app = create_app()


@app.put(
    "/api/me/banks/<bank_id>",
    summary="Set the caller's customer id at a bank",
    description=(
        "A customer id at a bank belongs to one FinPulse user: another user's id is refused with 409 "
        "`BANK_IDENTITY_TAKEN`. The id is unverified until the customer approves a consent in the "
        "bank's own app. Changing it first revokes this bank's consents and deletes their data "
        "(`replaced` says what)."
    ),
    tags=["consents"],
    responses=openapi_error_responses(404, 409),
)
def put_identity(bank_id: str, body: IdentityBody) -> IdentityUpdate:
    caller = current_caller(app)
    return set_identity(caller.user_id, bank_id, body.customer_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
