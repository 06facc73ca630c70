"""GET /api/consents/status — the caller's consents, aggregated per bank and kind."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.banks.retry import deadline_of
from finpulse.consents.status import consents_status
from finpulse.consents.views import ConsentsStatus

app = create_app()


@app.get(
    "/api/consents/status",
    summary="Consent status per bank and kind",
    description=(
        "Pending consents are re-polled at the bank at most once per poll interval each; expired "
        "ones are marked so; `near_expiry` flags approved consents within the warning window."
    ),
    tags=["consents"],
)
def status() -> ConsentsStatus:
    return consents_status(current_caller(app).user_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
