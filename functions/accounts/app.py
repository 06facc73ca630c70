"""GET /api/accounts — the caller's accounts with both balance types and per-bank freshness."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.sync.api import reads
from finpulse.sync.api.models import AccountsResponse
from finpulse.sync.api.params import BankParam, known_bank

app = create_app()


@app.get(
    "/api/accounts",
    summary="Accounts at every connected bank",
    tags=["data"],
    responses=openapi_error_responses(404),
)
def accounts(bank_id: Annotated[BankParam, Query()] = None) -> AccountsResponse:
    views, states = reads.accounts(current_caller(app).user_id, known_bank(bank_id))
    return AccountsResponse(accounts=views, freshness=states)


lambda_handler = lambda_entry(app)
