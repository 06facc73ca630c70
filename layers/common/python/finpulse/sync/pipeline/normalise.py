"""Bank answers (the bank client's models, or raw JSON where the client returns none) → domain objects.

What the mapping settles once, so nothing downstream guesses:
- amounts are Decimal, signed by `creditDebitIndicator` (debit negative), in any case or spelling;
- timestamps are aware UTC (a naive bank time is taken as UTC, as the client does);
- status words in any case: `pending`/`authorised`/`hold` are pending, everything else booked;
- the two balance types are kept apart; other balance types are not stored;
- optional fields a bank fills with junk (a 3-digit MCC) are dropped, not fatal: one odd
  transaction must not fail a whole page.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from finpulse.banks.models import AccountItem, AgreementItem, BalanceItem, parse_decimal, parse_time
from finpulse.banks.statement import BankTransaction
from finpulse.domain import (
    Account,
    AccountKind,
    Agreement,
    AgreementKind,
    Balance,
    BalanceType,
    Product,
    ProductKind,
    Transaction,
    TransactionStatus,
)
from finpulse.domain.cards import Card
from finpulse.domain.masking import mask_account_number

_ACCOUNT_KINDS = {
    "checking": AccountKind.CURRENT,
    "current": AccountKind.CURRENT,
    "currentaccount": AccountKind.CURRENT,
    "card": AccountKind.DEBIT_CARD,
    "debitcard": AccountKind.DEBIT_CARD,
    "savings": AccountKind.SAVINGS,
    "creditcard": AccountKind.CREDIT_CARD,
    "credit_card": AccountKind.CREDIT_CARD,
    "loan": AccountKind.LOAN,
    "deposit": AccountKind.DEPOSIT,
}
_BALANCE_TYPES = {
    "interimavailable": BalanceType.INTERIM_AVAILABLE,
    "interimbooked": BalanceType.INTERIM_BOOKED,
}
_PENDING_WORDS = frozenset({"pending", "authorised", "authorized", "hold", "onhold", "processing"})
_PRODUCT_KINDS = {
    "loan": ProductKind.LOAN,
    "credit": ProductKind.LOAN,
    "deposit": ProductKind.DEPOSIT,
    "credit_card": ProductKind.CREDIT_CARD,
    "creditcard": ProductKind.CREDIT_CARD,
    "debit_card": ProductKind.DEBIT_CARD,
    "card": ProductKind.DEBIT_CARD,
    "account": ProductKind.ACCOUNT,
}


_NOT_WORD = re.compile(r"[^0-9a-z_]")
_TRANSACTIONS = TypeAdapter(list[Transaction])
_TRANSACTION = TypeAdapter(Transaction)
# An overdue loan is the most alive debt there is: its status must not make it vanish from debt.
_LIVE_AGREEMENT_WORDS = frozenset(
    {"active", "open", "enabled", "overdue", "pastdue", "past_due", "delinquent", "inarrears"}
)


def _word(value: Any) -> str:
    """`Interim-Available ` → `interimavailable`: status and type words compared by letters only."""
    return _NOT_WORD.sub("", str(value or "").lower())


def signed(amount: Decimal, indicator: Any) -> Decimal:
    return -amount if _is_debit(indicator) else amount


def _text(value: Any, limit: int = 500) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text[:limit] or None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _decimal_or_none(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return parse_decimal(value)
    except ValueError:
        return None


def account(bank_id: str, item: AccountItem) -> Account:
    extra = item.model_extra or {}
    sub_type = _text(extra.get("accountSubType") or extra.get("account_sub_type"))
    numbers = extra.get("account") or []
    number = None
    if isinstance(numbers, list) and numbers and isinstance(numbers[0], dict):
        number = _text(numbers[0].get("identification"), 64)
    status = item.status or "Enabled"
    return Account(
        bank_id=bank_id,
        account_id=item.account_id,
        kind=_ACCOUNT_KINDS.get(_word(sub_type), AccountKind.OTHER),
        currency=(item.currency or "RUB")[:3],
        enabled=_word(status) in ("enabled", "active", "open"),
        status=status,
        nickname=_text(extra.get("nickname"), 200),
        account_type=_text(extra.get("accountType") or extra.get("account_type"), 64),
        sub_type=sub_type,
        number=number,
    )


def balance(bank_id: str, item: BalanceItem) -> Balance | None:
    """None for balance types other than the two FinPulse uses (they would be double counting)."""
    kind = _BALANCE_TYPES.get(_word(item.type).replace("_", ""))
    if kind is None:
        return None
    extra = item.model_extra or {}
    at = parse_time(extra.get("dateTime") or extra.get("date_time")) or datetime.now(UTC)
    return Balance(
        bank_id=bank_id,
        account_id=item.account_id,
        type=kind,
        amount=signed(item.amount.amount, item.credit_debit),
        currency=item.amount.currency[:3],
        at=at,
    )


def _mcc(value: Any) -> str | None:
    text = str(value or "").strip()
    return text if len(text) == 4 and text.isdigit() else None


def transactions(
    bank_id: str, account_id: str, items: list[BankTransaction]
) -> tuple[list[Transaction], int]:
    """A page's transactions and how many of its entries the domain refused (one odd transaction
    must not fail a whole page: it is skipped and counted). The page is validated in one call."""
    fields = [_transaction_fields(bank_id, account_id, item) for item in items]
    try:
        return _TRANSACTIONS.validate_python(fields), 0
    except ValidationError:  # rare: find the entries refused, keep the others
        kept: list[Transaction] = []
        for one in fields:
            with contextlib.suppress(ValidationError):
                kept.append(_TRANSACTION.validate_python(one))
        return kept, len(fields) - len(kept)


def transaction(bank_id: str, account_id: str, item: BankTransaction) -> Transaction:
    """One entry (`ValidationError` when the domain refuses it)."""
    transaction: Transaction = _TRANSACTION.validate_python(_transaction_fields(bank_id, account_id, item))
    return transaction


def _transaction_fields(bank_id: str, account_id: str, item: BankTransaction) -> dict[str, Any]:
    raw = item.raw
    merchant = _dict(raw.get("merchant"))
    counterparty = raw.get("counterparty")
    if isinstance(counterparty, dict):
        counterparty_name = _text(counterparty.get("name"), 200)
    else:
        counterparty_name = _text(counterparty, 200)
    value_raw = raw.get("valueDateTime") or raw.get("value_date_time")
    # Most banks stamp the value time with the booking time: parsed once already.
    same = value_raw is not None and value_raw == item.booked_raw
    value_dt = item.booked_at if same else _safe_time(value_raw)
    return {
        "bank_id": bank_id,
        "account_id": str(raw.get("accountId") or account_id),
        "transaction_id": item.transaction_id,
        "booked_at": item.booked_at,
        "value_date": value_dt.date() if value_dt else None,
        "amount": signed(item.amount, item.credit_debit),
        "currency": item.currency[:3],
        "status": TransactionStatus.PENDING if _is_pending(raw.get("status")) else TransactionStatus.BOOKED,
        "description": _text(raw.get("transactionInformation") or raw.get("description")) or "",
        "merchant_name": _text(merchant.get("name"), 200),
        "merchant_id": _text(merchant.get("merchantId") or merchant.get("merchant_id"), 100),
        "mcc": _mcc(merchant.get("mccCode") or merchant.get("mcc")),
        "bank_category": _text(merchant.get("category"), 64),
        "counterparty_name": counterparty_name,
        "bank_transaction_code": _text(_dict(raw.get("bankTransactionCode")).get("code"), 32),
        "card_masked": _masked_card(raw.get("card")),
    }


# A statement repeats a handful of status words, indicators and card numbers tens of thousands of
# times: each is judged once per process (string keys only, and only the first few hundred seen).
_MEMO_LIMIT = 512


def _memo[T](memo: dict[str, T], value: Any, judge: Callable[[Any], T]) -> T:
    if type(value) is not str:
        return judge(value)
    if value in memo:
        return memo[value]
    known = judge(value)
    if len(memo) < _MEMO_LIMIT:
        memo[value] = known
    return known


_DEBIT: dict[str, bool] = {}
_PENDING: dict[str, bool] = {}
_CARDS: dict[str, str | None] = {}


def _is_debit(indicator: Any) -> bool:
    return _memo(_DEBIT, indicator, lambda v: _word(v).startswith("d"))


def _is_pending(status: Any) -> bool:
    return _memo(_PENDING, status, lambda v: _word(v) in _PENDING_WORDS)


def _masked_card(card: Any) -> str | None:
    number = _dict(card).get("cardNumber")
    return _memo(_CARDS, number, lambda v: mask_account_number(_text(v, 32)))


def _safe_time(value: Any) -> datetime | None:
    try:
        return parse_time(value)
    except (TypeError, ValueError):
        return None


def _agreement_kind(product_type: str, product_id: str) -> AgreementKind:
    word = _word(product_type)
    if word in ("loan", "credit", "mortgage"):
        return AgreementKind.LOAN
    if word == "deposit":
        return AgreementKind.DEPOSIT
    if word in ("credit_card", "creditcard"):
        return AgreementKind.CREDIT_CARD
    if word in ("debit_card", "debitcard"):
        return AgreementKind.DEBIT_CARD
    if word == "card":
        return AgreementKind.CREDIT_CARD if "cred" in product_id.lower() else AgreementKind.DEBIT_CARD
    return AgreementKind.OTHER


def agreement(bank_id: str, listed: AgreementItem, detail: dict[str, Any] | None) -> Agreement:
    """From the list entry merged with its detail (`GET /product-agreements/{id}`), which alone
    carries the interest rate. A card's `amount` is its limit, never debt; a loan's or deposit's
    `amount` is the sum first lent or deposited (`principal`) — `outstanding` is only what the bank
    states as such. `account_balance` is kept as sent: at the public sandbox it is the linked
    current account's balance, not the product's, and the engine only cross-checks with it."""
    raw: dict[str, Any] = {**listed.model_dump(), **(listed.model_extra or {}), **(detail or {})}
    product_type = str(raw.get("product_type") or "")
    product_id = str(raw.get("product_id") or "")
    kind = _agreement_kind(product_type, product_id)
    amount = _decimal_or_none(raw.get("amount"))
    if amount is not None and amount < 0:
        amount = -amount
    is_card = kind in (AgreementKind.CREDIT_CARD, AgreementKind.DEBIT_CARD)
    status = str(raw.get("status") or "active")
    start, end = _date(raw.get("start_date")), _date(raw.get("end_date"))
    rate = _decimal_or_none(raw.get("interest_rate"))
    return Agreement(
        bank_id=bank_id,
        agreement_id=listed.agreement_id,
        kind=kind,
        product_id=product_id or None,
        product_name=str(raw.get("product_name") or "")[:200],
        product_type=product_type or None,
        status=status,
        active=_word(status) in _LIVE_AGREEMENT_WORDS,
        principal=None if is_card else amount,
        outstanding=None if is_card else _owed(raw),
        account_balance=_decimal_or_none(raw.get("account_balance")),
        interest_rate=rate if rate is not None and 0 <= rate <= 1000 else None,
        start_date=start,
        maturity_date=end if not (start and end and end < start) else None,
        credit_limit=amount if kind is AgreementKind.CREDIT_CARD else None,
        account_number=_text(raw.get("account_number"), 64),
    )


def _owed(raw: dict[str, Any]) -> Decimal | None:
    """What the bank states is still owed (or, for a deposit, held), under the names seen."""
    for name in ("outstanding", "outstanding_amount", "outstandingAmount", "remaining_amount"):
        value = _decimal_or_none(raw.get(name))
        if value is not None:
            return abs(value)
    return None


def product(bank_id: str, raw: dict[str, Any]) -> Product:
    rate = _decimal_or_none(raw.get("interestRate") or raw.get("interest_rate"))
    low, high = _decimal_or_none(raw.get("minAmount")), _decimal_or_none(raw.get("maxAmount"))
    term = raw.get("termMonths")
    return Product(
        bank_id=bank_id,
        product_id=str(raw.get("productId") or raw.get("product_id")),
        kind=_PRODUCT_KINDS.get(_word(raw.get("productType") or raw.get("product_type")), ProductKind.OTHER),
        name=str(raw.get("productName") or raw.get("product_name") or "")[:200],
        description=_text(raw.get("description")),
        rate_min=rate,
        rate_max=rate,
        min_amount=low if low is not None and low >= 0 else None,
        max_amount=high if high is not None and high >= 0 and (low is None or high >= low) else None,
        term_months=term if isinstance(term, int) and 1 <= term <= 600 else None,
    )


def card(bank_id: str, raw: dict[str, Any], account_id: str | None = None) -> Card:
    """`account_id` is resolved by the caller from the card's full `accountNumber`, which is
    deliberately not stored on the card."""
    month, year = raw.get("expiryMonth"), raw.get("expiryYear")
    return Card(
        bank_id=bank_id,
        card_id=str(raw.get("cardId") or raw.get("card_id")),
        account_id=_text(raw.get("accountId")) or account_id,
        masked_number=mask_account_number(_text(raw.get("cardNumber"), 32)),
        card_type=_text(raw.get("cardType"), 32),
        name=str(raw.get("cardName") or "")[:200],
        status=str(raw.get("status") or "active")[:32],
        expiry_month=month if isinstance(month, int) and 1 <= month <= 12 else None,
        expiry_year=year if isinstance(year, int) and 2000 <= year <= 2200 else None,
        daily_limit=_decimal_or_none(raw.get("dailyLimit")),
        monthly_limit=_decimal_or_none(raw.get("monthlyLimit")),
    )
