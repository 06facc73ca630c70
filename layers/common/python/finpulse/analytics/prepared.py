"""The single pass over transactions that every transaction-based figure reads from.

De-duplication, conversion to the base currency, local dates, categories and all per-month,
per-category and per-merchant sums happen here, once per transaction. Later modules only see
small aggregates, which keeps the engine linear and fast (see bench/bench_analytics_engine.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from finpulse.analytics import constants as c
from finpulse.analytics.categories import NOT_BILL_CATEGORIES, categorise, mentions_loan_payment
from finpulse.analytics.dates import local_date_function
from finpulse.analytics.money import ZERO, Converter
from finpulse.analytics.recurrence import Occurrence, TxKey
from finpulse.domain import Transaction, TransactionStatus

_NOISE = re.compile(r"[\d№#*]+")
_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """Grouping key for recurrence: case, digits and card-number noise removed."""
    return _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip(" -.,")


@dataclass(slots=True)
class SpendBucket:
    amount: Decimal = ZERO
    count: int = 0


@dataclass(slots=True)
class Prepared:
    unique_count: int = 0
    duplicate_count: int = 0
    income_groups: dict[str, list[Occurrence]] = field(default_factory=dict)
    bill_groups: dict[str, list[Occurrence]] = field(default_factory=dict)
    bill_categories: dict[str, str] = field(default_factory=dict)
    today_spending: list[tuple[TxKey, Decimal]] = field(default_factory=list)
    """Discretionary spending booked today (loan payments excluded): key and positive amount."""
    loans_paid_today: set[str] = field(default_factory=set)
    by_category: dict[str, SpendBucket] = field(default_factory=dict)
    by_merchant: dict[str, SpendBucket] = field(default_factory=dict)
    month_in: dict[int, Decimal] = field(default_factory=dict)
    month_out: dict[int, Decimal] = field(default_factory=dict)
    """Keyed by month index year*12 + month - 1."""
    unconverted: dict[str, int] = field(default_factory=dict)
    """Foreign currency → transactions left out of every figure for lack of a rate."""
    inflow_days: set[date] = field(default_factory=set)
    """Days with an income-like inflow in the lookback window (to tell irregular from no income)."""


def _winner(a: Transaction, b: Transaction) -> Transaction:
    # Two versions of one transaction id: keep the same one whatever order they came in.
    def rank(t: Transaction) -> tuple[bool, str, Decimal, str, str, str, str]:
        return (
            t.status is TransactionStatus.BOOKED,
            t.booked_at.isoformat(),
            t.amount,
            t.currency,
            t.description,
            t.merchant_name or "",
            t.counterparty_name or "",
        )

    return a if rank(a) >= rank(b) else b


def unique_transactions(transactions: Iterable[Transaction]) -> tuple[list[Transaction], int]:
    seen: dict[TxKey, Transaction] = {}
    duplicates = 0
    for tx in transactions:
        key = (tx.bank_id, tx.account_id, tx.transaction_id)
        other = seen.get(key)
        if other is None:
            seen[key] = tx
        else:
            duplicates += 1
            seen[key] = _winner(other, tx)
    return list(seen.values()), duplicates


def prepare(
    transactions: Iterable[Transaction],
    *,
    today: date,
    tz: ZoneInfo,
    converter: Converter,
    loan_ids: tuple[str, ...],
) -> Prepared:
    unique, duplicates = unique_transactions(transactions)
    out = Prepared(unique_count=len(unique), duplicate_count=duplicates)
    local_date = local_date_function(tz)
    base = converter.base
    lookback = today - timedelta(days=c.RECURRENCE_LOOKBACK_DAYS)
    window_start = today - timedelta(days=c.SPENDING_WINDOW_DAYS - 1)
    first_month = today.year * 12 + today.month - 1 - (c.SPENDING_MONTHS - 1)
    month_in, month_out = out.month_in, out.month_out
    by_category, by_merchant = out.by_category, out.by_merchant
    # Descriptions and merchants repeat heavily; classify each distinct text once.
    debit_info: dict[tuple[str, str | None, str | None], tuple[str, str | None]] = {}
    labels: dict[str, str] = {}
    income_excluded: dict[str, bool] = {}
    # Longest id first: `loan-1` is a substring of `loan-12`.
    ordered_loan_ids = tuple(sorted(set(loan_ids), key=lambda i: (-len(i), i)))

    for tx in unique:
        amount = tx.amount
        if tx.currency != base:
            converted = converter.to_base(amount, tx.currency)
            if converted is None:
                out.unconverted[tx.currency] = out.unconverted.get(tx.currency, 0) + 1
                continue
            amount = converted
        day = local_date(tx.booked_at)
        month = day.year * 12 + day.month - 1
        recent = lookback <= day <= today
        if amount >= ZERO:
            if month >= first_month:
                month_in[month] = month_in.get(month, ZERO) + amount
            if not recent or amount < c.MIN_INCOME_AMOUNT:
                continue
            raw = tx.counterparty_name or tx.description or tx.merchant_name or ""
            excluded = income_excluded.get(raw)
            if excluded is None:
                lowered = raw.lower()
                excluded = any(word in lowered for word in c.INCOME_EXCLUDE_WORDS)
                income_excluded[raw] = excluded
            if excluded:
                continue
            label = labels.get(raw)
            if label is None:
                label = labels[raw] = normalise_label(raw)
            out.inflow_days.add(day)
            out.income_groups.setdefault(label, []).append(
                Occurrence(day, amount, (tx.bank_id, tx.account_id, tx.transaction_id))
            )
            continue

        spent = -amount
        if month >= first_month:
            month_out[month] = month_out.get(month, ZERO) + spent
        info_key = (tx.description, tx.mcc, tx.bank_category)
        info = debit_info.get(info_key)
        if info is None:
            info = _classify_debit(tx, ordered_loan_ids)
            debit_info[info_key] = info
        category, loan_id = info
        if window_start <= day <= today:
            bucket = by_category.get(category)
            if bucket is None:
                bucket = by_category[category] = SpendBucket()
            bucket.amount += spent
            bucket.count += 1
            merchant = tx.merchant_name or tx.counterparty_name or tx.description or "—"
            mbucket = by_merchant.get(merchant)
            if mbucket is None:
                mbucket = by_merchant[merchant] = SpendBucket()
            mbucket.amount += spent
            mbucket.count += 1
        if day == today:
            if loan_id is not None:
                out.loans_paid_today.add(loan_id)
            elif category != "loan_payments":
                out.today_spending.append(((tx.bank_id, tx.account_id, tx.transaction_id), spent))
        if recent and category not in NOT_BILL_CATEGORIES:
            raw = tx.counterparty_name or tx.merchant_name or tx.description or ""
            label = labels.get(raw)
            if label is None:
                label = labels[raw] = normalise_label(raw)
            out.bill_groups.setdefault(label, []).append(
                Occurrence(day, spent, (tx.bank_id, tx.account_id, tx.transaction_id))
            )
            known = out.bill_categories.get(label)
            if known is None or category < known:
                out.bill_categories[label] = category
    return out


def _classify_debit(tx: Transaction, loan_ids: tuple[str, ...]) -> tuple[str, str | None]:
    lowered = tx.description.lower()
    for agreement_id in loan_ids:
        if agreement_id.lower() in lowered:
            return "loan_payments", agreement_id
    if mentions_loan_payment(tx.description, ()):
        return "loan_payments", None
    return categorise(tx.mcc, tx.bank_category), None
