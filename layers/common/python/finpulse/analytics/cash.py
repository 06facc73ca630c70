"""Cash: money that can be spent today, across every bank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from finpulse.analytics.money import ZERO, Converter, kop
from finpulse.analytics.results import BankAmount, Cash, CashAccount, CurrencyAmount
from finpulse.domain import Account, AccountKind, Balance, BalanceType, to_json

CASH_KINDS = frozenset({AccountKind.CURRENT, AccountKind.DEBIT_CARD})


def unique_accounts(accounts: Iterable[Account]) -> list[Account]:
    """One account per (bank_id, account_id), in a canonical order."""
    by_key: dict[tuple[str, str], Account] = {}
    for account in accounts:
        known = by_key.get(account.key)
        # A repeated account keeps one record whatever the order: enabled wins, then the larger dump.
        if known is None or _rank(account) > _rank(known):
            by_key[account.key] = account
    return [by_key[key] for key in sorted(by_key)]


def _rank(account: Account) -> tuple[bool, str]:
    return (account.enabled, to_json(account).decode())


def pick_balance(balances: Sequence[Balance]) -> Balance | None:
    """`InterimAvailable` if the bank sent one, else `InterimBooked`; never both.

    Of several entries of the chosen type the latest wins (ties: the larger amount, so that the
    choice does not depend on the order the bank listed them).
    """
    for wanted in (BalanceType.INTERIM_AVAILABLE, BalanceType.INTERIM_BOOKED):
        chosen = latest(balances, wanted)
        if chosen is not None:
            return chosen
    return None


def latest(balances: Sequence[Balance], wanted: BalanceType) -> Balance | None:
    """The latest entry of one balance type (ties: the larger amount), or None."""
    candidates = [b for b in balances if b.type is wanted]
    return max(candidates, key=lambda b: (b.at, b.amount, b.currency)) if candidates else None


def balances_by_number(
    accounts: Sequence[Account], balances: dict[tuple[str, str], list[Balance]], kind: AccountKind
) -> dict[str, Decimal]:
    """Account number → the chosen balance (signed, in the account's own currency) of every account
    of `kind`: how agreements find what their own accounts hold."""
    held: dict[str, Decimal] = {}
    for account in accounts:
        if account.kind is not kind or not account.number:
            continue
        chosen = pick_balance(balances.get(account.key, []))
        if chosen is not None and chosen.currency == account.currency:
            held[account.number] = chosen.amount
    return held


def balances_by_account(balances: Iterable[Balance]) -> dict[tuple[str, str], list[Balance]]:
    grouped: dict[tuple[str, str], list[Balance]] = {}
    for balance in balances:
        grouped.setdefault((balance.bank_id, balance.account_id), []).append(balance)
    return grouped


@dataclass(frozen=True, slots=True)
class CashFigures:
    output: Cash
    total: Decimal
    """Exact base-currency total (cash balances are whole kopecks, so equal to the output)."""


def compute_cash(
    accounts: Sequence[Account],
    balances: dict[tuple[str, str], list[Balance]],
    converter: Converter,
) -> CashFigures:
    rows: list[CashAccount] = []
    total = ZERO
    per_bank: dict[str, Decimal] = {}
    foreign: dict[str, Decimal] = {}
    for account in accounts:
        if not account.enabled or account.kind not in CASH_KINDS:
            continue
        chosen = pick_balance(balances.get(account.key, []))
        amount = None if chosen is None else chosen.amount
        currency = account.currency if chosen is None else chosen.currency
        in_base = None if amount is None else converter.to_base(amount, currency)
        if in_base is not None:
            total += in_base
            per_bank[account.bank_id] = per_bank.get(account.bank_id, ZERO) + in_base
        elif amount is not None:
            foreign[currency] = foreign.get(currency, ZERO) + amount
        rows.append(
            CashAccount(
                bank_id=account.bank_id,
                account_id=account.account_id,
                masked_number=account.masked_number,
                kind=account.kind.value,
                currency=currency,
                amount=None if amount is None else kop(amount),
                balance_type=None if chosen is None else chosen.type.value,
                amount_base=None if in_base is None else kop(in_base),
            )
        )
    output = Cash(
        total=kop(total),
        by_bank=[BankAmount(bank_id=b, amount=kop(v)) for b, v in sorted(per_bank.items())],
        accounts=rows,
        foreign_unconverted=[CurrencyAmount(currency=k, amount=kop(v)) for k, v in sorted(foreign.items())],
    )
    return CashFigures(output=output, total=total)
