"""GET /api/payments — the caller's payments, newest first, filtered, in cursor pages."""

from datetime import date
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.errors import Unprocessable
from finpulse.payments.history import history
from finpulse.payments.records import PaymentKind, PaymentStatus
from finpulse.payments.store import PageFilter
from finpulse.payments.views import PaymentsPage
from finpulse.sync.api.params import BankParam, known_bank

app = create_app()


@app.get(
    "/api/payments",
    summary="Payment history: kind, status, bank and date filters; cursor pages",
    description="Newest first. `bank_id` matches the debtor's or the creditor's bank; dates are UTC days.",
    tags=["payments"],
    responses=openapi_error_responses(404),
)
def payments(
    kind: Annotated[PaymentKind | None, Query()] = None,
    status: Annotated[PaymentStatus | None, Query()] = None,
    bank_id: Annotated[BankParam, Query()] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
) -> PaymentsPage:
    if date_from and date_to and date_to < date_from:
        raise Unprocessable(
            "`to` is before `from`", details=[{"field": "query.to", "message": "before from"}]
        )
    f = PageFilter(
        kind=kind, status=status, bank_id=known_bank(bank_id), date_from=date_from, date_to=date_to
    )
    return history(current_caller(app).user_id, f, limit=limit, cursor=cursor)


lambda_handler = lambda_entry(app)
