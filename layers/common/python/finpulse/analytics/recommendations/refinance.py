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
from finpulse.analytics.money import HUNDRED, ZERO, ceil_int, kop
from finpulse.analytics.result_plan import RefinanceOffer
from finpulse.domain import Product, ProductKind


def remaining_cost(loan: LoanCalc) -> Decimal | None:
    if loan.schedule:
        return sum((p.amount for p in loan.schedule), ZERO)
    if loan.monthly_payment is None or loan.remaining_months is None:
        return None
    return loan.monthly_payment * loan.remaining_months


def offers_for(loan: LoanCalc, products: Sequence[Product], base_currency: str) -> list[RefinanceOffer]:
    current_cost = remaining_cost(loan)
    if loan.rate is None or loan.remaining_months is None or current_cost is None or loan.outstanding <= 0:
        return []
    balance = loan.outstanding
    current_payment = loan.monthly_payment or ZERO
    offers: list[RefinanceOffer] = []
    for product in products:
        rate = product.best_rate_for_borrower
        if product.kind is not ProductKind.LOAN or rate is None or rate >= loan.rate:
            continue
        if product.currency != base_currency:
            continue
        if product.bank_id == loan.bank_id and product.product_id == loan.product_id:
            continue  # the loan's own product is not a refinance
        if product.min_amount is not None and balance < product.min_amount:
            continue
        if product.max_amount is not None and balance > product.max_amount:
            continue
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
    return offers[: c.MAX_OFFERS_PER_LOAN]


def compute_refinance(
    loans: Sequence[LoanCalc], products: Sequence[Product], base_currency: str
) -> list[RefinanceOffer]:
    return [offer for loan in loans for offer in offers_for(loan, products, base_currency)]
