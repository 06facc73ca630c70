"""Credit cards: the used part of the limit is debt, the limit never is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.cash import pick_balance
from finpulse.analytics.money import ZERO, Converter, kop, kop_or_none
from finpulse.analytics.results import Card, CardSource
from finpulse.domain import Account, AccountKind, Agreement, Balance


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
    used: Decimal
    source: CardSource
    chosen = pick_balance(balances.get(linked.key, [])) if linked is not None else None
    if agreement.used_amount is not None:
        used, source = agreement.used_amount, "bank"
    elif chosen is not None and limit is not None:
        # A card account's available balance is the unused part of the limit: debt is the rest.
        used, source = min(limit, max(ZERO, limit - chosen.amount)), "derived"
    elif chosen is not None and chosen.amount < ZERO:
        used, source = -chosen.amount, "account"
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
        ),
        source,
    )


def card_from_account(
    account: Account, balances: dict[tuple[str, str], list[Balance]], converter: Converter
) -> CardCalc | None:
    """A credit-card account no card agreement points to: only a negative balance is debt."""
    chosen = pick_balance(balances.get(account.key, []))
    if chosen is None:
        return None
    to_base = converter.to_base(Decimal(1), chosen.currency)
    if to_base is None:
        return None
    used = max(ZERO, -chosen.amount) * to_base
    return CardCalc(
        ref=f"{account.bank_id}/{account.account_id}",
        bank_id=account.bank_id,
        name=account.nickname or account.masked_number or account.account_id,
        used=used,
        limit=None,
        rate=None,
        min_payment=kop(used * c.CARD_MIN_PAYMENT_RATE),
        min_payment_estimated=True,
        next_date=None,
        overdue=ZERO,
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
