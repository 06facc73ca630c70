"""GET /api/refinance/{refinance_id} — the saga's progress: every step, where it stopped and why."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.refinance.service import get
from finpulse.refinance.store import REFINANCE_ID_PATTERN
from finpulse.refinance.views import RefinanceView

app = create_app()


@app.get(
    "/api/refinance/<refinance_id>",
    summary="One refinance: status, every step, the safe state it stopped in",
    tags=["refinance"],
    responses=openapi_error_responses(404),
)
def refinance(refinance_id: Annotated[str, Path(pattern=REFINANCE_ID_PATTERN)]) -> RefinanceView:
    return get(current_caller(app).user_id, refinance_id)


lambda_handler = lambda_entry(app)
