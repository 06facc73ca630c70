"""Accounts and their balances, scoped by bank (an `account_id` is unique only within a bank)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, CurrencyCode, Money, UtcDatetime
from finpulse.domain.masking import mask_account_number


class AccountKind(StrEnum):
    """What an account is for the money picture, not the bank's own wording.

    Sandbox banks send `accountType: Personal` with `accountSubType: Checking`; OpenBanking Russia
    also uses `CurrentAccount`, `Savings`, `CreditCard`, `Loan`, `Deposit`. The sync mapping folds
    those into these kinds.
    """

    CURRENT = "current"
    DEBIT_CARD = "debit_card"
    SAVINGS = "savings"
    CREDIT_CARD = "credit_card"
    LOAN = "loan"
    DEPOSIT = "deposit"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Account:
    bank_id: str = Field(min_length=1)
    account_id: str = Field(min_length=1)
    kind: AccountKind
    currency: CurrencyCode
    enabled: bool = True
    status: str = "Enabled"
    """The bank's own status word, kept for display; `enabled` is what the engine reads."""
    nickname: str | None = None
    account_type: str | None = None
    """The bank's `accountType` (`Personal`, `Business`), for display only."""
    sub_type: str | None = None
    """The bank's `accountSubType` (`Checking`, `Savings`, ...), for display only."""
    number: str | None = Field(default=None, repr=False)
    """The full account number (`RU.CBR.PAN` identification). Needed to pay into the account;
    never shown, logged or returned — use `masked_number`."""

    @property
    def masked_number(self) -> str | None:
        return mask_account_number(self.number)

    @property
    def key(self) -> tuple[str, str]:
        return (self.bank_id, self.account_id)


class BalanceType(StrEnum):
    INTERIM_AVAILABLE = "InterimAvailable"
    INTERIM_BOOKED = "InterimBooked"


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Balance:
    """One balance entry. Banks send two per account (available and booked); they describe the same
    money and must never be added together."""

    bank_id: str = Field(min_length=1)
    account_id: str = Field(min_length=1)
    type: BalanceType
    amount: Money
    """Signed: a `Debit` creditDebitIndicator makes it negative."""
    currency: CurrencyCode
    at: UtcDatetime
