"""Savings: deposits and savings accounts at every bank, and progress toward the user's goal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finpulse.analytics.cash import balances_by_number, pick_balance
from finpulse.analytics.money import HUNDRED, ZERO, Converter, kop
from finpulse.analytics.results import BankAmount, CurrencyAmount, Goal, Savings, SavingsItem
from finpulse.domain import Account, AccountKind, Agreement, AgreementKind, Balance, FinancialInputs


@dataclass(frozen=True, slots=True)
class Maturity:
    day: date
    bank_id: str
    label: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SavingsFigures:
    output: Savings
    total: Decimal
    goal_remaining: Decimal
    goal_days: int | None
    """Days from today to the goal date (≥ 1); `None` without a goal date or once it has passed."""
    maturities: tuple[Maturity, ...]


def deposit_account_balances(
    accounts: Sequence[Account], balances: dict[tuple[str, str], list[Balance]]
) -> dict[str, Decimal]:
    """Account number → balance of each deposit account in its own currency."""
    return {n: max(ZERO, v) for n, v in balances_by_number(accounts, balances, AccountKind.DEPOSIT).items()}


def compute_savings(
    agreements: Sequence[Agreement],
    accounts: Sequence[Account],
    balances: dict[tuple[str, str], list[Balance]],
    inputs: FinancialInputs,
    today: date,
    converter: Converter,
) -> SavingsFigures:
    items: list[SavingsItem] = []
    total = ZERO
    per_bank: dict[str, Decimal] = {}
    foreign: dict[str, Decimal] = {}
    maturities: list[Maturity] = []

    def add(bank_id: str, amount: Decimal, currency: str) -> Decimal | None:
        nonlocal total
        in_base = converter.to_base(amount, currency)
        if in_base is None:
            foreign[currency] = foreign.get(currency, ZERO) + amount
            return None
        total += in_base
        per_bank[bank_id] = per_bank.get(bank_id, ZERO) + in_base
        return in_base

    held = deposit_account_balances(accounts, balances)
    for agreement in agreements:
        if not agreement.active or agreement.kind is not AgreementKind.DEPOSIT:
            continue
        # The deposit account's balance includes top-ups and capitalised interest; the agreement's
        # amount is often the sum first deposited, so it only stands in without an account.
        amount = held.get(agreement.account_number or "")
        if amount is None:
            amount = agreement.outstanding if agreement.outstanding is not None else agreement.principal
        amount = amount or ZERO
        in_base = add(agreement.bank_id, amount, agreement.currency)
        items.append(
            SavingsItem(
                bank_id=agreement.bank_id,
                ref=agreement.agreement_id,
                kind="deposit",
                name=agreement.product_name or agreement.agreement_id,
                currency=agreement.currency,
                amount=kop(amount),
                rate=agreement.interest_rate,
                maturity_date=agreement.maturity_date,
                masked_account_number=agreement.masked_account_number,
            )
        )
        if agreement.maturity_date is not None and agreement.maturity_date >= today and in_base is not None:
            label = agreement.product_name or agreement.agreement_id
            maturities.append(Maturity(agreement.maturity_date, agreement.bank_id, label, in_base))
    for account in accounts:
        if not account.enabled or account.kind is not AccountKind.SAVINGS:
            continue
        chosen = pick_balance(balances.get(account.key, []))
        if chosen is None:
            continue
        add(account.bank_id, chosen.amount, chosen.currency)
        items.append(
            SavingsItem(
                bank_id=account.bank_id,
                ref=account.account_id,
                kind="savings_account",
                name=account.nickname or account.account_id,
                currency=chosen.currency,
                amount=kop(chosen.amount),
                rate=None,
                maturity_date=None,
                masked_account_number=account.masked_number,
            )
        )

    goal = None
    remaining = ZERO
    goal_days = None
    target = inputs.savings_goal_amount
    if target is not None:
        remaining = max(ZERO, target - total)
        progress = HUNDRED if target == ZERO else min(HUNDRED, max(ZERO, total) / target * HUNDRED)
        goal_date = inputs.savings_goal_date
        # A goal date that has passed cannot be saved toward per day: no SDP, the goal shows it.
        if goal_date is not None and goal_date > today:
            goal_days = (goal_date - today).days
        goal = Goal(
            target=kop(target),
            goal_date=goal_date,
            saved=kop(total),
            remaining=kop(remaining),
            progress_percent=kop(progress),
            days_left=None if goal_date is None else (goal_date - today).days,
        )
    output = Savings(
        total=kop(total),
        by_bank=[BankAmount(bank_id=b, amount=kop(v)) for b, v in sorted(per_bank.items())],
        items=sorted(items, key=lambda i: (i.bank_id, i.kind, i.ref)),
        goal=goal,
        foreign_unconverted=[CurrencyAmount(currency=k, amount=kop(v)) for k, v in sorted(foreign.items())],
    )
    maturities.sort(key=lambda m: (m.day, m.bank_id, m.label, m.amount))
    return SavingsFigures(output, total, remaining, goal_days, tuple(maturities))
