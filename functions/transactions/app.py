"""GET /api/transactions — filtered, newest first, paginated with a cursor."""

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.api.params import QueryDate
from finpulse.errors import Unprocessable
from finpulse.sync.api import filters, reads
from finpulse.sync.api.models import TRANSACTION_CATEGORIES, TransactionsResponse, TransactionView
from finpulse.sync.api.params import BankParam, known_bank

app = create_app()


@app.get(
    "/api/transactions",
    summary="Transactions: bank, account, date range, direction, text, category/MCC; cursor pages",
    tags=["data"],
    responses=openapi_error_responses(404),
)
def transactions(
    bank_id: Annotated[BankParam, Query()] = None,
    account_id: Annotated[str | None, Query(min_length=1, max_length=128)] = None,
    date_from: Annotated[QueryDate | None, Query(alias="from")] = None,
    date_to: Annotated[QueryDate | None, Query(alias="to")] = None,
    direction: Annotated[Literal["in", "out"] | None, Query()] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    category: Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[a-z_]+$")] = None,
    mcc: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(min_length=1, max_length=1000)] = None,
) -> TransactionsResponse:
    if date_from and date_to and date_to < date_from:
        raise Unprocessable(
            "`to` is before `from`", details=[{"field": "query.to", "message": "before from"}]
        )
    user_id = current_caller(app).user_id
    bank = known_bank(bank_id)
    found, next_cursor = filters.find(
        user_id,
        filters.TxFilter(bank, account_id, date_from, date_to, direction, q, category, mcc),
        limit=limit,
        cursor=cursor,
    )
    return TransactionsResponse(
        transactions=[TransactionView.of(t) for t in found],
        next_cursor=next_cursor,
        freshness=reads.freshness_of(user_id, bank),
        categories=TRANSACTION_CATEGORIES,
    )


lambda_handler = lambda_entry(app)
