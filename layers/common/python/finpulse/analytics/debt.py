"""Debt: loans (outstanding principal) and credit cards (used amount — never the limit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from finpulse.analytics.cards import (
    CardCalc,
    card_from_account,
    card_from_agreement,
    card_row,
    unlinked_card_accounts,
)
from finpulse.analytics.dates import months_remaining, next_monthly_on_or_after, shift_months
from finpulse.analytics.loan_balance import OwedSource, loan_accounts_owed, owed_on
from finpulse.analytics.loanmath import annuity_payment
from finpulse.analytics.money import ZERO, Converter, kop, kop_or_none, median
from finpulse.analytics.results import Card, CurrencyAmount, Debt, Loan, PaymentSource
from finpulse.domain import Account, AccountKind, Agreement, AgreementKind, Balance, FinancialInputs


@dataclass(frozen=True, slots=True)
class Payment:
    day: date
    amount: Decimal
    estimated: bool


@dataclass(frozen=True, slots=True)
class LoanCalc:
    ref: str
    bank_id: str
    product_id: str | None
    name: str
    outstanding: Decimal
    rate: Decimal | None
    monthly_payment: Decimal | None
    source: PaymentSource
    remaining_months: int | None
    maturity: date | None
    next_date: date | None
    date_estimated: bool
    schedule: tuple[Payment, ...]
    """Unpaid schedule entries from today on (empty when the bank sent no schedule)."""
    overdue: Decimal
    owed_source: OwedSource = "account"
    note: str | None = None
    """Why the amount owed is what it is, when the bank's figures disagree."""

    @property
    def estimated(self) -> bool:
        return self.source in ("annuity_estimate", "observed") or self.date_estimated

    def next_payment(self) -> Payment | None:
        if self.schedule:
            return self.schedule[0]
        if self.next_date is None or self.monthly_payment is None:
            return None
        return Payment(self.next_date, self.monthly_payment, self.estimated)

    def payments_between(self, start: date, end: date) -> list[Payment]:
        if self.schedule:
            return [p for p in self.schedule if start <= p.day < end]
        if self.next_date is None or self.monthly_payment is None or self.monthly_payment <= ZERO:
            return []
        out: list[Payment] = []
        step, first = 0, self.next_date
        current = first
        while current < end and (self.maturity is None or current <= self.maturity):
            if current >= start:
                out.append(Payment(current, self.monthly_payment, self.estimated))
            step += 1
            current = shift_months(first, step)
        return out


@dataclass(frozen=True, slots=True)
class DebtFigures:
    output: Debt
    loans: tuple[LoanCalc, ...]
    cards: tuple[CardCalc, ...]
    total: Decimal
    overdue: Decimal
    monthly_payments: Decimal
    notes: tuple[str, ...] = ()


def _remaining(agreement: Agreement, today: date) -> tuple[int | None, date | None]:
    maturity = agreement.maturity_date
    if maturity is None and agreement.start_date is not None and agreement.term_months is not None:
        maturity = shift_months(agreement.start_date, agreement.term_months)
    if maturity is None or maturity < today:
        return None, maturity
    return months_remaining(today, maturity), maturity


