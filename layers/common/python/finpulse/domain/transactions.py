"""Account transactions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, CurrencyCode, Money, UtcDatetime


class TransactionStatus(StrEnum):
    """Sandbox banks say `completed`; OpenBanking Russia says `Booked`/`Pending`."""

    BOOKED = "booked"
    PENDING = "pending"


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class Transaction:
    bank_id: str = Field(min_length=1)
    account_id: str = Field(min_length=1)
    transaction_id: str = Field(min_length=1)
    """Unique within (bank_id, account_id); the engine de-duplicates on that triple."""
    booked_at: UtcDatetime
    value_date: date | None = None
    amount: Money
    """Signed by creditDebitIndicator: money in is positive, money out negative."""
    currency: CurrencyCode
    status: TransactionStatus = TransactionStatus.BOOKED
    description: str = ""
    """`transactionInformation`, e.g. `Платеж по кредиту №loan-…` or `Zara - Новосибирск`."""
    merchant_name: str | None = None
    merchant_id: str | None = None
    mcc: str | None = None
    """Merchant category code as the bank sent it (`5812`); an unknown code just has no category."""
    bank_category: str | None = None
    """The bank's own merchant category word (`restaurant`), used when there is no MCC."""
    counterparty_name: str | None = None
    counterparty_account: str | None = Field(default=None, repr=False)
    bank_transaction_code: str | None = None
    card_masked: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.bank_id, self.account_id, self.transaction_id)

    @property
    def is_credit(self) -> bool:
        return self.amount > 0
