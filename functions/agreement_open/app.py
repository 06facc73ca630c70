"""POST /api/agreements — open a deposit at a bank, exactly once (finpulse.agreements.service)."""

from typing import Annotated
from uuid import UUID

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Header

from finpulse.agreements.http import RULES, action_responses
from finpulse.agreements.requests import OpenRequest
from finpulse.agreements.service import open_deposit
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.banks.retry import deadline_of
from finpulse.payments.http import json_response

app = create_app()


@app.post(
    "/api/agreements",
    summary="Open a deposit, funded from your account at the same bank",
    description="The new agreement comes back with its (masked) account number, synced at once." + RULES,
    tags=["agreements"],
    status_code=201,
    responses=action_responses(),
)
def agreement_open(
    body: OpenRequest,
    idempotency_key: Annotated[UUID, Header(description="A new UUID per opening; the same one to retry")],
) -> Response[str]:
    user_id = current_caller(app).user_id
    status, view = open_deposit(user_id, body, str(idempotency_key), deadline_of(app.lambda_context))
    return json_response(status, view, {"Location": f"/api/agreement-actions/{view.action_id}"})


lambda_handler = lambda_entry(app)
