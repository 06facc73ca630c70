"""Every check before a bank is asked to open a deposit — shared by the quote (which shows every
check) and the opening (refused at the first failure, nothing sent to the bank).

Reads: the stored catalog and accounts, the bank identity, and at the bank, now: the product
consent (flags, types, `max_amount` and what was already opened under it) and the source
account's available balance. The interest is worked out by the product's terms
(finpulse.analytics.deposit_interest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from finpulse import clock
from finpulse.agreements import consent, eligibility
from finpulse.agreements.eligibility import ConsentTerms
from finpulse.agreements.requests import OpenRequest
from finpulse.analytics import deposit_interest
from finpulse.banks.retry import Deadline
from finpulse.consents.records import ConsentRecord
from finpulse.domain import Product, ProductKind
from finpulse.errors import FinPulseError
from finpulse.payments import bankside, checks, resolve
from finpulse.payments.checks import Checks
from finpulse.payments.records import Party

OPENABLE = frozenset({ProductKind.DEPOSIT})


@dataclass
class Prepared:
    checks: Checks = field(default_factory=Checks)
    product: Product | None = None
    source: Party | None = None
    amount: Decimal | None = None
    term_months: int | None = None
    opened_on: date | None = None
    maturity_date: date | None = None
    interest: Decimal | None = None
    available: Decimal | None = None
    customer_id: str | None = None
    record: ConsentRecord | None = None
    terms: ConsentTerms | None = None
    error: FinPulseError | None = None


def stored_product(bank_id: str, product_id: str) -> Product | None:
    from finpulse.data import catalog

    return next((p for p in catalog.products([bank_id]) if p.product_id == product_id), None)


def prepare(user_id: str, request: OpenRequest, deadline: Deadline, *, stop_early: bool) -> Prepared:
    p = Prepared()
    c = p.checks
    p.product = _product(request, c)
    held = resolve.holdings(user_id)
    p.source = resolve.debtor(held, request.source, c)
    if p.source is not None and p.source.bank_id != request.bank_id:
        c.fail(
            "source_bank",
            "ACCOUNT_AT_OTHER_BANK",
            "The source account must be at the product's bank",
            "body.source",
        )
        p.source = None
    p.amount = checks.amount(c, request.amount, "request")
    if p.product is not None:
        _terms(p, request)
        if p.source is not None:
            checks.currency(c, None, p.source.currency, p.product.currency)
    _identity(user_id, request.bank_id, p)
    if p.customer_id is not None and not (stop_early and not c.passed):
        _consent(user_id, request.bank_id, p, deadline)
    ready = p.customer_id is not None and p.source is not None and p.amount is not None
    if ready and not (stop_early and not c.passed):
        _available(user_id, p, deadline)
    return p


def _product(request: OpenRequest, c: Checks) -> Product | None:
    product = stored_product(request.bank_id, request.product_id)
    if product is None:
        c.fail("product", "PRODUCT_NOT_FOUND", "No such product in the bank's catalog", "body.product_id")
        return None
    if product.kind not in OPENABLE:
        c.fail(
            "product",
            "PRODUCT_KIND_NOT_SUPPORTED",
            f"Only deposits can be opened here, not {product.kind.value}s",
            "body.product_id",
        )
        return None
    c.ok("product", f"{product.name or product.product_id} at {product.bank_id}")
    return product


def _terms(p: Prepared, request: OpenRequest) -> None:
    product, c = p.product, p.checks
    assert product is not None
    if p.amount is not None:
        if product.min_amount is not None and p.amount < product.min_amount:
            c.fail(
                "product_limits",
                "AMOUNT_BELOW_MINIMUM",
                f"The product's minimum is {product.min_amount:.2f}",
                "body.amount",
            )
        elif product.max_amount is not None and p.amount > product.max_amount:
            c.fail(
                "product_limits",
                "AMOUNT_ABOVE_MAXIMUM",
                f"The product's maximum is {product.max_amount:.2f}",
                "body.amount",
            )
        else:
            c.ok("product_limits", "Within the product's minimum and maximum")
    term = request.term_months or product.term_months
    if term is None:
        c.fail(
            "term", "TERM_OUT_OF_RANGE", "The product states no term: give term_months", "body.term_months"
        )
        return
    if product.term_months is not None and term > product.term_months:
        c.fail(
            "term",
            "TERM_OUT_OF_RANGE",
            f"At most {product.term_months} months for this product",
            "body.term_months",
        )
        return
    c.ok("term", f"{term} months")
    p.term_months = term
    p.opened_on = clock.now().date()
    rate = product.best_rate_for_saver
    if p.amount is not None and rate is not None:
        p.maturity_date, p.interest = deposit_interest.at_maturity(p.amount, rate, p.opened_on, term)
    else:
        p.maturity_date = deposit_interest.add_months(p.opened_on, term)


def _identity(user_id: str, bank_id: str, p: Prepared) -> None:
    try:
        p.customer_id = bankside.payable(user_id, bank_id)
    except FinPulseError as exc:
        p.error = p.error or exc
        p.checks.fail("identity", exc.code, exc.message, "body.bank_id")
        return
    p.checks.ok("identity", f"Your identity is confirmed at {bank_id}")


def _consent(user_id: str, bank_id: str, p: Prepared, deadline: Deadline) -> None:
    p.record = consent.current(user_id, bank_id)
    record = p.record
    if record is not None:
        p.terms, error = bankside.asked(
            p.checks, "product_consent", "The product consent", lambda: consent.bank_terms(record, deadline)
        )
        if error is not None:
            p.error = p.error or error
            return
    kind = p.product.kind if p.product else ProductKind.DEPOSIT
    verdict = eligibility.to_open(p.terms, kind, p.amount)
    for missing in verdict.missing:
        field = "body.amount" if "AMOUNT" in missing.code else None
        p.checks.fail("product_consent", missing.code, missing.message, field)
    if verdict.allowed:
        room = p.terms.room if p.terms else None
        left = "no cap" if room is None else f"{room:.2f} may still be opened"
        p.checks.ok("product_consent", f"The product consent allows it ({left})")


def _available(user_id: str, p: Prepared, deadline: Deadline) -> None:
    source = p.source
    assert source is not None
    assert p.amount is not None
    p.available, error = bankside.asked(
        p.checks,
        "available_balance",
        "The source balance",
        lambda: bankside.available_now(user_id, source, deadline),
        "body.source",
    )
    if error is not None:
        p.error = p.error or error
        return
    checks.available(p.checks, p.amount, p.available)
