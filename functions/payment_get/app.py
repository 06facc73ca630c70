"""GET /api/payments/{payment_id} — one payment, followed up at the bank until it is final."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.banks.retry import deadline_of
from finpulse.payments.ids import PAYMENT_ID_PATTERN
from finpulse.payments.service import get_payment
from finpulse.payments.views import PaymentView

app = create_app()


@app.get(
    "/api/payments/<payment_id>",
    summary="One payment: status, status history, debtor and creditor (masked), the bank's payment id",
    description=(
        "While the payment is not final, the bank is asked about it (at most every few seconds): an "
        "approved consent sends an awaiting payment, a pending one settles, an unknown one is reconciled."
    ),
    tags=["payments"],
    responses=openapi_error_responses(404),
)
def payment(payment_id: Annotated[str, Path(pattern=PAYMENT_ID_PATTERN)]) -> PaymentView:
    return get_payment(current_caller(app).user_id, payment_id, deadline_of(app.lambda_context))


lambda_handler = lambda_entry(app)
