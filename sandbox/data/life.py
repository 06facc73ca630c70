"""Building blocks of a customer's financial life over the 12 months before the reference date.

A :class:`Life` collects draft accounts, agreements, cards and transactions across *slots* (slot 0, 1,
2 map to the configured banks in order), so a transfer between a customer's own accounts at two banks
appears at both with the same amount and time. Ids and account numbers are assigned later per bank
(:mod:`sandbox.data.seed`).
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sandbox.data.catalog import Product
from sandbox.data.merchants import CATEGORIES, SUBSCRIPTIONS, UTILITY, merchant_doc

CARD_NAMES = ("МИР Supreme", "МИР-UnionPay Diamond", "UnionPay Diamond", "Visa Classic", "МИР Classic")


@dataclass(eq=False)
class DraftCard:
    slot: int
    card_type: str
    name: str
    last4: str
    expiry_month: int
    expiry_year: int
    issued: date
    account: DraftAccount | None = None


@dataclass(eq=False)
class DraftTx:
    when: datetime
    amount: int
    credit: bool
    info: str
    code: str = "02"
    merchant: dict[str, object] | None = None
    city: str | None = None
    card: DraftCard | None = None
    counterparty: DraftAccount | str | None = None
    status: str = "completed"
    counterparty_label: str | None = None
    """Shown as the counterparty instead of the counterparty account's number (``{holder}``: the
    customer's name); ``{number}`` in ``info`` still names that account."""
    tag: str | None = None
    """What the transaction is in the customer's life (``salary``), for data variants."""


@dataclass(eq=False)
class DraftAccount:
    slot: int
    kind: str
    opened: date
    opening: int = 0
    floor: int | None = None
    credit_limit: int | None = None
    txs: list[DraftTx] = field(default_factory=list)
    card: DraftCard | None = None

    def final_balance(self) -> int:
        return self.opening + sum(
            t.amount if t.credit else -t.amount for t in self.txs if t.status == "completed"
        )


@dataclass(eq=False)
class DraftAgreement:
    slot: int
    prefix: str
    product: Product
    amount: int
    rate: float | None
    start: datetime
    end: datetime | None
    account: DraftAccount | None
    term_months: int | None = None
    status: str = "active"


