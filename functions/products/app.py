"""GET /api/products — every connected bank's catalog, filtered, sorted by rate, with what the
product consent allows (finpulse.agreements.catalog)."""

from decimal import Decimal
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.agreements.catalog import ProductFilter, ProductsPage, Sort, products
from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.domain import ProductKind
from finpulse.sync.api.params import BankParam, known_bank

app = create_app()


@app.get(
    "/api/products",
    summary="Every connected bank's products, and whether your product consent allows opening each",
    description=(
        "From the catalogs as last synced (no bank is asked). `amount` keeps products whose min/max "
        "admit it and is what the consent's max_amount is checked against (default: the product's "
        "minimum); `term_months` keeps products offered for that long. Sorted by rate, best first "
        "(lowest for loans and cards, highest otherwise) unless `sort` says otherwise. `missing` "
        "names what the product consent lacks; the quote also checks what the bank counted as "
        "already opened."
    ),
    tags=["agreements"],
    responses=openapi_error_responses(404),
)
def list_products(
    kind: Annotated[ProductKind | None, Query(alias="type")] = None,
    currency: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
    amount: Annotated[Decimal | None, Query(gt=0, le=100_000_000, max_digits=12, decimal_places=2)] = None,
    term_months: Annotated[int | None, Query(ge=1, le=600)] = None,
    bank_id: Annotated[BankParam, Query()] = None,
    sort: Annotated[Sort | None, Query()] = None,
) -> ProductsPage:
    f = ProductFilter(
        kind=kind,
        currency=currency,
        amount=amount,
        term_months=term_months,
        bank_id=known_bank(bank_id),
        sort=sort,
    )
    return products(current_caller(app).user_id, f)


lambda_handler = lambda_entry(app)
