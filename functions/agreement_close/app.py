"""POST /api/agreements/{agreement_id}/close — close a deposit, the money to an account you pick."""

from typing import Annotated
from uuid import UUID

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Header, Path

from finpulse.agreements.http import RULES, action_responses
from finpulse.agreements.requests import CloseRequest
from finpulse.agreements.service import close_deposit
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.banks.retry import deadline_of
from finpulse.payments.http import json_response
from finpulse.payments.requests import REF_PATTERN

app = create_app()


@app.post(
    "/api/agreements/<agreement_id>/close",
    summary="Close a deposit: its balance goes to your account at the same bank",
    description="Quote it first (`…/close/quote`): what comes back and the interest lost if early." + RULES,
    tags=["agreements"],
    status_code=201,
    responses=action_responses(),
)
def agreement_close(
    agreement_id: Annotated[str, Path(pattern=REF_PATTERN)],
    body: CloseRequest,
    idempotency_key: Annotated[UUID, Header(description="A new UUID per closing; the same one to retry")],
) -> Response[str]:
    user_id = current_caller(app).user_id
    deadline = deadline_of(app.lambda_context)
    status, view = close_deposit(user_id, agreement_id, body, str(idempotency_key), deadline)
    return json_response(status, view, {"Location": f"/api/agreement-actions/{view.action_id}"})


lambda_handler = lambda_entry(app)
