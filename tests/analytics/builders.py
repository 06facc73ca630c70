"""Terse constructors for analytics test data. Times default to 09:00 UTC = 12:00 Moscow, so a
transaction's local date is the date written in the test."""

from __future__ import annotations

import zlib
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from finpulse.domain import (
    Account,
    AccountKind,
    Agreement,
    AgreementKind,
    Balance,
    BalanceType,
    ConsentExpiry,
    Instalment,
    Product,
    ProductKind,
    Transaction,
)

TODAY = date(2025, 11, 21)


def D(value: str | int) -> Decimal:  # noqa: N802 - reads like a literal in expected values
    return Decimal(str(value))


def day(iso: str) -> date:
    return date.fromisoformat(iso)


def account(bank: str, account_id: str, kind: AccountKind = AccountKind.CURRENT, **kw: Any) -> Account:
    kw.setdefault("currency", "RUB")
    kw.setdefault("number", f"40817810{zlib.crc32(f'{bank}/{account_id}'.encode()):011d}")
    return Account(bank_id=bank, account_id=account_id, kind=kind, **kw)


def balance(
    bank: str, account_id: str, amount: str, kind: BalanceType = BalanceType.INTERIM_AVAILABLE, **kw: Any
) -> Balance:
    kw.setdefault("currency", "RUB")
    kw.setdefault("at", datetime(2025, 11, 21, 8, tzinfo=UTC))
    return Balance(bank_id=bank, account_id=account_id, type=kind, amount=D(amount), **kw)


def tx(
    bank: str,
    account_id: str,
    tx_id: str,
    when: str,
    amount: str,
    description: str = "",
    *,
    hour: int = 9,
    **kw: Any,
) -> Transaction:
    moment = datetime.fromisoformat(when).replace(hour=hour, tzinfo=UTC)
    kw.setdefault("currency", "RUB")
    return Transaction(
        bank_id=bank,
        account_id=account_id,
        transaction_id=tx_id,
        booked_at=moment,
        amount=D(amount),
        description=description,
        **kw,
    )


def loan(bank: str, agreement_id: str, outstanding: str, rate: str | None, **kw: Any) -> Agreement:
    schedule = kw.pop("schedule", ())
    return Agreement(
        bank_id=bank,
        agreement_id=agreement_id,
        kind=AgreementKind.LOAN,
        outstanding=D(outstanding),
        interest_rate=None if rate is None else D(rate),
        schedule=tuple(Instalment(due_date=day(d), amount=D(a), paid=p) for d, a, p in schedule),
        **kw,
    )


def card(bank: str, agreement_id: str, limit: str, **kw: Any) -> Agreement:
    return Agreement(
        bank_id=bank, agreement_id=agreement_id, kind=AgreementKind.CREDIT_CARD, credit_limit=D(limit), **kw
    )


def deposit(bank: str, agreement_id: str, amount: str, rate: str, **kw: Any) -> Agreement:
    return Agreement(
        bank_id=bank,
        agreement_id=agreement_id,
        kind=AgreementKind.DEPOSIT,
        outstanding=D(amount),
        interest_rate=D(rate),
        **kw,
    )


def loan_product(bank: str, product_id: str, rate: str, **kw: Any) -> Product:
    return Product(
        bank_id=bank, product_id=product_id, kind=ProductKind.LOAN, rate_min=D(rate), rate_max=D(rate), **kw
    )


def deposit_product(bank: str, product_id: str, rate: str, **kw: Any) -> Product:
    return Product(
        bank_id=bank,
        product_id=product_id,
        kind=ProductKind.DEPOSIT,
        rate_min=D(rate),
        rate_max=D(rate),
        **kw,
    )


def consent(bank: str, kind: str, expires: str) -> ConsentExpiry:
    return ConsentExpiry(bank_id=bank, kind=kind, expires_at=datetime.fromisoformat(expires))


def monthly(
    bank: str,
    account_id: str,
    prefix: str,
    months: list[str],
    dom: int,
    amount: str,
    description: str,
    **kw: Any,
) -> list[Transaction]:
    """One transaction per month (`months` as `YYYY-MM`) on day-of-month `dom`."""
    return [
        tx(bank, account_id, f"{prefix}-{m}", f"{m}-{dom:02d}", amount, description, **kw) for m in months
    ]
