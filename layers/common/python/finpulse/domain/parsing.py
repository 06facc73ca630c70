"""Minimal mapping of the sandbox banks' JSON (see sandbox-api/samples/) into domain models.

Only the shapes recorded from the sandbox are handled; the sync pipeline owns the full mapping
(paging, status words, error envelopes). Kept here because fixtures and tests build realistic
inputs from recorded responses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from finpulse.domain.accounts import Account, AccountKind, Balance, BalanceType
from finpulse.domain.agreements import Agreement, AgreementKind
from finpulse.domain.products import Product, ProductKind
from finpulse.domain.transactions import Transaction, TransactionStatus

_ACCOUNT_KINDS = {
    "checking": AccountKind.CURRENT,
    "currentaccount": AccountKind.CURRENT,
    "current": AccountKind.CURRENT,
    "card": AccountKind.DEBIT_CARD,
    "debitcard": AccountKind.DEBIT_CARD,
    "savings": AccountKind.SAVINGS,
    "creditcard": AccountKind.CREDIT_CARD,
    "loan": AccountKind.LOAN,
    "deposit": AccountKind.DEPOSIT,
}
_PRODUCT_KINDS = {
    "loan": ProductKind.LOAN,
    "deposit": ProductKind.DEPOSIT,
    "credit_card": ProductKind.CREDIT_CARD,
    "account": ProductKind.ACCOUNT,
}


def _decimal(value: Any) -> Decimal | None:
    # Agreements send JSON floats; str() keeps the digits the bank printed (8003420.31).
    return None if value is None else Decimal(str(value))


def _date(value: Any) -> date | None:
    return None if not value else datetime.fromisoformat(str(value)).date()


def _aware(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def account(bank_id: str, raw: dict[str, Any]) -> Account:
    sub_type = str(raw.get("accountSubType") or "")
    numbers = raw.get("account") or []
    return Account(
        bank_id=bank_id,
        account_id=raw["accountId"],
        kind=_ACCOUNT_KINDS.get(sub_type.lower(), AccountKind.OTHER),
        currency=raw.get("currency") or "RUB",
        enabled=str(raw.get("status", "")).lower() == "enabled",
        status=str(raw.get("status", "")),
        nickname=raw.get("nickname"),
        account_type=raw.get("accountType"),
        sub_type=sub_type or None,
        number=numbers[0].get("identification") if numbers else None,
    )


def balance(bank_id: str, raw: dict[str, Any]) -> Balance:
    amount = Decimal(raw["amount"]["amount"])
    if raw.get("creditDebitIndicator") == "Debit":
        amount = -amount
    return Balance(
        bank_id=bank_id,
        account_id=raw["accountId"],
        type=BalanceType(raw["type"]),
        amount=amount,
        currency=raw["amount"]["currency"],
        at=_aware(raw["dateTime"]),
    )


def transaction(bank_id: str, raw: dict[str, Any]) -> Transaction:
    amount = Decimal(raw["amount"]["amount"])
    if raw.get("creditDebitIndicator") == "Debit":
        amount = -amount
    merchant = raw.get("merchant") or {}
    counterparty = raw.get("counterparty") or {}
    status = str(raw.get("status", "")).lower()
    value_dt = raw.get("valueDateTime")
    return Transaction(
        bank_id=bank_id,
        account_id=raw["accountId"],
        transaction_id=raw["transactionId"],
        booked_at=_aware(raw["bookingDateTime"]),
        value_date=_aware(value_dt).date() if value_dt else None,
        amount=amount,
        currency=raw["amount"]["currency"],
        status=TransactionStatus.PENDING if status == "pending" else TransactionStatus.BOOKED,
        description=raw.get("transactionInformation") or "",
        merchant_name=merchant.get("name"),
        merchant_id=merchant.get("merchantId"),
        mcc=merchant.get("mccCode"),
        bank_category=merchant.get("category"),
        counterparty_name=counterparty.get("name"),
        bank_transaction_code=(raw.get("bankTransactionCode") or {}).get("code"),
        card_masked=(raw.get("card") or {}).get("cardNumber"),
    )


def agreement(bank_id: str, raw: dict[str, Any]) -> Agreement:
    """From the detail call (`GET /product-agreements/{id}`), which alone carries the rate.

    Sandbox `account_balance` is the balance of the linked current account, not of the product,
    so it is deliberately not used. For a card `amount` is its limit, never debt."""
    product_type = str(raw.get("product_type") or "")
    product_id = str(raw.get("product_id") or "")
    amount = _decimal(raw.get("amount"))
    kind = {
        "loan": AgreementKind.LOAN,
        "deposit": AgreementKind.DEPOSIT,
    }.get(product_type)
    if kind is None and product_type == "card":
        kind = AgreementKind.CREDIT_CARD if "cred" in product_id else AgreementKind.DEBIT_CARD
    kind = kind or AgreementKind.OTHER
    is_card = kind in (AgreementKind.CREDIT_CARD, AgreementKind.DEBIT_CARD)
    return Agreement(
        bank_id=bank_id,
        agreement_id=raw["agreement_id"],
        kind=kind,
        product_id=product_id or None,
        product_name=raw.get("product_name") or "",
        product_type=product_type or None,
        status=str(raw.get("status") or "active"),
        active=str(raw.get("status") or "active").lower() == "active",
        principal=None if is_card else amount,
        # `amount` is the sum lent or deposited; only an explicit `outstanding` is what is owed.
        outstanding=None if is_card else _decimal(raw.get("outstanding")),
        account_balance=_decimal(raw.get("account_balance")),
        interest_rate=_decimal(raw.get("interest_rate")),
        start_date=_date(raw.get("start_date")),
        maturity_date=_date(raw.get("end_date")),
        credit_limit=amount if kind is AgreementKind.CREDIT_CARD else None,
        account_number=raw.get("account_number"),
    )


def product(bank_id: str, raw: dict[str, Any]) -> Product:
    rate = _decimal(raw.get("interestRate"))
    return Product(
        bank_id=bank_id,
        product_id=raw["productId"],
        kind=_PRODUCT_KINDS.get(str(raw.get("productType")), ProductKind.OTHER),
        name=raw.get("productName") or "",
        description=raw.get("description"),
        rate_min=rate,
        rate_max=rate,
        min_amount=_decimal(raw.get("minAmount")),
        max_amount=_decimal(raw.get("maxAmount")),
        term_months=raw.get("termMonths"),
    )
