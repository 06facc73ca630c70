"""Spending by category and merchant (last 30 days) and income vs spending by month."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.categories import CATEGORY_LABELS
from finpulse.analytics.dates import add_months
from finpulse.analytics.money import ZERO, kop
from finpulse.analytics.prepared import Prepared
from finpulse.analytics.results import CategoryAmount, MerchantAmount, MonthFlow, Spending


def month_indices(today: date, count: int) -> list[int]:
    current = today.year * 12 + today.month - 1
    return list(range(current - count + 1, current + 1))


def _key(index: int) -> str:
    year, month = add_months(0, 1, index)
    return f"{year:04d}-{month:02d}"


def recent_average(values: dict[int, Decimal], today: date, months: int) -> Decimal:
    """Mean over the last `months` complete months that have any movement (a month before the data
    starts is not a month of zero spending)."""
    current = today.year * 12 + today.month - 1
    picked = [values[i] for i in range(current - months, current) if values.get(i, ZERO) > ZERO]
    return sum(picked, ZERO) / len(picked) if picked else ZERO


def compute_spending(prepared: Prepared, today: date) -> Spending:
    categories = sorted(prepared.by_category.items(), key=lambda kv: (-kv[1].amount, kv[0]))
    merchants = sorted(prepared.by_merchant.items(), key=lambda kv: (-kv[1].amount, kv[0]))
    months = []
    for index in month_indices(today, c.SPENDING_MONTHS):
        inflow = prepared.month_in.get(index, ZERO)
        outflow = prepared.month_out.get(index, ZERO)
        months.append(
            MonthFlow(month=_key(index), income=kop(inflow), spending=kop(outflow), net=kop(inflow - outflow))
        )
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
