"""Spending by category and merchant (last 30 days) and income vs spending by month."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from finpulse.analytics import constants as c
from finpulse.analytics.categories import CATEGORY_LABELS, NOT_BILL_CATEGORIES
from finpulse.analytics.dates import add_months
from finpulse.analytics.money import ZERO, Converter, kop
from finpulse.analytics.movements import NO_MOVEMENTS, Movements
from finpulse.analytics.prepared import (
    Prepared,
    SpendBucket,
    classify_debit,
    label_source,
    unique_transactions,
)
from finpulse.analytics.results import (
    CategoryAmount,
    MerchantAmount,
    MonthFlow,
    Spending,
    SpendingReport,
    SpendingRow,
)
from finpulse.domain import Transaction


def month_indices(today: date, count: int) -> list[int]:
    current = today.year * 12 + today.month - 1
    return list(range(current - count + 1, current + 1))


def month_index_key(index: int) -> str:
    """Month index `year * 12 + month − 1` → `YYYY-MM`."""
    year, month = add_months(0, 1, index)
    return f"{year:04d}-{month:02d}"


def recent_average(values: dict[int, Decimal], today: date, months: int) -> Decimal:
    """Mean over the last `months` complete months that have any movement (a month before the data
    starts is not a month of zero spending)."""
    current = today.year * 12 + today.month - 1
    picked = [values[i] for i in range(current - months, current) if values.get(i, ZERO) > ZERO]
    return sum(picked, ZERO) / len(picked) if picked else ZERO


def month_flows(
    month_in: Mapping[int, Decimal], month_out: Mapping[int, Decimal], indices: Iterable[int]
) -> list[MonthFlow]:
    """Income vs spending for each month index, zero rows for empty months."""
    flows = []
    for index in indices:
        inflow, outflow = month_in.get(index, ZERO), month_out.get(index, ZERO)
        flows.append(
            MonthFlow(
                month=month_index_key(index),
                income=kop(inflow),
                spending=kop(outflow),
                net=kop(inflow - outflow),
            )
        )
    return flows


def compute_spending(prepared: Prepared, today: date) -> Spending:
    categories = sorted(prepared.by_category.items(), key=lambda kv: (-kv[1].amount, kv[0]))
    merchants = sorted(prepared.by_merchant.items(), key=lambda kv: (-kv[1].amount, kv[0]))
    months = month_flows(prepared.month_in, prepared.month_out, month_indices(today, c.SPENDING_MONTHS))
    return Spending(
        window_start=today - timedelta(days=c.SPENDING_WINDOW_DAYS - 1),
        window_end=today,
        total=kop(sum((b.amount for _, b in categories), ZERO)),
        by_category=[
            CategoryAmount(
                category=name, label=CATEGORY_LABELS.get(name, name), amount=kop(b.amount), count=b.count
            )
            for name, b in categories
        ],
        by_merchant=[
            MerchantAmount(merchant=name, amount=kop(b.amount), count=b.count)
            for name, b in merchants[: c.TOP_MERCHANTS]
        ],
        by_month=months,
    )


GroupBy = Literal["category", "merchant", "month"]


def spending_report(
    transactions: Iterable[Transaction],
    *,
    start: date,
    end: date,
    group_by: GroupBy,
    loan_ids: Sequence[str] = (),
    timezone: str = c.DEFAULT_TIMEZONE,
    fx_rates: Mapping[str, Decimal] | None = None,
    base_currency: str = c.BASE_CURRENCY,
    movements: Movements = NO_MOVEMENTS,
) -> SpendingReport:
    """Spending between `start` and `end` (local dates, both included), grouped by category,
    merchant or month, with the same de-duplication, currency and category rules as the dashboard."""
    if end < start:
        raise ValueError("end is before start")
    tz = ZoneInfo(timezone)
    converter = Converter(base_currency, fx_rates or {})
    ordered_ids = tuple(sorted(set(loan_ids), key=lambda i: (-len(i), i)))
    unique, _ = unique_transactions(transactions)
    movements = movements.with_mirrors(unique)
    rows: dict[str, SpendBucket] = {}
    month_in: dict[int, Decimal] = {}
    month_out: dict[int, Decimal] = {}
    for tx in unique:
        amount = converter.to_base(tx.amount, tx.currency)
        day = tx.booked_at.astimezone(tz).date()
        if amount is None or not start <= day <= end:
            continue
        index = day.year * 12 + day.month - 1
        if amount >= ZERO:
            label = label_source(tx.counterparty_name, tx.description, tx.merchant_name).lower()
            interest = any(word in label for word in c.INCOME_EXCLUDE_WORDS)
            if not movements.internal(tx, loan_payment=False, interest=interest):
                month_in[index] = month_in.get(index, ZERO) + amount
            continue
        category = classify_debit(tx, ordered_ids)[0]
        if category != "loan_payments" and movements.loan_named(tx) is not None:
            category = "loan_payments"
        purchase = category in NOT_BILL_CATEGORIES  # a purchase at a merchant is never a move
        if not purchase and movements.internal(tx, loan_payment=category == "loan_payments", interest=False):
            continue
        month_out[index] = month_out.get(index, ZERO) - amount
        if group_by == "category":
            key = category
        elif group_by == "merchant":
            key = label_source(tx.merchant_name, tx.counterparty_name, tx.description) or "—"
        else:
            key = month_index_key(index)
        bucket = rows.setdefault(key, SpendBucket())
        bucket.amount -= amount
        bucket.count += 1
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    months = month_flows(month_in, month_out, range(first, last + 1))
    if group_by == "month":
        order = sorted(rows.items())
    else:
        order = sorted(rows.items(), key=lambda kv: (-kv[1].amount, kv[0]))
    return SpendingReport(
        start=start,
        end=end,
        group_by=group_by,
        total=kop(sum((b.amount for b in rows.values()), ZERO)),
        rows=[
            SpendingRow(
                key=k,
                label=CATEGORY_LABELS.get(k, k) if group_by == "category" else k,
                amount=kop(b.amount),
                count=b.count,
            )
            for k, b in order
        ],
        months=months,
    )
