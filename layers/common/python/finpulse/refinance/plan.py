"""What a refinance would do, checked before anything starts — shared by the quote and the start.

The figures are the refinance recommendation's own (the cached dashboard's
`recommendations.refinance` offer for this loan and product: old and new payment, saving net of
commission, break-even month); nothing is recomputed here. The checks: the offer exists now; the
new bank's product consent allows opening a loan of that amount (read at the bank now); the old
bank's product consent allows closing it; the user's identity at both banks is theirs (the
payments' `ensure_payable`); a current account at the new bank receives the new loan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from finpulse.agreements import consent, eligibility
from finpulse.banks.retry import Deadline
from finpulse.domain import AccountKind, AgreementKind
from finpulse.errors import FinPulseError
from finpulse.payments import bankside, resolve
from finpulse.payments.checks import Checks
from finpulse.payments.records import Party
from finpulse.refinance.records import Figures, NewLoan, OldLoan


@dataclass
class Plan:
    checks: Checks = field(default_factory=Checks)
    old: OldLoan | None = None
    new: NewLoan | None = None
    payout: Party | None = None
    figures: Figures | None = None
    error: FinPulseError | None = None


def _offer(user_id: str, loan_ref: str, bank_id: str, product_id: str) -> dict[str, Any] | None:
    from finpulse.dashboard import service

    data = service.get(user_id).data
    offers = (data.get("recommendations") or {}).get("refinance") or []
    return next(
        (
            o
            for o in offers
            if o["loan"] == loan_ref and o["offer_bank_id"] == bank_id and o["product_id"] == product_id
        ),
        None,
    )


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def plan(
    user_id: str,
    loan_bank: str,
    agreement_id: str,
    offer_bank: str,
    product_id: str,
    deadline: Deadline,
    *,
    stop_early: bool,
) -> Plan:
    p = Plan()
    c = p.checks
    offer = _offer(user_id, f"{loan_bank}/{agreement_id}", offer_bank, product_id)
    if offer is None:
        c.fail(
            "offer",
            "OFFER_NOT_FOUND",
            "No such refinance offer for this loan now (see GET /api/refinance/optimize-loans)",
            "body",
        )
        return p
    c.ok(
        "offer",
        f"{offer['product_name']} at {offer_bank}: {offer['new_rate']} % "
        f"instead of {offer['current_rate']} %",
    )
    p.figures = Figures(
        current_payment=_dec(offer["current_payment"]),
        new_payment=_dec(offer["new_payment"]),
        monthly_saving=_dec(offer["monthly_saving"]),
        commission=_dec(offer["commission"]),
        total_saving=_dec(offer["total_saving"]),
        break_even_month=int(offer["break_even_month"]),
    )
    held = resolve.holdings(user_id)
    _loans(user_id, held, loan_bank, agreement_id, offer_bank, product_id, offer, p)
    if p.old is None or p.new is None:
        return p
    try:
        bankside.payable(user_id, offer_bank, loan_bank)
        c.ok("identity", f"Your identity is confirmed at {offer_bank} and {loan_bank}")
    except FinPulseError as exc:
        p.error = exc
        c.fail("identity", exc.code, exc.message)
        return p
    if stop_early and not c.passed:
        return p
    _consents(user_id, p, deadline)
    return p


def _loans(
    user_id: str,
    held: resolve.Holdings,
    loan_bank: str,
    agreement_id: str,
    offer_bank: str,
    product_id: str,
    offer: dict[str, Any],
    p: Plan,
) -> None:
    from finpulse.dashboard import service

    c = p.checks
    loan = held.agreement(loan_bank, agreement_id)
    account = next(
        (
            a
            for a in held.accounts
            if loan and a.bank_id == loan_bank and a.number and a.number == loan.account_number
        ),
        None,
    )
    if loan is None or loan.kind is not AgreementKind.LOAN or account is None or not account.number:
        c.fail(
            "old_loan",
            "LOAN_NOT_FOUND",
            "No such loan of yours (with its own account) at this bank",
            "body.loan",
        )
        return
    debt = next(
        (
            x
            for x in service.get(user_id).data["debt"]["loans"]
            if (x["bank_id"], x["agreement_id"]) == (loan_bank, agreement_id)
        ),
        None,
    )
    outstanding = _dec(debt["outstanding"]) if debt and debt.get("outstanding") is not None else None
    if outstanding is None or outstanding <= 0:
        c.fail(
            "old_loan", "NOTHING_OUTSTANDING", "The loan has nothing outstanding to refinance", "body.loan"
        )
        return
    c.ok("old_loan", f"{loan.product_name or agreement_id} at {loan_bank}: {outstanding:.2f} outstanding")
    party = Party(
        bank_id=loan_bank,
        account_id=account.account_id,
        agreement_id=agreement_id,
        number=account.number,
        currency=account.currency,
        kind="loan",
        name=loan.product_name,
    )
    p.old = OldLoan(
        bank_id=loan_bank,
        agreement_id=agreement_id,
        product_name=loan.product_name,
        outstanding=outstanding,
        rate=loan.interest_rate,
        party=party,
    )
    payout = next(
        (
            a
            for a in held.accounts
            if a.bank_id == offer_bank and a.kind is AccountKind.CURRENT and a.enabled and a.number
        ),
        None,
    )
    if payout is None or payout.number is None:
        c.fail(
            "payout_account",
            "PAYOUT_ACCOUNT_MISSING",
            f"You need a current account at {offer_bank} to receive the new loan",
        )
        return
    c.ok("payout_account", f"The new loan is paid out to {payout.masked_number or '****'} at {offer_bank}")
    p.payout = Party(
        bank_id=offer_bank,
        account_id=payout.account_id,
        number=payout.number,
        currency=payout.currency,
        kind="current",
        name=payout.nickname or "",
    )
    commission = _dec(offer["commission"])
    p.new = NewLoan(
        bank_id=offer_bank,
        product_id=product_id,
        product_name=str(offer["product_name"]),
        rate=_dec(offer["new_rate"]),
        term_months=int(offer["term_months"]),
        amount=outstanding + commission,
        commission=commission,
    )


def _consents(user_id: str, p: Plan, deadline: Deadline) -> None:
    assert p.old is not None
    assert p.new is not None
    opening = p.new.bank_id
    for bank_id in (p.new.bank_id, p.old.bank_id):
        record = consent.current(user_id, bank_id)
        terms = None
        if record is not None:
            terms, error = bankside.asked(
                p.checks,
                "product_consent",
                f"{bank_id}'s product consent",
                partial(consent.bank_terms, record, deadline),
            )
            if error is not None:
                p.error = p.error or error
                continue
        verdict = (
            eligibility.to_open(terms, "loan", p.new.amount)
            if bank_id == opening
            else eligibility.to_close(terms, AgreementKind.LOAN)
        )
        # The field names the bank whose consent is short, so the app can offer to fix that one.
        field = "body.offer.bank_id" if bank_id == opening else "body.loan.bank_id"
        for missing in verdict.missing:
            p.checks.fail("product_consent", missing.code, f"{bank_id}: {missing.message}", field)
        if verdict.allowed:
            what = "opening the new loan" if bank_id == opening else "closing the old loan"
            p.checks.ok("product_consent", f"{bank_id}: the product consent allows {what}")
