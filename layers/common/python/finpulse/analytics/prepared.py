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
from finpulse.analytics.dates import add_months, last_complete_month_end, local_offset_function
from finpulse.analytics.money import ZERO, Converter
from finpulse.analytics.movements import NO_MOVEMENTS, Movements
from finpulse.analytics.recurrence import Occurrence, TxKey
from finpulse.domain import Transaction, TransactionStatus, to_json

_NOISE = re.compile(r"[\d№#*]+")
_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """Grouping key for recurrence: case, digits and card-number noise removed."""
    return _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip(" -.,")


def label_source(*candidates: str | None) -> str:
    """The first text that still names something once normalised: a counterparty that is only an
    account number normalises to nothing, and the description then names the series."""
    for text in candidates:
        if text and normalise_label(text):
            return text
    return ""


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
    """Candidates by label from the lookback before the last complete month's end to today:
    detection picks its window with `recurrence.within`."""
    bill_categories: dict[str, str] = field(default_factory=dict)
    today_spending: list[tuple[TxKey, Decimal]] = field(default_factory=list)
    """Discretionary spending booked today (loan payments excluded): key and positive amount."""
    loans_paid_today: set[str] = field(default_factory=set)
    loan_payments: dict[str, list[tuple[date, Decimal]]] = field(default_factory=dict)
    """Debits naming a loan agreement in the lookback window: agreement id → (day, amount)."""
    by_category: dict[str, SpendBucket] = field(default_factory=dict)
    by_merchant: dict[str, SpendBucket] = field(default_factory=dict)
    month_in: dict[int, Decimal] = field(default_factory=dict)
    month_out: dict[int, Decimal] = field(default_factory=dict)
    """Keyed by month index year*12 + month - 1; the last SPENDING_MONTHS months only."""
    month_loans: dict[int, Decimal] = field(default_factory=dict)
    """The loan payments inside `month_out`, by month (the surplus counts them as obligations)."""
    unconverted: dict[str, int] = field(default_factory=dict)
    """Foreign currency → transactions left out of every figure for lack of a rate."""
    inflow_days: set[date] = field(default_factory=set)
    """Days with an income-like inflow since the groups' start (to tell irregular from no income)."""
    internal_count: int = 0
    """Transactions left out as movements between the user's own accounts (`movements.py`)."""


def history_start(today: date) -> date:
    """The first day the engine looks at: the first day of the oldest month of the income-vs-
    spending table (12 months with the current one) — detection (190 days) and the health score
    (3 complete months) need less. The loader reads transactions from this day on."""
    year, month = add_months(today.year, today.month, -(c.SPENDING_MONTHS - 1))
    return date(year, month, 1)


_TRANSITION = timedelta.max
"""Marks a UTC day on which the zone's offset changes (per-transaction conversion needed)."""


def _rank(tx: Transaction) -> tuple[bool, str]:
    return (tx.status is TransactionStatus.BOOKED, to_json(tx).decode())


def unique_transactions(transactions: Iterable[Transaction]) -> tuple[list[Transaction], int]:
    """One transaction per (bank_id, account_id, transaction_id).

    Two versions of one id (a pending one later booked, a re-sent page) keep the same winner
    whatever order they came in: booked beats pending, then the larger JSON form. When no id occurs
    twice at all — the usual case, sync already de-duplicates — a single dict pass settles it.
    """
    items = transactions if isinstance(transactions, list | tuple) else list(transactions)
    by_id = {tx.transaction_id: tx for tx in items}
    if len(by_id) == len(items):
        return list(by_id.values()), 0
    seen: dict[TxKey, Transaction] = {}
    for tx in items:
        key = (tx.bank_id, tx.account_id, tx.transaction_id)
        other = seen.get(key)
        seen[key] = tx if other is None or _rank(tx) > _rank(other) else other
    return list(seen.values()), len(items) - len(seen)


