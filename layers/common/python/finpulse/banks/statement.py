"""A statement page's transactions, validated once per page at the speed a first sync needs.

`TransactionItem` (`finpulse.banks.models`) declares what a bank's transaction entry must be: an id,
an amount with a decimal value, a credit/debit indicator and a booking time. A first sync checks
that for tens of thousands of entries, and building a model per entry (with an extra-fields dict
and a nested amount model) was a third of its CPU. `read_transactions` applies the same rules
straight to the parsed JSON and keeps each entry as sent, for the sync's mapping. Entries it is
not sure of — a rule broken, or a spelling it does not take the short way (`transaction_id`
instead of `transactionId`) — go through `TransactionItem` itself, so what is refused, and the
error that says why, are exactly the model's (tests/banks/test_statement.py compares the two on
generated entries).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from finpulse.banks.models import TransactionItem, parse_decimal, parse_time

_ENTRIES = TypeAdapter(list[TransactionItem])
# The model also takes its fields by these names; entries that use them take the model's way.
_FIELD_NAMES = ("transaction_id", "credit_debit", "booking_date_time")


@dataclass(frozen=True, slots=True)
class BankTransaction:
    """One valid entry of a statement page: the required fields parsed, and the entry as sent."""

    transaction_id: str
    amount: Decimal
    currency: str
    credit_debit: str
    booked_at: datetime
    raw: dict[str, Any]
    """The entry's other fields (`merchant`, `status`, `valueDateTime`, …) for the mapping."""
    booked_raw: Any = field(default=None, compare=False)
    """The booking time as sent (a value time sent the same need not be parsed again)."""


def read_transactions(entries: list[Any]) -> list[BankTransaction]:
    """Every entry of a page, or `ValidationError` (as `TransactionItem` raises it) for the page."""
    read = [_quick(entry) for entry in entries]
    if all(r is not None for r in read):
        return read  # type: ignore[return-value]
    models = _ENTRIES.validate_python(entries)  # raises for the entry that breaks a rule
    return [r if r is not None else _of_model(m) for r, m in zip(read, models, strict=True)]


def _quick(entry: Any) -> BankTransaction | None:
    """The entry, when it plainly follows `TransactionItem`'s rules; None when the model must judge."""
    if type(entry) is not dict or not entry.keys().isdisjoint(_FIELD_NAMES):
        return None
    tx_id, amount = entry.get("transactionId"), entry.get("amount")
    indicator, booking = entry.get("creditDebitIndicator"), entry.get("bookingDateTime")
    if type(tx_id) is not str or not tx_id or type(indicator) is not str or type(amount) is not dict:
        return None
    currency = amount.get("currency", "RUB")
    if type(currency) is not str:
        return None
    try:
        value = parse_decimal(amount.get("amount"))
        booked_at = parse_time(booking)
    except (ValueError, TypeError):
        return None
    if booked_at is None:
        return None
    return BankTransaction(tx_id, value, currency, indicator, booked_at, entry, booking)


def _of_model(item: TransactionItem) -> BankTransaction:
    return BankTransaction(
        item.transaction_id,
        item.amount.amount,
        item.amount.currency,
        item.credit_debit,
        item.booking_date_time,
        item.model_extra or {},
    )
