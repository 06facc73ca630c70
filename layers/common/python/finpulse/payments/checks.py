"""Every check a payment passes before a bank is asked to pay, each with its own error code.

A `Checks` collects them in order; the quote shows them all, a payment is refused with the first
failure (and every failure in `details`). The checks here are pure; the ones that need the bank
(the available balance now, the consent's current usage) feed their answers in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.payments import PaymentConsentTerms
from finpulse.payments.errors import Failed, PaymentRefused, refusal

MAX_AMOUNT = Decimal("100000000")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str
    code: str | None = None
    field: str | None = None


@dataclass
class Checks:
    results: list[Check] = field(default_factory=list)

    def ok(self, name: str, message: str) -> None:
        self.results.append(Check(name, True, message))

    def fail(self, name: str, code: str, message: str, field: str | None = None) -> None:
        self.results.append(Check(name, False, message, code, field))

    @property
    def failures(self) -> list[Failed]:
        return [Failed(c.code or "PAYMENT_REFUSED", c.message, c.field) for c in self.results if not c.ok]

    @property
    def passed(self) -> bool:
        return all(c.ok for c in self.results)

    def raise_first(self, more: Mapping[str, type[PaymentRefused]] | None = None) -> None:
        if not self.passed:
            raise refusal(self.failures, more)


def _money(amount: Decimal) -> str:
    return f"{amount.quantize(CENT):,.2f}".replace(",", " ")


def amount(checks: Checks, value: Decimal | None, source: str | None) -> Decimal | None:
    """> 0, at most two decimals, at most 100 000 000; None (and a failure) when unusable."""
    if value is None:
        checks.fail(
            "amount",
            "AMOUNT_REQUIRED",
            "Give an amount: there is no default for this payment now",
            "body.amount",
        )
        return None
    if value <= 0:
        checks.fail("amount", "AMOUNT_NOT_POSITIVE", "The amount must be greater than zero", "body.amount")
        return None
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        checks.fail("amount", "AMOUNT_PRECISION", "The amount can have at most two decimals", "body.amount")
        return None
    if value > MAX_AMOUNT:
        checks.fail("amount", "AMOUNT_TOO_LARGE", f"At most {_money(MAX_AMOUNT)} per payment", "body.amount")
        return None
    where = {"request": "as given"}.get(source or "", f"default: {source}")
    checks.ok("amount", f"{_money(value)} ({where})")
    return value.quantize(CENT)


def currency(checks: Checks, asked: str | None, debtor: str, creditor: str | None) -> bool:
    wanted = {c for c in (asked, debtor, creditor) if c}
    if len(wanted) > 1:
        checks.fail(
            "currency",
            "CURRENCY_MISMATCH",
            f"The payment must be in the accounts' currency ({debtor})",
            "body.currency",
        )
        return False
    checks.ok("currency", debtor)
    return True


def available(checks: Checks, value: Decimal, balance: Decimal | None) -> None:
    if balance is None:
        checks.fail(
            "available_balance",
            "INSUFFICIENT_FUNDS",
            "The bank reported no available balance for the debtor account",
            "body.debtor",
        )
    elif value > balance:
        checks.fail(
            "available_balance",
            "INSUFFICIENT_FUNDS",
            f"Only {_money(balance)} is available on the debtor account now",
            "body.amount",
        )
    else:
        checks.ok("available_balance", f"{_money(balance)} available now")


def debt(checks: Checks, value: Decimal, outstanding: Decimal | None) -> None:
    """Loans and cards: never pay more than is owed."""
    if outstanding is None:
        checks.ok("outstanding", "The bank reported no outstanding amount; it checks the payment itself")
    elif value > outstanding:
        checks.fail(
            "outstanding",
            "AMOUNT_EXCEEDS_DEBT",
            f"Only {_money(outstanding)} is owed on the target",
            "body.amount",
        )
    else:
        checks.ok("outstanding", f"{_money(outstanding)} owed")


def consent_limits(
    checks: Checks,
    terms: PaymentConsentTerms,
    *,
    value: Decimal,
    debtor_number: str,
    creditor_number: str,
    now: datetime | None = None,
) -> None:
    """An existing consent, as the bank reports it now: usable, and the payment within its limits."""
    now = now or datetime.now(UTC)
    if terms.status is not ConsentStatus.APPROVED or (
        terms.expires_at is not None and terms.expires_at <= now
    ):
        checks.fail(
            "consent",
            "CONSENT_NOT_USABLE",
            f"The payment consent is {terms.raw_status.lower()} at the bank",
            "body.consent_id",
        )
        return
    if terms.debtor_account and terms.debtor_account != debtor_number:
        checks.fail(
            "consent",
            "CONSENT_NOT_USABLE",
            "The consent was given for another debtor account",
            "body.consent_id",
        )
        return
    allowed = terms.allowed_creditor_accounts or ([terms.creditor_account] if terms.creditor_account else [])
    if allowed and creditor_number not in allowed:
        checks.fail(
            "consent", "CONSENT_NOT_USABLE", "The consent does not allow this creditor", "body.target"
        )
        return
    checks.ok("consent", f"{terms.consent_type or 'payment'} consent, {terms.raw_status}")
    used = terms.used_count or 0
    if terms.used_up or (terms.max_uses is not None and used >= terms.max_uses):
        checks.fail(
            "consent_limits", "CONSENT_USED_UP", "The consent has no payments left", "body.consent_id"
        )
        return
    caps = [
        ("single-use amount", terms.amount, value),
        ("per-payment limit", terms.max_amount_per_payment, value),
        ("VRP per-payment limit", terms.vrp_max_individual_amount, value),
        ("total limit", terms.max_total_amount, (terms.used_amount or 0) + value),
        ("daily limit", terms.vrp_daily_limit, (terms.used_today or 0) + value),
        ("monthly limit", terms.vrp_monthly_limit, (terms.used_this_month or 0) + value),
    ]
    for label, limit, total in caps:
        if limit is not None and total > limit:
            checks.fail(
                "consent_limits",
                "CONSENT_LIMIT_EXCEEDED",
                f"Over the consent's {label} of {_money(limit)}",
                "body.amount",
            )
            return
    checks.ok("consent_limits", "Within the consent's limits")
