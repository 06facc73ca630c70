"""GET /api/agreements — loans, deposits and cards (with rates from the detail calls)."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.sync.api import reads
from finpulse.sync.api.models import AgreementsResponse
from finpulse.sync.api.params import BankParam, known_bank

app = create_app()


@app.get(
    "/api/agreements",
    summary="Product agreements at every connected bank",
    tags=["data"],
    responses=openapi_error_responses(404),
)
def agreements(bank_id: Annotated[BankParam, Query()] = None) -> AgreementsResponse:
    views, states = reads.agreements(current_caller(app).user_id, known_bank(bank_id))
    return AgreementsResponse(agreements=views, freshness=states)


lambda_handler = lambda_entry(app)
