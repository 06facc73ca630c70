"""DELETE /api/consents/{consent_id} — revoke at the bank, mark revoked, delete the data it brought."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.revoke import revoke_consent
from finpulse.consents.views import RevokeResponse

app = create_app()


@app.delete(
    "/api/consents/<consent_id>",
    summary="Revoke a consent and delete the data it brought in",
    description=(
        "Accepts FinPulse's consent id, the bank's consent id or the request id. The consent is "
        "revoked here even if the bank cannot be told now (`revoked_at_bank: false`, retried on "
        "refresh); `not_deleted` says what data could not be deleted, if any."
    ),
    tags=["consents"],
    responses=openapi_error_responses(404),
)
def revoke(consent_id: str) -> RevokeResponse:
    return revoke_consent(current_caller(app).user_id, consent_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
