"""GET /api/consent/status?request_id=…&bank_id=… — one consent, by request id or consent id."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.consents.status import consent_detail
from finpulse.consents.views import ConsentDetail
from finpulse.errors import Unprocessable

app = create_app()

Id = Annotated[str | None, Query(min_length=1, max_length=128)]


@app.get(
    "/api/consent/status",
    summary="One consent, by FinPulse id, request id or consent id",
    tags=["consents"],
    responses=openapi_error_responses(404),
)
def consent(request_id: Id = None, consent_id: Id = None, bank_id: Id = None) -> ConsentDetail:
    any_id = request_id or consent_id
    if any_id is None:
        raise Unprocessable(
            "request_id or consent_id is required",
            details=[{"field": "query.request_id", "message": "Field required"}],
        )
    return consent_detail(current_caller(app).user_id, any_id, bank_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