def add_months(d: date, months: int, day: int | None = None) -> date:
    """``d`` shifted by whole months, on ``day`` (clamped to the month's length)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day or d.day, last))


class Life:
    """One customer's life: every helper posts deterministic transactions from ``rng``."""

    def __init__(
        self, rng: random.Random, city: str, today: date, variants: frozenset[str] = frozenset()
    ) -> None:
        self.rng = rng
        self.city = city
        self.today = today
        self.variants = variants
        self.start = today - timedelta(days=365)
        self.accounts: list[DraftAccount] = []
        self.agreements: list[DraftAgreement] = []
        self.cards: list[DraftCard] = []

    # --- calendar -------------------------------------------------------------------------
    def months(self) -> Iterator[date]:
        """First day of every month that overlaps the window."""
        d = self.start.replace(day=1)
        while d < self.today:
            yield d
            d = add_months(d, 1)

    def in_window(self, d: date) -> bool:
        return self.start <= d < self.today

    def at(self, d: date, h0: int = 8, h1: int = 22) -> datetime:
        r = self.rng
        return datetime(
            d.year,
            d.month,
            d.day,
            r.randint(h0, h1),
            r.randint(0, 59),
            r.randint(0, 59),
            r.randint(0, 999999),
        )

    def stamp(self, d: date) -> datetime:
        return self.at(d, 9, 18)

    # --- accounts and cards ---------------------------------------------------------------
    def checking(self, slot: int, base: int, floor: int = 0, card: bool = True) -> DraftAccount:
        """A current account whose opening balance keeps it at or above ``floor`` all year."""
        opened = add_months(self.start, -self.rng.randint(6, 60))
        acc = DraftAccount(slot, "checking", opened, opening=base, floor=floor)
        self.accounts.append(acc)
        if card:
            acc.card = self._card(slot, "debit", acc, opened)
            self.agreements.append(
                DraftAgreement(slot, "card-deb", _debit_product(), 0, None, self.stamp(opened), None, acc)
            )
        return acc

    def _card(self, slot: int, card_type: str, acc: DraftAccount, issued: date) -> DraftCard:
        r = self.rng
        card = DraftCard(
            slot,
            card_type,
            r.choice(CARD_NAMES),
            f"{r.randint(0, 9999):04d}",
            r.randint(1, 12),
            self.today.year + r.randint(1, 4),
            issued,
            acc,
        )
        self.cards.append(card)
        return card

    def post(
        self, acc: DraftAccount, when: datetime, amount: int, credit: bool, info: str, **extra: object
    ) -> None:
        if amount > 0 and self.in_window(when.date()):
            acc.txs.append(DraftTx(when, amount, credit, info, city=self.city, **extra))  # type: ignore[arg-type]

    def transfer(
        self,
        src: DraftAccount,
        dst: DraftAccount,
        d: date,
        amount: int,
        out_text: str,
        in_text: str,
        out_label: str | None = None,
    ) -> None:
        """Both legs at the same moment (+2 s); ``out_label`` replaces the debit's counterparty."""
        when = self.at(d, 9, 20)
        self.post(src, when, amount, False, out_text, counterparty=dst, counterparty_label=out_label)
        self.post(dst, when + timedelta(seconds=2), amount, True, in_text, counterparty=src)

    # --- recurring flows ------------------------------------------------------------------
    def salary(
        self, acc: DraftAccount, day: int, amount: int, text: str, employer: str, jitter: float = 0.0
    ) -> None:
        for m in self.months():
            d = add_months(m, 0, day)
            while d.weekday() >= 5:  # payroll never lands on a weekend: paid the Friday before
                d -= timedelta(days=1)
            value = int(amount * (1 + self.rng.uniform(-jitter, jitter)))
            month_name = _MONTHS[(add_months(m, -1) if day <= 15 else m).month - 1]
            self.post(
                acc,
                self.at(d, 9, 12),
                value,
                True,
                text.format(month=month_name),
                counterparty=employer,
                tag="salary",
            )

    def spend(self, acc: DraftAccount, per_month: int, weights: dict[str, float], scale: float = 1.0) -> None:
        """Card purchases: ``per_month`` tickets spread over the month, categories by weight."""
        keys, w = list(weights), list(weights.values())
        d = self.start
        daily = per_month / 30.0
        while d < self.today:
            n = _poisson(self.rng, daily)
            for _ in range(n):
                self.purchase(acc, d, self.rng.choices(keys, w)[0], scale)
            d += timedelta(days=1)

    def purchase(
        self, acc: DraftAccount, d: date, key: str, scale: float = 1.0, status: str = "completed"
    ) -> int:
        cat = CATEGORIES[key]
        name = self.rng.choice(cat.names)
        amount = int(self.rng.uniform(cat.low, cat.high) * scale * 100)
        doc = merchant_doc(cat.key, name, cat.mcc, self.city, self.rng.randint(1, 40))
        when = self.at(d)
        if self.in_window(d):
            acc.txs.append(
                DraftTx(
                    when,
                    amount,
                    False,
                    f"{name} - {self.city}",
                    "01",
                    doc,
                    self.city,
                    acc.card,
                    status=status,
                )
            )
        return amount

    def subscriptions(self, acc: DraftAccount, names: list[str]) -> None:
        for name in names:
            _, cat, mcc, price = next(s for s in SUBSCRIPTIONS if s[0] == name)
            day = self.rng.randint(1, 28)
            for m in self.months():
                d = add_months(m, 0, day)
                doc = merchant_doc(cat, name, mcc, "Москва", 1)
                self.post(
                    acc,
                    self.at(d, 0, 6),
                    int(price * 100),
                    False,
                    f"{name} - Москва",
                    code="01",
                    merchant=doc,
                    card=acc.card,
                )

    def utilities(self, acc: DraftAccount, day: int, low: int, high: int) -> None:
        name, cat, mcc = UTILITY
        for m in self.months():
            winter = m.month in (11, 12, 1, 2, 3)
            amount = int(self.rng.uniform(low, high) * (1.25 if winter else 1.0) * 100)
            doc = merchant_doc(cat, name, mcc, self.city, 3)
            self.post(
                acc,
                self.at(add_months(m, 0, day)),
                amount,
                False,
                f"Оплата ЖКУ - {name}",
                code="01",
                merchant=doc,
            )

    def monthly_transfer(
        self, src: DraftAccount, dst: DraftAccount, day: int, amount: int, out_text: str, in_text: str
    ) -> None:
        for m in self.months():
            self.transfer(src, dst, add_months(m, 0, day), amount, out_text, in_text)

    def holds(self, acc: DraftAccount, n: int) -> None:
        """Card purchases still pending (authorised, not booked) on the last day."""
        for _ in range(n):
            self.purchase(
                acc,
                self.today - timedelta(days=1),
                self.rng.choice(["grocery", "fastfood", "taxi"]),
                status="pending",
            )

    def new_agreement(self, agreement: DraftAgreement) -> DraftAgreement:
        self.agreements.append(agreement)
        return agreement


def _debit_product() -> Product:
    return Product(
        "card-debit",
        "card",
        'Дебетовая карта "Свобода"',
        "Карта с кэшбэком 2%",
        None,
        None,
        None,
        None,
        "debit_card",
    )


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small daily rates used here.
    import math

    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
