"""GET /api/agreement-actions/{action_id} — one opening or closing, followed up until final."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.agreements.service import get_action
from finpulse.agreements.store import ACTION_ID_PATTERN
from finpulse.agreements.views import AgreementActionView
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of

app = create_app()


@app.get(
    "/api/agreement-actions/<action_id>",
    summary="One deposit opening or closing: status, history, the agreement",
    description=(
        "While its outcome is unknown, the bank's list of agreements is asked (never resent); a "
        "completed one whose re-sync did not run is synced."
    ),
    tags=["agreements"],
    responses=openapi_error_responses(404),
)
def agreement_action(action_id: Annotated[str, Path(pattern=ACTION_ID_PATTERN)]) -> AgreementActionView:
    return get_action(current_caller(app).user_id, action_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
