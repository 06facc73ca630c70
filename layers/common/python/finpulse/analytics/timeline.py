"""The next 30 days as a list of dated events with the projected cash balance after each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from finpulse.analytics import constants as c
from finpulse.analytics.bills import BillFigures
from finpulse.analytics.debt import DebtFigures
from finpulse.analytics.income import IncomeFigures
from finpulse.analytics.money import ZERO, kop
from finpulse.analytics.results import EventKind, Timeline, TimelineEvent
from finpulse.analytics.savings import SavingsFigures
from finpulse.domain import ConsentExpiry

# Same-day order: money out before money in, so the projection never hides a dip.
KIND_ORDER: dict[str, int] = {
    "overdue": 0,
    "instalment": 1,
    "card_payment": 2,
    "bill": 3,
    "income": 4,
    "deposit_maturity": 5,
    "consent_expiry": 6,
}

Raw = tuple[date, EventKind, str, str | None, Decimal | None, bool]


def compute_timeline(
    *,
    today: date,
    tz: ZoneInfo,
    cash_now: Decimal,
    income: IncomeFigures,
    debt: DebtFigures,
    bills: BillFigures,
    savings: SavingsFigures,
    consents: Sequence[ConsentExpiry],
) -> Timeline:
    end = today + timedelta(days=c.TIMELINE_DAYS)
    raw: list[Raw] = []
    if debt.overdue > ZERO:
        raw.append((today, "overdue", "Просроченная задолженность", None, -debt.overdue, False))
    for loan in debt.loans:
        for p in loan.payments_between(today, end):
            raw.append((p.day, "instalment", loan.name, loan.bank_id, -p.amount, p.estimated))
    for card in debt.cards:
        if card.next_date is not None and today <= card.next_date < end and card.min_payment > ZERO:
            raw.append((card.next_date, "card_payment", card.name, card.bank_id, -card.min_payment, True))
    for day, amount, label in bills.due_between(today, end):
        raw.append((day, "bill", label, None, -amount, True))
    for day, expected, label in income.incomes_between(today + timedelta(days=1), end):
        raw.append((day, "income", label, None, expected, True))
    for m in savings.maturities:
        if m.day < end:
            raw.append((m.day, "deposit_maturity", m.label, m.bank_id, m.amount, False))
    for consent in consents:
        day = consent.expires_at.astimezone(tz).date()
        if today <= day < end:
            raw.append((day, "consent_expiry", f"Согласие {consent.kind}", consent.bank_id, None, False))
    raw.sort(key=lambda e: (e[0], KIND_ORDER[e[1]], e[2], e[3] or "", e[4] if e[4] is not None else ZERO))
    balance = cash_now
    lowest = cash_now
    events: list[TimelineEvent] = []
    for day, kind, label, bank_id, effect, estimated in raw:
        if effect is not None:
            balance += effect
            lowest = min(lowest, balance)
        events.append(
            TimelineEvent(
                date=day,
                kind=kind,
                label=label,
                bank_id=bank_id,
                amount=None if effect is None else kop(effect),
                estimated=estimated,
                projected_balance=kop(balance),
            )
        )
    return Timeline(
        start=today,
        end=end - timedelta(days=1),
        opening_balance=kop(cash_now),
        events=events,
        closing_balance=kop(balance),
        lowest_balance=kop(lowest),
    )
