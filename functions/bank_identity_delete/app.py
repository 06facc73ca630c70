"""DELETE /api/me/banks/{bank_id} — give up a bank: its consents revoked, its data deleted."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.identity_claim import IdentityRemoval, remove_identity

app = create_app()


@app.delete(
    "/api/me/banks/<bank_id>",
    summary="Remove the caller's customer id at a bank",
    description=(
        "Revokes every consent at this bank (telling the bank), deletes the data they brought in, "
        "and frees the customer id. Repeating it is harmless (`removed: false`)."
    ),
    tags=["consents"],
    responses=openapi_error_responses(404),
)
def delete_identity(bank_id: str) -> IdentityRemoval:
    return remove_identity(current_caller(app).user_id, bank_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
