"""`GET /api/products`: every connected bank's catalog as last synced (never a bank call), filtered
and sorted, each product saying whether the user's product consent at its bank lets FinPulse open
it — and if not, what is missing.

The consent is judged by its stored terms (what the user granted: open, types, `max_amount`); how
much was already opened under it only the bank knows, and the quote asks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.agreements import consent, eligibility
from finpulse.banks.registry import all_banks
from finpulse.domain import Product, ProductKind

Sort = Literal["rate_desc", "rate_asc"]


class MissingView(BaseModel):
    code: str = Field(
        description="OPEN_NOT_GRANTED, PRODUCT_TYPE_NOT_ALLOWED, CONSENT_MAX_AMOUNT_EXCEEDED, …"
    )
    message: str


class ProductView(BaseModel):
    bank_id: str
    bank_name: str
    product_id: str
    kind: ProductKind
    name: str
    description: str | None = None
    currency: str
    rate: Decimal | None = Field(description="Annual percent: the best for this product's user")
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    term_months: int | None = Field(default=None, description="Longest term offered")
    commission_amount: Decimal
    commission_percent: Decimal
    can_open: bool = Field(description="The product consent at this bank allows opening it")
    missing: list[MissingView] = Field(description="What the consent lacks (empty when can_open)")


class CatalogState(BaseModel):
    bank_id: str
    fetched_at: datetime | None = Field(description="When the bank's catalog was last synced")
    product_consent: bool = Field(description="An approved product consent exists at this bank")


class ProductsPage(BaseModel):
    products: list[ProductView]
    catalogs: list[CatalogState]


@dataclass(frozen=True)
class ProductFilter:
    kind: ProductKind | None = None
    currency: str | None = None
    amount: Decimal | None = None
    term_months: int | None = None
    bank_id: str | None = None
    sort: Sort | None = None


def _rate(p: Product) -> Decimal | None:
    return (
        p.best_rate_for_borrower
        if p.kind in (ProductKind.LOAN, ProductKind.CREDIT_CARD)
        else p.best_rate_for_saver
    )


def _matches(p: Product, f: ProductFilter) -> bool:
    if f.kind is not None and p.kind is not f.kind:
        return False
    if f.currency is not None and p.currency != f.currency:
        return False
    if f.amount is not None and (
        (p.min_amount is not None and f.amount < p.min_amount)
        or (p.max_amount is not None and f.amount > p.max_amount)
    ):
        return False
    return not (f.term_months is not None and p.term_months is not None and f.term_months > p.term_months)


def default_sort(kind: ProductKind | None) -> Sort:
    """Best first: the lowest rate for what one borrows, the highest for what one saves."""
    return "rate_asc" if kind in (ProductKind.LOAN, ProductKind.CREDIT_CARD) else "rate_desc"


def products(user_id: str, f: ProductFilter) -> ProductsPage:
    from finpulse.data import catalog
    from finpulse.sync.pipeline.connection import connections

    names = {b.bank_id: b.name for b in all_banks()}
    banks = [c.bank_id for c in connections(user_id) if f.bank_id in (None, c.bank_id)]
    terms = {b: consent.stored_terms(consent.current(user_id, b)) for b in banks}
    out: list[ProductView] = []
    for p in catalog.products(banks):
        if not _matches(p, f):
            continue
        verdict = eligibility.to_open(terms[p.bank_id], p.kind, f.amount or p.min_amount)
        out.append(
            ProductView(
                bank_id=p.bank_id,
                bank_name=names.get(p.bank_id, p.bank_id),
                product_id=p.product_id,
                kind=p.kind,
                name=p.name,
                description=p.description,
                currency=p.currency,
                rate=_rate(p),
                min_amount=p.min_amount,
                max_amount=p.max_amount,
                term_months=p.term_months,
                commission_amount=p.commission_amount,
                commission_percent=p.commission_percent,
                can_open=verdict.allowed,
                missing=[MissingView(code=m.code, message=m.message) for m in verdict.missing],
            )
        )
    order = f.sort or default_sort(f.kind)
    out.sort(key=lambda v: _view_key(order, v))
    states = [
        CatalogState(bank_id=b, fetched_at=catalog.fetched_at(b), product_consent=terms[b] is not None)
        for b in banks
    ]
    return ProductsPage(products=out, catalogs=states)


def _view_key(sort: Sort, v: ProductView) -> tuple[int, Decimal, str, str]:
    missing = 1 if v.rate is None else 0
    value = Decimal(0) if v.rate is None else (v.rate if sort == "rate_asc" else -v.rate)
    return missing, value, v.bank_id, v.product_id
