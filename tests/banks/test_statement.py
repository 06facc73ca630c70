"""`read_transactions` takes and refuses exactly the entries `TransactionItem` does, field for field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from finpulse.banks.models import TransactionItem
from finpulse.banks.statement import BankTransaction, read_transactions

VALID: dict[str, Any] = {
    "accountId": "acc-1",
    "transactionId": "tx-1",
    "amount": {"amount": "120.50", "currency": "RUB"},
    "creditDebitIndicator": "Debit",
    "bookingDateTime": "2026-11-20T09:00:00+03:00",
    "status": "completed",
    "merchant": {"name": "Zara", "mccCode": "5651"},
}
MISSING = object()


def _compare(entry: Any) -> None:
    try:
        expected: TransactionItem | None = TransactionItem.model_validate(entry)
    except ValidationError:
        expected = None
    if expected is None:
        with pytest.raises(ValidationError):
            read_transactions([entry])
        return
    (got,) = read_transactions([entry])
    assert got == BankTransaction(
        expected.transaction_id,
        expected.amount.amount,
        expected.amount.currency,
        expected.credit_debit,
        expected.booking_date_time,
        got.raw,
    )
    assert {k: v for k, v in got.raw.items() if k not in _DECLARED} == (expected.model_extra or {})


_DECLARED = ("transactionId", "amount", "creditDebitIndicator", "bookingDateTime")


JUNK: list[Any] = [None, True, 0, 7, 1.5, "", " ", "x", [], {}]
FIELD_VALUES: dict[str, list[Any]] = {
    "transactionId": [*JUNK, "tx-2", "ОПЕРАЦИЯ-1"],
    "amount": [
        *JUNK,
        *({"amount": v} for v in [*JUNK, "1.5", " 7 ", "1e3", "-0.01", 12.3, "NaN", "Infinity", "abc"]),
        *({"amount": "1", "currency": v} for v in [*JUNK, "EUR"]),
    ],
    "creditDebitIndicator": [*JUNK, "Credit", "debit"],
    "bookingDateTime": [
        *JUNK,
        *["2026-11-20T09:00:00Z", "2026-11-20T09:00:00.123456", "2026-11-20", "20261120", "nope"],
    ],
}


@pytest.mark.parametrize(
    ("name", "value"),
    [(n, v) for n, values in FIELD_VALUES.items() for v in [*values, MISSING]],
)
def test_each_field_is_judged_as_the_model_judges_it(name: str, value: Any) -> None:
    entry = {k: v for k, v in VALID.items() if k != name}
    if value is not MISSING:
        entry[name] = value
    _compare(entry)


@settings(max_examples=150, deadline=None)
@given(
    fields=st.fixed_dictionaries({}, optional={n: st.sampled_from(v) for n, v in FIELD_VALUES.items()}),
    snake=st.booleans(),
)
def test_any_mix_of_fields_and_spellings_is_judged_as_the_model_judges_it(
    fields: dict[str, Any], snake: bool
) -> None:
    spelled = dict(
        zip(_DECLARED, ("transaction_id", "amount", "credit_debit", "booking_date_time"), strict=True)
    )
    entry = {k: v for k, v in VALID.items() if k not in _DECLARED}
    entry.update({spelled[k] if snake else k: v for k, v in fields.items()})
    _compare(entry)


@pytest.mark.parametrize("entry", [VALID, [VALID], "tx", None, {**VALID, "transaction_id": "other"}])
def test_odd_shapes_are_judged_as_the_model_judges_them(entry: Any) -> None:
    _compare(entry)


def test_one_bad_entry_fails_the_page_with_the_models_error() -> None:
    bad = {**VALID, "transactionId": "tx-2", "amount": {"amount": "NaN"}}
    with pytest.raises(ValidationError) as raised:
        read_transactions([VALID, bad])
    assert raised.value.errors()[0]["loc"][:2] == (1, "amount")
