"""What the payment handlers share: the documented answers, and the one POST route of each kind."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Header
from pydantic import BaseModel

from finpulse.api import current_caller
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.payments import service
from finpulse.payments.records import PaymentKind
from finpulse.payments.requests import PaymentRequest
from finpulse.payments.views import PaymentView

_WHAT: dict[str, tuple[str, str]] = {
    "mdp": (
        "Pay a loan's mandatory payment (or a card's minimum)",
        "From one of your current or savings accounts to the loan's (card's) own account. Without an "
        "amount: the loan's next instalment, never more than is owed.",
    ),
    "adp": (
        "Pay extra off a loan or card",
        "Without a target or amount: the dashboard's ADP (its target and amount). Never more than is owed.",
    ),
    "sdp": (
        "Top up a deposit or savings account",
        "Without an amount: the dashboard's SDP.",
    ),
}
_RULES = (
    " Every check runs before any bank is asked to pay, each failure with its own code (see the quote). "
    "By default the payment goes under a single-use consent made for exactly it. 201: sent (`pending` or "
    "`completed`, or `rejected`/`failed` by the bank); 202: `awaiting_approval` (approve at `approval_url`) "
    "or `unknown` (the bank did not answer; FinPulse reconciles, never resends). The same Idempotency-Key "
    "with the same body returns the same payment; with another body 422 `IDEMPOTENCY_KEY_REUSED`; while "
    "the first request runs, 409 `IDEMPOTENCY_IN_PROGRESS`. Keys are kept 30 days."
)


def documented(
    model: type[BaseModel], *codes: int, description: str = "Successful response"
) -> dict[int, Any]:
    return {
        code: {"description": description, "content": {content_types.APPLICATION_JSON: {"model": model}}}
        for code in codes
    }


def json_response(status: int, model: BaseModel, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=model.model_dump_json(),
        headers={"Cache-Control": "private, no-store", **(headers or {})},
    )


def register_pay_route(app: APIGatewayHttpResolver, kind: PaymentKind) -> None:
    summary, description = _WHAT[kind]

    @app.post(
        f"/api/payments/{kind}",
        summary=summary,
        description=description + _RULES,
        tags=["payments"],
        status_code=201,
        responses={
            **documented(PaymentView, 201, description="The payment, sent to the bank"),
            **documented(PaymentView, 202, description="Accepted: awaiting approval, or outcome unknown"),
            **openapi_error_responses(404, 409, 503),
        },
    )
    def pay(
        body: PaymentRequest,
        idempotency_key: Annotated[UUID, Header(description="A new UUID per payment; the same one to retry")],
    ) -> Response[str]:
        user_id = current_caller(app).user_id
        status, view = service.pay(user_id, kind, body, str(idempotency_key), deadline_of(app.lambda_context))
        return json_response(status, view, {"Location": f"/api/payments/{view.payment_id}"})
