"""Product agreements: loans, deposits and cards held at a bank.

Banks return agreements in two steps: the list (`GET /product-agreements`, no interest rate) and
the detail call (rate, linked account balance). Anything the bank did not send stays `None`; the
engine flags figures it had to estimate rather than inventing data.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, CurrencyCode, Money, NonNegativeMoney, Rate
from finpulse.domain.masking import mask_account_number


class AgreementKind(StrEnum):
    LOAN = "loan"
    """Consumer loan, mortgage, car loan: anything repaid by instalments."""
    DEPOSIT = "deposit"
    CREDIT_CARD = "credit_card"
    DEBIT_CARD = "debit_card"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Instalment:
    """One line of a loan's repayment schedule."""

    due_date: date
    amount: NonNegativeMoney
    principal: NonNegativeMoney | None = None
    interest: NonNegativeMoney | None = None
    paid: bool = False


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Agreement:
    bank_id: str = Field(min_length=1)
    agreement_id: str = Field(min_length=1)
    kind: AgreementKind
    product_id: str | None = None
    product_name: str = ""
    product_type: str | None = None
    """The bank's own word (`loan`, `deposit`, `card`), kept for display."""
    status: str = "active"
    active: bool = True
    currency: CurrencyCode = "RUB"

    principal: NonNegativeMoney | None = None
    """Original amount: the loan taken, the sum deposited."""
    outstanding: NonNegativeMoney | None = None
    """Loans: principal still owed. Deposits: current deposit balance. Only what the bank states as
    such (`outstanding`); `None` if it did not say — loans then fall back to their own account's
    balance, else to `principal` (flagged)."""
    account_balance: Money | None = None
    """The detail call's `account_balance`, as sent: the balance of the account the agreement
    names — the loan's own account at some banks, the current account it is paid from at others
    (the public sandbox). The engine uses it only to cross-check a loan account's balance."""
    interest_rate: Rate | None = None
    """Annual percent; only the agreement detail call returns it."""
    term_months: int | None = Field(default=None, ge=1, le=600)
    start_date: date | None = None
    maturity_date: date | None = None
    schedule: tuple[Instalment, ...] = ()
    monthly_payment: NonNegativeMoney | None = None
    """The contractual instalment if the bank states it (cards: the minimum payment)."""
    next_payment_date: date | None = None
    """For cards and loans without a schedule, when the bank states the next due date."""
    overdue_amount: NonNegativeMoney = Decimal(0)
    """Amount past due now (principal, interest and penalties the bank reports as overdue)."""
    credit_limit: NonNegativeMoney | None = None
    """Cards only: the limit. Never debt by itself."""
    used_amount: NonNegativeMoney | None = None
    """Cards only: the part of the limit in use — this, not the limit, is debt."""
    account_number: str | None = Field(default=None, repr=False)
    """The linked account number (where instalments are paid / deposit funds sit). Full number:
    payments need it; outputs use `masked_account_number`."""

    @property
    def masked_account_number(self) -> str | None:
        return mask_account_number(self.account_number)

    @property
    def key(self) -> tuple[str, str]:
        return (self.bank_id, self.agreement_id)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Agreement:
        if self.start_date and self.maturity_date and self.maturity_date < self.start_date:
            raise ValueError("maturity_date is before start_date")
        return self