def prepare(
    transactions: Iterable[Transaction],
    *,
    today: date,
    tz: ZoneInfo,
    converter: Converter,
    loan_ids: tuple[str, ...],
    movements: Movements = NO_MOVEMENTS,
) -> Prepared:
    unique, duplicates = unique_transactions(transactions)
    out = Prepared(unique_count=len(unique), duplicate_count=duplicates)
    movements = movements.with_mirrors(unique)
    offset_for = local_offset_function(tz)
    offsets: dict[date, timedelta] = {}
    base = converter.base
    lookback = today - timedelta(days=c.RECURRENCE_LOOKBACK_DAYS)
    # Income and bill candidates are kept from the lookback of the last complete month's end on:
    # the surplus detects as of then (`surplus.py`); today's detection takes its own window.
    groups_start = last_complete_month_end(today) - timedelta(days=c.RECURRENCE_LOOKBACK_DAYS)
    window_start = today - timedelta(days=c.SPENDING_WINDOW_DAYS - 1)
    first_day = history_start(today)
    # Sums per local day, folded into months at the end: cheaper than a month key per transaction.
    day_in: dict[date, Decimal] = {}
    day_out: dict[date, Decimal] = {}
    day_loans: dict[date, Decimal] = {}
    by_category, by_merchant = out.by_category, out.by_merchant
    income_groups, bill_groups = out.income_groups, out.bill_groups
    # Descriptions and merchants repeat heavily; classify each distinct text once.
    debit_info: dict[tuple[str, str | None, str | None], tuple[str, str | None]] = {}
    labels: dict[str, str] = {}
    sources: dict[tuple[str | None, ...], str] = {}
    income_excluded: dict[str, bool] = {}
    # Longest id first: `loan-1` is a substring of `loan-12`.
    ordered_loan_ids = tuple(sorted(set(loan_ids), key=lambda i: (-len(i), i)))
    min_income = c.MIN_INCOME_AMOUNT
    mirror_accounts, card_accounts = movements.mirror_accounts, movements.card_accounts
    check_own = movements.knows_accounts
    mirrored = movements.mirrored

    for tx in unique:
        account = (tx.bank_id, tx.account_id)
        if account in mirror_accounts:
            out.internal_count += 1
            continue
        on_card = account in card_accounts
        amount = tx.amount
        if tx.currency != base:
            converted = converter.to_base(amount, tx.currency)
            if converted is None:
                out.unconverted[tx.currency] = out.unconverted.get(tx.currency, 0) + 1
                continue
            amount = converted
        moment = tx.booked_at
        utc_day = moment.date()
        offset = offsets.get(utc_day)
        if offset is None:
            found = offset_for(utc_day)
            offset = offsets[utc_day] = _TRANSITION if found is None else found
        day = moment.astimezone(tz).date() if offset is _TRANSITION else (moment + offset).date()
        if day < first_day:
            continue
        recent = groups_start <= day <= today
        if amount >= ZERO:
            texts: tuple[str | None, ...] = (tx.counterparty_name, tx.description, tx.merchant_name)
            raw = sources.get(texts)
            if raw is None:
                raw = sources[texts] = label_source(*texts)
            excluded = income_excluded.get(raw)
            if excluded is None:
                lowered = raw.lower()
                excluded = income_excluded[raw] = any(word in lowered for word in c.INCOME_EXCLUDE_WORDS)
            # A card repayment or a transfer from the user's own account is not income; interest
            # paid out from their own deposit is earned money (and is not income either, below).
            if on_card or (
                check_own
                and not excluded
                and (
                    (mirrored and (tx.bank_id, tx.account_id, tx.transaction_id) in mirrored)
                    or movements.reference(tx)[1]
                )
            ):
                out.internal_count += 1
                continue
            day_in[day] = day_in.get(day, ZERO) + amount
            if not recent or amount < min_income or excluded:
                continue
            label = labels.get(raw)
            if label is None:
                label = labels[raw] = normalise_label(raw)
            out.inflow_days.add(day)
            occurrence = Occurrence(day, amount, (tx.bank_id, tx.account_id, tx.transaction_id))
            group = income_groups.get(label)
            if group is None:
                income_groups[label] = [occurrence]
            else:
                group.append(occurrence)
            continue

        info_key = (tx.description, tx.mcc, tx.bank_category)
        info = debit_info.get(info_key)
        if info is None:
            info = debit_info[info_key] = classify_debit(tx, ordered_loan_ids)
        category, loan_id = info
        # A purchase at a merchant (groceries, fuel, …) is spending whatever else matches it.
        if check_own and category != "loan_payments" and category not in NOT_BILL_CATEGORIES:
            named_loan, named = movements.reference(tx)
            if named_loan is not None:  # paid into the loan's own account: an instalment
                category, loan_id = "loan_payments", named_loan
            elif named or (mirrored and (tx.bank_id, tx.account_id, tx.transaction_id) in mirrored):
                out.internal_count += 1  # to the user's own account: moved, not spent
                continue
        day_out[day] = day_out.get(day, ZERO) + amount
        if category == "loan_payments":
            day_loans[day] = day_loans.get(day, ZERO) + amount
        if day < groups_start:
            continue
        spent = -amount
        if loan_id is not None and lookback <= day <= today:
            out.loan_payments.setdefault(loan_id, []).append((day, spent))
        if window_start <= day <= today:
            bucket = by_category.get(category)
            if bucket is None:
                bucket = by_category[category] = SpendBucket()
            bucket.amount += spent
            bucket.count += 1
            texts = (tx.merchant_name, tx.counterparty_name, tx.description)
            merchant = sources.get(texts)
            if merchant is None:
                merchant = sources[texts] = label_source(*texts)
            merchant = merchant or "—"
            mbucket = by_merchant.get(merchant)
            if mbucket is None:
                mbucket = by_merchant[merchant] = SpendBucket()
            mbucket.amount += spent
            mbucket.count += 1
            if day == today:
                if loan_id is not None:
                    out.loans_paid_today.add(loan_id)
                elif category != "loan_payments" and not on_card:
                    out.today_spending.append(((tx.bank_id, tx.account_id, tx.transaction_id), spent))
        if day <= today and not on_card and category not in NOT_BILL_CATEGORIES:
            texts = (tx.counterparty_name, tx.merchant_name, tx.description)
            raw = sources.get(texts)
            if raw is None:
                raw = sources[texts] = label_source(*texts)
            label = labels.get(raw)
            if label is None:
                label = labels[raw] = normalise_label(raw)
            occurrence = Occurrence(day, spent, (tx.bank_id, tx.account_id, tx.transaction_id))
            group = bill_groups.get(label)
            if group is None:
                bill_groups[label] = [occurrence]
            else:
                group.append(occurrence)
            known = out.bill_categories.get(label)
            if known is None or category < known:
                out.bill_categories[label] = category
    _fold_months(day_in, out.month_in)
    _fold_months(day_out, out.month_out, -1)  # debits were summed as signed (negative) amounts
    _fold_months(day_loans, out.month_loans, -1)
    return out


def _fold_months(by_day: dict[date, Decimal], into: dict[int, Decimal], sign: int = 1) -> None:
    for day in sorted(by_day):
        index = day.year * 12 + day.month - 1
        into[index] = into.get(index, ZERO) + by_day[day] * sign


def classify_debit(tx: Transaction, loan_ids: tuple[str, ...]) -> tuple[str, str | None]:
    lowered = tx.description.lower()
    for agreement_id in loan_ids:
        if agreement_id.lower() in lowered:
            return "loan_payments", agreement_id
    if mentions_loan_payment(tx.description, ()):
        return "loan_payments", None
    return categorise(tx.mcc, tx.bank_category), None
