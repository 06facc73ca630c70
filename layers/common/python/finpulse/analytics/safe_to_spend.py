"""Safe-to-spend per day until the next income, with every term of the calculation listed.

    daily = max(0, (cash at start of today − due before next income − planned savings − buffer)
                   ÷ days until next income)

`days` = next income date − today (today counts, the income day does not), at least 1 because the
next income is always after today; without a known income the period is a fixed horizon.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.bills import BillFigures
from finpulse.analytics.dates import ru_day
from finpulse.analytics.debt import DebtFigures
from finpulse.analytics.income import IncomeFigures
from finpulse.analytics.money import ZERO, kop
from finpulse.analytics.recurrence import TxKey
from finpulse.analytics.results import DueItem, SafeToSpend, Term


@dataclass(frozen=True, slots=True)
class StsFigures:
    output: SafeToSpend
    daily: Decimal
    days: int
    period_end: date
    due_items: tuple[DueItem, ...]


def default_buffer(monthly_income: Decimal) -> Decimal:
    return max(c.SAFETY_BUFFER_MIN, monthly_income * c.SAFETY_BUFFER_INCOME_SHARE)


def due_items(
    today: date, end: date, debt: DebtFigures, bills: BillFigures
) -> list[tuple[date, str, str, Decimal, bool]]:
    """Everything payable in [today, end): (date, kind, label, exact amount, estimated)."""
    items: list[tuple[date, str, str, Decimal, bool]] = []
    if debt.overdue > ZERO:
        items.append((today, "overdue", "Просроченная задолженность", debt.overdue, False))
    for loan in debt.loans:
        for payment in loan.payments_between(today, end):
            items.append((payment.day, "instalment", loan.name, payment.amount, payment.estimated))
    for card in debt.cards:
        if card.next_date is not None and today <= card.next_date < end and card.min_payment > ZERO:
            items.append(
                (card.next_date, "card_payment", card.name, card.min_payment, card.min_payment_estimated)
            )
    for day, amount, label in bills.due_between(today, end):
        items.append((day, "bill", label, amount, True))
    items.sort(key=lambda i: (i[0], i[1], i[2], i[3]))
    return items


def compute_safe_to_spend(
    *,
    today: date,
    cash_now: Decimal,
    today_spending: Sequence[tuple[TxKey, Decimal]],
    income: IncomeFigures,
    debt: DebtFigures,
    bills: BillFigures,
    sdp_daily: Decimal,
    goal_days: int | None,
    buffer: Decimal,
) -> StsFigures:
    members = bills.members
    # Bills paid today are obligations already met, not spending from today's allowance.
    spent_today = sum((amount for key, amount in today_spending if key not in members), ZERO)
    cash_start = cash_now + spent_today
    if income.next_date is not None and income.next_date > today:
        end, horizon = income.next_date, "next_income"
    else:
        end, horizon = today + timedelta(days=c.NO_INCOME_HORIZON_DAYS), "default"
    days = (end - today).days
    if days < 1:  # unreachable by construction; a guard against ever dividing by a past date
        raise ValueError("safe-to-spend period must end after today")
    raw_items = due_items(today, end, debt, bills)
    by_kind: dict[str, Decimal] = {"instalment": ZERO, "card_payment": ZERO, "bill": ZERO, "overdue": ZERO}
    for _, kind, _, amount, _ in raw_items:
        by_kind[kind] += amount
    due_total = sum(by_kind.values(), ZERO)
    planned = sdp_daily * min(days, goal_days) if goal_days is not None else ZERO
    obligations = due_total + planned + buffer
    spendable = cash_start - obligations
    daily = max(ZERO, spendable / days)
    left_today = max(ZERO, daily - spent_today)
    tomorrow = None if days == 1 else max(ZERO, (cash_now - left_today - obligations) / (days - 1))
    items = tuple(
        DueItem(date=d, kind=k, label=label, amount=kop(a), estimated=e) for d, k, label, a, e in raw_items
    )
    explanation = [
        Term(code="cash", label="Деньги на счетах сейчас", amount=kop(cash_now)),
        Term(code="spent_today", label="Потрачено сегодня (входит в лимит дня)", amount=kop(spent_today)),
        *(Term(code=i.kind, label=i.label, amount=-i.amount, detail=i.date.isoformat()) for i in items),
        Term(code="planned_savings", label="Отложить на цель", amount=-kop(planned)),
        Term(code="safety_buffer", label="Подушка безопасности", amount=-kop(buffer)),
        Term(
            code="per_day",
            label=f"Остаток ÷ {days} дн. до {ru_day(end)}",
            amount=kop(daily),
            detail="до следующего дохода" if horizon == "next_income" else "доход не найден: 30 дней",
        ),
    ]
    output = SafeToSpend(
        daily=kop(daily),
        days=days,
        period_end=end,
        horizon=horizon,
        cash_now=kop(cash_now),
        spent_today=kop(spent_today),
        cash_start_of_day=kop(cash_start),
        due_total=kop(due_total),
        instalments=kop(by_kind["instalment"]),
        card_payments=kop(by_kind["card_payment"]),
        bills=kop(by_kind["bill"]),
        overdue=kop(by_kind["overdue"]),
        planned_savings=kop(planned),
        safety_buffer=kop(buffer),
        spendable=kop(spendable),
        shortfall=kop(max(ZERO, -spendable)),
        left_today=kop(left_today),
        tomorrow_daily=None if tomorrow is None else kop(tomorrow),
        due_items=list(items),
        explanation=explanation,
    )
    return StsFigures(output, daily, days, end, items)