def observed_payment(payments: list[tuple[date, Decimal]]) -> tuple[Decimal, int] | None:
    """What the user has actually been paying: median of the last three payments naming the loan,
    and the lower-median day of month. Needs at least two payments (one may be a one-off)."""
    if len(payments) < 2:
        return None
    ordered = sorted(payments)
    days = sorted(d.day for d, _ in ordered)
    return kop(median([a for _, a in ordered[-3:]])), days[(len(days) - 1) // 2]


def _loan(
    agreement: Agreement,
    today: date,
    inputs: FinancialInputs,
    paid_today: set[str],
    observed: tuple[Decimal, int] | None,
    converter: Converter,
    account_owed: Decimal | None = None,
) -> LoanCalc | None:
    rate_to_base = converter.to_base(Decimal(1), agreement.currency)
    if rate_to_base is None:
        return None
    owed = owed_on(agreement, account_owed)
    outstanding = (owed.amount or ZERO) * rate_to_base
    paid = agreement.agreement_id in paid_today
    override = next(
        (o for o in inputs.credit_payment_overrides if (o.bank_id, o.agreement_id) == agreement.key), None
    )
    schedule = tuple(
        Payment(i.due_date, i.amount * rate_to_base, False)
        for i in sorted(agreement.schedule, key=lambda i: (i.due_date, i.amount))
        if not i.paid and i.due_date >= today and not (paid and i.due_date == today)
    )
    remaining, maturity = _remaining(agreement, today)
    if schedule:
        remaining = len(schedule)
    payment: Decimal | None
    source: PaymentSource
    if override is not None:
        payment, source = override.monthly_payment * rate_to_base, "override"
    elif schedule:
        payment, source = schedule[0].amount, "schedule"
    elif agreement.monthly_payment is not None:
        payment, source = agreement.monthly_payment * rate_to_base, "bank"
    elif observed is not None:
        payment, source = observed[0], "observed"
    elif remaining is not None and outstanding > ZERO:
        payment = annuity_payment(outstanding, agreement.interest_rate or ZERO, remaining)
        source = "annuity_estimate"
    else:
        payment, source = None, "unknown"
    due_day = override.due_day if override else None
    observed_day = observed[1] if observed is not None else None
    next_date, date_estimated = _next_date(agreement, today, paid, due_day, observed_day, maturity)
    if schedule and override is None:
        next_date, date_estimated = schedule[0].day, False
    return LoanCalc(
        ref=f"{agreement.bank_id}/{agreement.agreement_id}",
        bank_id=agreement.bank_id,
        product_id=agreement.product_id,
        name=agreement.product_name or agreement.agreement_id,
        outstanding=outstanding,
        rate=agreement.interest_rate,
        monthly_payment=payment,
        source=source,
        remaining_months=remaining,
        maturity=maturity,
        next_date=next_date,
        date_estimated=date_estimated,
        schedule=schedule if override is None else (),
        overdue=agreement.overdue_amount * rate_to_base,
        owed_source=owed.source,
        note=owed.note or _overdue_unstated(agreement),
    )


_OVERDUE_WORDS = ("overdue", "past", "delinquent", "arrears", "просроч")


def _overdue_unstated(agreement: Agreement) -> str | None:
    """A loan the bank marks overdue without saying by how much: said, not hidden."""
    status = agreement.status.lower()
    if agreement.overdue_amount > ZERO or not any(word in status for word in _OVERDUE_WORDS):
        return None
    name = agreement.product_name or agreement.agreement_id
    return (
        f"Банк отмечает кредит «{name}» как просроченный, но не сообщает сумму просрочки — "
        "уточните её в банке"
    )


def _next_date(
    agreement: Agreement,
    today: date,
    paid_today: bool,
    due_day: int | None,
    observed_day: int | None,
    maturity: date | None,
) -> tuple[date | None, bool]:
    """Next instalment date without a schedule, and whether it is an estimate."""
    stated = agreement.next_payment_date
    if due_day is None and stated is not None and (stated > today or (stated == today and not paid_today)):
        return stated, False
    day: int
    if due_day is not None:
        day, estimated = due_day, False
    elif stated is not None:
        day, estimated = stated.day, False
    elif observed_day is not None:
        day, estimated = observed_day, True
    elif agreement.start_date is not None:
        day, estimated = agreement.start_date.day, True
    elif maturity is not None:
        day, estimated = maturity.day, True
    else:
        return None, True
    candidate = next_monthly_on_or_after(day, today)
    if candidate == today and paid_today:
        candidate = next_monthly_on_or_after(day, today + timedelta(days=1))
    if maturity is not None and candidate > maturity:
        return None, estimated
    return candidate, estimated


def compute_debt(
    agreements: Sequence[Agreement],
    accounts: Sequence[Account],
    balances: dict[tuple[str, str], list[Balance]],
    inputs: FinancialInputs,
    today: date,
    loans_paid_today: set[str],
    loan_payments: dict[str, list[tuple[date, Decimal]]],
    converter: Converter,
) -> DebtFigures:
    loans: list[LoanCalc] = []
    loan_rows: list[Loan] = []
    cards: list[CardCalc] = []
    card_rows: list[Card] = []
    foreign: dict[str, Decimal] = {}
    card_accounts = {a.number: a for a in accounts if a.kind is AccountKind.CREDIT_CARD and a.number}
    linked_numbers: set[str] = set()
    owed_by_account = loan_accounts_owed(accounts, balances)
    for agreement in agreements:
        if not agreement.active:
            continue
        if agreement.kind is AgreementKind.LOAN:
            observed = observed_payment(loan_payments.get(agreement.agreement_id, []))
            account_owed = owed_by_account.get(agreement.account_number or "")
            loan = _loan(agreement, today, inputs, loans_paid_today, observed, converter, account_owed)
            if loan is None:
                owed = owed_on(agreement, account_owed).amount
                foreign[agreement.currency] = foreign.get(agreement.currency, ZERO) + (owed or ZERO)
                continue
            loans.append(loan)
            loan_rows.append(_loan_row(agreement, loan))
        elif agreement.kind is AgreementKind.CREDIT_CARD:
            linked = card_accounts.get(agreement.account_number or "")
            if linked is not None and linked.number:
                linked_numbers.add(linked.number)
            made = card_from_agreement(agreement, today, linked, balances, converter)
            if made is None:
                foreign[agreement.currency] = foreign.get(agreement.currency, ZERO) + (
                    agreement.used_amount or ZERO
                )
                continue
            card, source = made
            cards.append(card)
            card_rows.append(card_row(card, source, agreement.currency))
    for account in unlinked_card_accounts(accounts, linked_numbers):
        unlinked = card_from_account(account, balances, converter)
        if unlinked is not None:
            cards.append(unlinked)
            card_rows.append(card_row(unlinked, "account", account.currency))
    notes = tuple(n for n in (*(loan.note for loan in loans), *(card.note for card in cards)) if n)
    loans_total = sum((loan.outstanding for loan in loans), ZERO)
    cards_total = sum((card.used for card in cards), ZERO)
    overdue = sum((loan.overdue for loan in loans), ZERO) + sum((card.overdue for card in cards), ZERO)
    monthly = sum((loan.monthly_payment or ZERO for loan in loans), ZERO) + sum(
        (card.min_payment for card in cards), ZERO
    )
    output = Debt(
        total=kop(loans_total + cards_total),
        loans_total=kop(loans_total),
        cards_used_total=kop(cards_total),
        overdue_total=kop(overdue),
        monthly_payments=kop(monthly),
        loans=loan_rows,
        cards=card_rows,
        foreign_unconverted=[CurrencyAmount(currency=k, amount=kop(v)) for k, v in sorted(foreign.items())],
    )
    return DebtFigures(
        output=output,
        loans=tuple(loans),
        cards=tuple(cards),
        total=loans_total + cards_total,
        overdue=overdue,
        monthly_payments=monthly,
        notes=notes,
    )


def _loan_row(agreement: Agreement, loan: LoanCalc) -> Loan:
    upcoming = loan.next_payment()
    return Loan(
        bank_id=agreement.bank_id,
        agreement_id=agreement.agreement_id,
        name=loan.name,
        currency=agreement.currency,
        outstanding=kop(loan.outstanding),
        outstanding_is_principal=loan.owed_source == "principal",
        rate=loan.rate,
        monthly_payment=kop_or_none(loan.monthly_payment),
        payment_source=loan.source,
        next_payment_date=loan.next_date,
        next_payment_amount=None if upcoming is None else kop(upcoming.amount),
        estimated=loan.estimated,
        remaining_months=loan.remaining_months,
        maturity_date=loan.maturity,
        overdue=kop(loan.overdue),
        masked_account_number=agreement.masked_account_number,
    )
