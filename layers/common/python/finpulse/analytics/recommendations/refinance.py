"""Refinance offers: loan products from every connected bank's catalog that would cost less.

For a loan with outstanding B, remaining n months and current payment P, an offer at rate r' and
term n' = min(n, product term) costs P'·n' + commission, P' the annuity of B at r' over n'.
It is shown only if the monthly payment drops and the total saving
    (remaining cost − P'·n' − commission)
is at least MIN_REFINANCE_SAVING. Break-even is the first month whose cumulative payment saving
covers the commission.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.debt import LoanCalc
from finpulse.analytics.loanmath import annuity_payment
from finpulse.analytics.money import HUNDRED, ZERO, ceil_int, kop, rub
from finpulse.analytics.result_plan import RefinanceOffer, RefinanceReason
from finpulse.domain import Product, ProductKind


def remaining_cost(loan: LoanCalc) -> Decimal | None:
    if loan.schedule:
        return sum((p.amount for p in loan.schedule), ZERO)
    if loan.monthly_payment is None or loan.remaining_months is None:
        return None
    return loan.monthly_payment * loan.remaining_months


def _unpriceable(loan: LoanCalc, current_cost: Decimal | None) -> str | None:
    """Why a loan cannot be compared with any offer, if it cannot."""
    if loan.rate is None:
        return "банк не сообщил ставку — не с чем сравнить"
    if loan.remaining_months is None or current_cost is None:
        return "неизвестны срок или ежемесячный платёж — укажите платёж в профиле"
    return None


def offers_for(
    loan: LoanCalc, products: Sequence[Product], base_currency: str
) -> tuple[list[RefinanceOffer], str | None]:
    """The loan's offers, best first, and — when there are none — why, in words."""
    current_cost = remaining_cost(loan)
    unpriceable = _unpriceable(loan, current_cost)
    if unpriceable or loan.rate is None or loan.remaining_months is None or current_cost is None:
        return [], unpriceable
    balance = loan.outstanding
    current_payment = loan.monthly_payment or ZERO
    offers: list[RefinanceOffer] = []
    cheaper = fitting = 0
    for product in products:
        rate = product.best_rate_for_borrower
        if product.kind is not ProductKind.LOAN or rate is None or rate >= loan.rate:
            continue
        if product.currency != base_currency:
            continue
        if product.bank_id == loan.bank_id and product.product_id == loan.product_id:
            continue  # the loan's own product is not a refinance
        cheaper += 1
        if product.min_amount is not None and balance < product.min_amount:
            continue
        if product.max_amount is not None and balance > product.max_amount:
            continue
        fitting += 1
        term = loan.remaining_months
        if product.term_months is not None:
            term = min(term, product.term_months)
        payment = annuity_payment(balance, rate, term)
        commission = kop(product.commission_amount + balance * product.commission_percent / HUNDRED)
        monthly_saving = current_payment - payment
        total_saving = current_cost - payment * term - commission
        if monthly_saving <= ZERO or total_saving < c.MIN_REFINANCE_SAVING:
            continue
        break_even = max(1, ceil_int(commission / monthly_saving))
        offers.append(
            RefinanceOffer(
                loan=loan.ref,
                offer_bank_id=product.bank_id,
                product_id=product.product_id,
                product_name=product.name or product.product_id,
                current_rate=loan.rate,
                new_rate=rate,
                term_months=term,
                current_payment=kop(current_payment),
                new_payment=payment,
                monthly_saving=kop(monthly_saving),
                commission=commission,
                total_saving=kop(total_saving),
                break_even_month=break_even,
            )
        )
    offers.sort(key=lambda o: (-o.total_saving, o.offer_bank_id, o.product_id))
    if offers:
        return offers[: c.MAX_OFFERS_PER_LOAN], None
    rate_text = f"{loan.rate.normalize():f}".replace(".", ",")
    if not cheaper:
        return [], f"в каталогах подключённых банков нет кредитов дешевле {rate_text} %"
    if not fitting:
        return [], f"кредиты дешевле {rate_text} % не выдают на {rub(balance)}"
    return [], f"кредиты дешевле есть, но выгода с учётом комиссии меньше {rub(c.MIN_REFINANCE_SAVING)}"


def compute_refinance(
    loans: Sequence[LoanCalc], products: Sequence[Product], base_currency: str
) -> tuple[list[RefinanceOffer], list[RefinanceReason]]:
    """Every loan's offers, and for each loan still owed that has none, the reason."""
    offers: list[RefinanceOffer] = []
    reasons: list[RefinanceReason] = []
    for loan in loans:
        if loan.outstanding <= ZERO:
            continue
        found, reason = offers_for(loan, products, base_currency)
        offers += found
        if reason:
            reasons.append(RefinanceReason(loan=loan.ref, reason=reason))
    return offers, reasons
