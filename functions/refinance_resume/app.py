"""POST /api/refinance/{refinance_id}/resume — run a stopped refinance again from its record."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.payments.http import documented, json_response
from finpulse.refinance.service import resume
from finpulse.refinance.store import REFINANCE_ID_PATTERN
from finpulse.refinance.views import RefinanceView

app = create_app()


@app.post(
    "/api/refinance/<refinance_id>/resume",
    summary="Resume a stopped refinance from the step it stopped at (done steps are never redone)",
    description="409 `REFINANCE_NOT_STOPPED` unless it is stopped.",
    tags=["refinance"],
    status_code=202,
    responses={
        **documented(RefinanceView, 202, description="Running again"),
        **openapi_error_responses(404, 409),
    },
)
def refinance_resume(refinance_id: Annotated[str, Path(pattern=REFINANCE_ID_PATTERN)]) -> Response[str]:
    return json_response(202, resume(current_caller(app).user_id, refinance_id))


lambda_handler = lambda_entry(app)
