"""Every check before a bank is asked to close a deposit, and what the close would return — shared
by the close quote and the close (refused at the first failure, nothing sent to the bank).

What comes back is the deposit account's balance at the bank now; the interest lost by closing
early is worked out by the product's terms (finpulse.analytics.deposit_interest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from finpulse import clock
from finpulse.agreements import consent, eligibility
from finpulse.agreements.eligibility import ConsentTerms
from finpulse.agreements.requests import CloseRequest
from finpulse.analytics import deposit_interest
from finpulse.banks.retry import Deadline
from finpulse.domain import Agreement, AgreementKind
from finpulse.errors import FinPulseError
from finpulse.payments import bankside, resolve
from finpulse.payments.checks import Checks
from finpulse.payments.records import Party

CLOSABLE = frozenset({AgreementKind.DEPOSIT})


@dataclass
class PreparedClose:
    checks: Checks = field(default_factory=Checks)
    agreement: Agreement | None = None
    deposit: Party | None = None
    to: Party | None = None
    returned: Decimal | None = None
    interest_at_maturity: Decimal | None = None
    interest_lost: Decimal | None = None
    early: bool | None = None
    customer_id: str | None = None
    terms: ConsentTerms | None = None
    error: FinPulseError | None = None

    @property
    def credited(self) -> Decimal | None:
        a = self.agreement
        if self.returned is None or a is None or a.principal is None:
            return None
        return max(Decimal(0), self.returned - a.principal)


def prepare_close(
    user_id: str, agreement_id: str, request: CloseRequest, deadline: Deadline, *, stop_early: bool
) -> PreparedClose:
    p = PreparedClose()
    c = p.checks
    held = resolve.holdings(user_id)
    _agreement(held, request.bank_id, agreement_id, p)
    p.to = resolve.debtor(held, request.to, c)
    if p.to is not None and p.to.bank_id != request.bank_id:
        c.fail("to_bank", "ACCOUNT_AT_OTHER_BANK", "The money goes to an account at the same bank", "body.to")
        p.to = None
    try:
        p.customer_id = bankside.payable(user_id, request.bank_id)
        c.ok("identity", f"Your identity is confirmed at {request.bank_id}")
    except FinPulseError as exc:
        p.error = exc
        c.fail("identity", exc.code, exc.message, "body.bank_id")
    if p.customer_id is None or (stop_early and not c.passed):
        return p
    _consent(user_id, request.bank_id, p, deadline)
    if p.deposit is not None and not (stop_early and not c.passed):
        _balance_now(user_id, p, deadline)
    return p


def _agreement(held: resolve.Holdings, bank_id: str, agreement_id: str, p: PreparedClose) -> None:
    c = p.checks
    a = held.agreement(bank_id, agreement_id)
    if a is None:
        c.fail(
            "agreement", "AGREEMENT_NOT_FOUND", "No such agreement of yours at this bank", "path.agreement_id"
        )
        return
    if a.kind not in CLOSABLE:
        c.fail(
            "agreement",
            "PRODUCT_KIND_NOT_SUPPORTED",
            f"Only deposits can be closed here, not {a.kind.value}s",
        )
        return
    if not a.active:
        c.fail("agreement", "AGREEMENT_NOT_ACTIVE", f"The deposit is {a.status}")
        return
    c.ok("agreement", f"{a.product_name or a.agreement_id} at {bank_id}")
    p.agreement = a
    account = next(
        (x for x in held.accounts if x.bank_id == bank_id and x.number and x.number == a.account_number), None
    )
    if account is not None and account.number:
        p.deposit = Party(
            bank_id=bank_id,
            account_id=account.account_id,
            agreement_id=a.agreement_id,
            number=account.number,
            currency=account.currency,
            kind="deposit",
            name=a.product_name,
        )


def _consent(user_id: str, bank_id: str, p: PreparedClose, deadline: Deadline) -> None:
    record = consent.current(user_id, bank_id)
    if record is not None:
        p.terms, error = bankside.asked(
            p.checks, "product_consent", "The product consent", lambda: consent.bank_terms(record, deadline)
        )
        if error is not None:
            p.error = p.error or error
            return
    verdict = eligibility.to_close(p.terms, AgreementKind.DEPOSIT)
    for missing in verdict.missing:
        p.checks.fail("product_consent", missing.code, missing.message)
    if verdict.allowed:
        p.checks.ok("product_consent", "The product consent allows closing it")


def _balance_now(user_id: str, p: PreparedClose, deadline: Deadline) -> None:
    assert p.deposit is not None
    a = p.agreement
    assert a is not None
    deposit = p.deposit
    p.returned, error = bankside.asked(
        p.checks,
        "balance",
        "The deposit's balance",
        lambda: bankside.available_now(user_id, deposit, deadline),
    )
    if error is not None:
        p.error = p.error or error
        return
    if p.returned is None:
        p.checks.fail("balance", "BALANCE_UNKNOWN", "The bank reported no balance for the deposit")
        return
    p.checks.ok("balance", f"{p.returned:.2f} comes back")
    today = clock.now().date()
    if a.interest_rate is None or a.principal is None or a.start_date is None or a.maturity_date is None:
        return
    p.early = today < a.maturity_date
    p.interest_at_maturity = deposit_interest.interest(
        a.principal, a.interest_rate, a.start_date, a.maturity_date
    )
    p.interest_lost = deposit_interest.lost_if_closed(
        a.principal, a.interest_rate, a.start_date, a.maturity_date, p.returned, today
    )
