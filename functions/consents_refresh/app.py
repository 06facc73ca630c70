"""POST /api/consents/refresh — poll the caller's consents at the banks now."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.requests import RefreshRequest
from finpulse.consents.status import consents_status
from finpulse.consents.views import ConsentsStatus

app = create_app()


@app.post(
    "/api/consents/refresh",
    summary="Poll pending and approved consents at the banks now",
    description=(
        "Also tells banks about revocations they could not be told before. `banks` limits the poll "
        "to some banks."
    ),
    tags=["consents"],
    responses=openapi_error_responses(404),
)
def refresh(body: RefreshRequest | None = None) -> ConsentsStatus:
    return consents_status(
        current_caller(app).user_id,
        deadline_of(app.lambda_context),
        banks=body.banks if body else None,
        force=True,
        include_approved=True,
    )


lambda_handler = lambda_entry(app)
