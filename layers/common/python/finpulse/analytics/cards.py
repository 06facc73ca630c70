"""Credit cards: the used part of the limit is debt, the limit never is.

A card account's balances say the used amount in two ways, whatever the bank's sign convention:
the available balance is the free part of the limit (`used = limit − available`), and the booked
balance is the debt itself — negative, `Debit`, or a positive `Credit` amount owed — unless it is the
card's own money (`booked = available − limit`, an overpayment). The bank's stated used amount
comes first; figures that disagree add a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.cash import latest
from finpulse.analytics.loan_balance import TOLERANCE
from finpulse.analytics.money import ZERO, Converter, kop, kop_or_none, rub
from finpulse.analytics.results import Card, CardSource
from finpulse.domain import Account, AccountKind, Agreement, Balance, BalanceType


@dataclass(frozen=True, slots=True)
class CardCalc:
    ref: str
    bank_id: str
    name: str
    used: Decimal
    limit: Decimal | None
    rate: Decimal | None
    min_payment: Decimal
    min_payment_estimated: bool
    next_date: date | None
    overdue: Decimal
    used_known: bool = True
    note: str | None = None


def account_used(balances: list[Balance], limit: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(from the available balance and the limit, from the booked balance) of a card account."""
    available = latest(balances, BalanceType.INTERIM_AVAILABLE)
    booked = latest(balances, BalanceType.INTERIM_BOOKED)
    derived = None
    if available is not None and limit is not None:
        derived = min(limit, max(ZERO, limit - available.amount))
    ledger = None
    if booked is not None:
        ledger = abs(booked.amount)
        own_money = (
            booked.amount > ZERO
            and available is not None
            and limit is not None
            and abs(available.amount - limit - booked.amount) <= TOLERANCE
        )
        if own_money:
            ledger = ZERO
    return derived, ledger


def _disagreement(name: str, shown: Decimal, other: Decimal | None, shown_from: str) -> str | None:
    if other is None or abs(other - shown) <= TOLERANCE:
        return None
    return (
        f"Кредитная карта «{name}»: долг {shown_from} {rub(shown)}, по счёту карты {rub(other)} — "
        "показан первый"
    )


def card_from_agreement(
    agreement: Agreement,
    today: date,
    linked: Account | None,
    balances: dict[tuple[str, str], list[Balance]],
    converter: Converter,
) -> tuple[CardCalc, CardSource] | None:
    to_base = converter.to_base(Decimal(1), agreement.currency)
    if to_base is None:
        return None
    limit = agreement.credit_limit
    name = agreement.product_name or agreement.agreement_id
    used: Decimal
    source: CardSource
    derived, ledger = (
        account_used(balances.get(linked.key, []), limit) if linked is not None else (None, None)
    )
    note = None
    if agreement.used_amount is not None:
        used, source = agreement.used_amount, "bank"
        note = _disagreement(name, used, derived if derived is not None else ledger, "по данным банка")
    elif derived is not None:
        used, source = derived, "derived"
        # Pending purchases lower the available balance first: only a larger ledger debt disagrees.
        if ledger is not None and ledger > derived:
            note = _disagreement(name, used, ledger, "по доступному лимиту")
    elif ledger is not None:
        used, source = ledger, "account"
    else:
        used, source = ZERO, "unknown"
    if agreement.monthly_payment is not None:
        min_payment = agreement.monthly_payment
    else:
        min_payment = kop(used * c.CARD_MIN_PAYMENT_RATE)
    stated = agreement.next_payment_date
    return (
        CardCalc(
            ref=f"{agreement.bank_id}/{agreement.agreement_id}",
            bank_id=agreement.bank_id,
            name=agreement.product_name or agreement.agreement_id,
            used=used * to_base,
            limit=None if limit is None else limit * to_base,
            rate=agreement.interest_rate,
            min_payment=min_payment * to_base,
            min_payment_estimated=agreement.monthly_payment is None,
            next_date=stated if stated is not None and stated >= today else None,
            overdue=agreement.overdue_amount * to_base,
            used_known=source != "unknown",
            note=note,
        ),
        source,
    )


def card_from_account(
    account: Account, balances: dict[tuple[str, str], list[Balance]], converter: Converter
) -> CardCalc | None:
    """A credit-card account no card agreement points to (no limit known): a negative booked (else
    available) balance is debt; a positive booked one may be debt or the card's own money, so it is
    not counted and a note says so."""
    own = balances.get(account.key, [])
    booked = latest(own, BalanceType.INTERIM_BOOKED)
    chosen = booked or latest(own, BalanceType.INTERIM_AVAILABLE)
    if chosen is None:
        return None
    to_base = converter.to_base(Decimal(1), chosen.currency)
    if to_base is None:
        return None
    used = max(ZERO, -chosen.amount) * to_base
    name = account.nickname or account.masked_number or account.account_id
    note = None
    if booked is not None and booked.amount > ZERO and latest(own, BalanceType.INTERIM_AVAILABLE) is None:
        note = (
            f"Кредитная карта «{name}»: банк показывает {rub(booked.amount)} без лимита — неясно, долг "
            "это или свои деньги; в долг не включено"
        )
    return CardCalc(
        ref=f"{account.bank_id}/{account.account_id}",
        bank_id=account.bank_id,
        name=name,
        used=used,
        limit=None,
        rate=None,
        min_payment=kop(used * c.CARD_MIN_PAYMENT_RATE),
        min_payment_estimated=True,
        next_date=None,
        overdue=ZERO,
        note=note,
    )


def unlinked_card_accounts(accounts: Sequence[Account], linked_numbers: set[str]) -> list[Account]:
    return [
        a
        for a in accounts
        if a.kind is AccountKind.CREDIT_CARD
        and a.enabled
        and (a.number is None or a.number not in linked_numbers)
    ]


def card_row(card: CardCalc, source: CardSource, currency: str) -> Card:
    available = None if card.limit is None else max(ZERO, card.limit - card.used)
    utilisation = None if not card.limit or not card.used_known else kop(card.used / card.limit * 100)
    return Card(
        bank_id=card.bank_id,
        agreement_id=card.ref.split("/", 1)[1],
        name=card.name,
        currency=currency,
        credit_limit=kop_or_none(card.limit),
        used=kop(card.used),
        used_source=source,
        available=kop_or_none(available),
        utilisation_percent=utilisation,
        rate=card.rate,
        min_payment=kop(card.min_payment),
        min_payment_estimated=card.min_payment_estimated,
        next_payment_date=card.next_date,
        overdue=kop(card.overdue),
    )
