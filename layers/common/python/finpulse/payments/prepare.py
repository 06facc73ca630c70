"""Everything a payment is checked against before any bank is asked to pay — shared by the quote
(which shows every check) and the payment (which is refused at the first failure).

Reads only: the caller's stored accounts and agreements, the dashboard (defaults, what is owed),
the bank identity, and at the bank the debtor's available balance now and, for an existing
consent, its terms and usage. Nothing is created anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, cast

from finpulse.banks.errors import BankError
from finpulse.banks.payments import PaymentConsentTerms, payment_consent
from finpulse.banks.registry import all_banks
from finpulse.banks.retry import Deadline
from finpulse.consents.records import ConsentRecord
from finpulse.errors import FinPulseError, NotFound
from finpulse.payments import bankside, checks, consent, defaults, resolve
from finpulse.payments.checks import Checks
from finpulse.payments.defaults import AmountSource
from finpulse.payments.records import Party, PaymentKind
from finpulse.payments.requests import PaymentRequest


@dataclass
class Existing:
    record: ConsentRecord
    terms: PaymentConsentTerms
    differences: list[str]


@dataclass
class Prepared:
    kind: PaymentKind
    checks: Checks = field(default_factory=Checks)
    debtor: Party | None = None
    target: resolve.Target | None = None
    amount: Decimal | None = None
    amount_source: AmountSource | None = None
    available: Decimal | None = None
    owed: Decimal | None = None
    customer_id: str | None = None
    existing: Existing | None = None
    # A bank or consent error met while reading: the payment answers with it (nothing was sent).
    error: FinPulseError | None = None

    @property
    def creditor(self) -> Party | None:
        return self.target.party if self.target else None

    @property
    def approval(self) -> Literal["auto", "manual"]:
        bank_id = self.debtor.bank_id if self.debtor else None
        return next((b.approval for b in all_banks() if b.bank_id == bank_id), "auto")


def prepare(
    user_id: str, kind: PaymentKind, request: PaymentRequest, deadline: Deadline, *, stop_early: bool
) -> Prepared:
    """`stop_early` (payments): no bank is read once a check has failed. The quote reads the bank
    whatever failed, except for an identity that is not the caller's."""
    p = Prepared(kind)
    c = p.checks
    held = resolve.holdings(user_id)
    p.debtor = resolve.debtor(held, request.debtor, c)
    need_dashboard = kind in ("mdp", "adp") or request.amount is None
    figures = defaults.figures(user_id) if need_dashboard else None
    target_ref = request.target or (figures.adp_target() if figures and kind == "adp" else None)
    if target_ref is None:
        c.fail("target", "TARGET_REQUIRED", f"Name the {kind.upper()}'s target (body.target)", "body.target")
    else:
        p.target = resolve.target(held, kind, target_ref, c)
    if p.debtor and p.creditor and p.debtor.number == p.creditor.number:
        c.fail(
            "distinct_accounts",
            "SAME_ACCOUNT",
            "The debtor and the creditor are the same account",
            "body.target",
        )
    amount, source = request.amount, cast(AmountSource | None, "request")
    if amount is None and figures is not None:
        amount, source = figures.default_amount(kind, p.target, held)
    p.amount_source = source if amount is not None else None
    p.amount = checks.amount(c, amount, source)
    if p.debtor is not None:
        checks.currency(c, request.currency, p.debtor.currency, p.creditor.currency if p.creditor else None)
    if p.amount is not None and p.target is not None and figures is not None and kind in ("mdp", "adp"):
        p.owed = figures.owed(p.target, held)
        checks.debt(c, p.amount, p.owed)
    _identity(user_id, p)
    if request.consent_id is not None:
        _existing(user_id, request.consent_id, p, deadline, stop_early)
    elif p.debtor is not None:
        c.ok("consent", "A single-use consent for exactly this payment will be requested")
    # The bank is asked about the debtor only for an identity that is the caller's own.
    if p.customer_id is not None and p.amount is not None and not (stop_early and not c.passed):
        _available(user_id, p, deadline)
    return p


def _identity(user_id: str, p: Prepared) -> None:
    """Both ends are the caller's own accounts: each bank's identity must be theirs (and verified
    where the bank requires it) before any bank is asked anything about this payment."""
    banks = [party.bank_id for party in (p.debtor, p.creditor) if party is not None]
    if not banks:
        return
    try:
        customer = bankside.payable(user_id, *banks)
    except FinPulseError as exc:
        p.error = p.error or exc
        p.checks.fail("identity", exc.code, exc.message, "body.debtor.bank_id")
        return
    if p.debtor is not None:
        p.customer_id = customer
    p.checks.ok("identity", "Your identity is confirmed at " + " and ".join(dict.fromkeys(banks)))


def _existing(user_id: str, consent_id: str, p: Prepared, deadline: Deadline, stop_early: bool) -> None:
    from finpulse.consents.lifecycle import find_for_caller

    if p.debtor is None:
        return
    try:
        record: ConsentRecord | None = find_for_caller(user_id, consent_id, p.debtor.bank_id)
    except NotFound:
        record = None
    if not consent.existing(p.checks, record, p.debtor.bank_id, p.debtor.number) or record is None:
        return
    if (
        p.amount is None
        or p.creditor is None
        or p.customer_id is None
        or (stop_early and not p.checks.passed)
    ):
        return
    assert record.consent_id is not None
    try:
        terms = payment_consent(
            bankside.client(record.bank_id), record.consent_id, record.customer_id, deadline
        )
    except BankError as exc:
        p.error = p.error or exc
        p.checks.fail(
            "consent_limits", exc.code, f"The bank could not be asked about the consent: {exc.message}"
        )
        return
    p.existing = Existing(record, terms, consent.differences(record.options, terms))
    checks.consent_limits(
        p.checks, terms, value=p.amount, debtor_number=p.debtor.number, creditor_number=p.creditor.number
    )


def _available(user_id: str, p: Prepared, deadline: Deadline) -> None:
    assert p.debtor is not None
    assert p.amount is not None
    debtor = p.debtor
    p.available, error = bankside.asked(
        p.checks,
        "available_balance",
        "The debtor's balance",
        lambda: bankside.available_now(user_id, debtor, deadline),
        "body.debtor",
    )
    if error is not None:
        p.error = p.error or error
        return
    checks.available(p.checks, p.amount, p.available)
