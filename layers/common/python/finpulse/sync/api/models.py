"""What the sync and data endpoints return, in one place.

No full account numbers, amounts as decimal strings, and the per-bank freshness next to every
answer (so stale data is never shown as current).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from finpulse.analytics.categories import CATEGORY_LABELS, categorise
from finpulse.data.freshness import BankFreshness
from finpulse.data.sync_records import BankError, SyncRecord
from finpulse.domain import Account, Agreement, Balance, Transaction, mask_account_number


class BalanceView(BaseModel):
    amount: Decimal
    currency: str
    at: datetime


class AccountView(BaseModel):
    bank_id: str
    account_id: str
    kind: str
    currency: str
    enabled: bool
    status: str
    nickname: str | None = None
    masked_number: str | None = Field(
        default=None, description="`****6706`; the full number is never returned"
    )
    available: BalanceView | None = Field(default=None, description="InterimAvailable")
    booked: BalanceView | None = Field(default=None, description="InterimBooked (never add it to available)")
    stale: bool = Field(description="The bank's last sync failed: this is the last good data")

    @classmethod
    def of(cls, account: Account, balances: list[Balance], stale: bool) -> AccountView:
        by_type = {b.type.value: BalanceView(amount=b.amount, currency=b.currency, at=b.at) for b in balances}
        return cls(
            bank_id=account.bank_id,
            account_id=account.account_id,
            kind=account.kind.value,
            currency=account.currency,
            enabled=account.enabled,
            status=account.status,
            nickname=account.nickname,
            masked_number=mask_account_number(account.number),
            available=by_type.get("InterimAvailable"),
            booked=by_type.get("InterimBooked"),
            stale=stale,
        )


class TransactionView(BaseModel):
    bank_id: str
    account_id: str
    transaction_id: str
    booked_at: datetime
    value_date: date | None = None
    amount: Decimal = Field(description="Signed: money in positive, money out negative")
    currency: str
    direction: str = Field(description="`in` or `out`")
    status: str = Field(description="`booked` or `pending`")
    description: str
    merchant_name: str | None = None
    mcc: str | None = None
    category: str = Field(description="From the MCC, else the bank's category word, else `other`")
    category_label: str = Field(description="The category in Russian, as the spending report names it")
    counterparty_name: str | None = None
    card_masked: str | None = None

    @classmethod
    def of(cls, tx: Transaction) -> TransactionView:
        category = categorise(tx.mcc, tx.bank_category)
        return cls(
            bank_id=tx.bank_id,
            account_id=tx.account_id,
            transaction_id=tx.transaction_id,
            booked_at=tx.booked_at,
            value_date=tx.value_date,
            amount=tx.amount,
            currency=tx.currency,
            direction="in" if tx.amount > 0 else "out",
            status=tx.status.value,
            description=tx.description,
            merchant_name=tx.merchant_name,
            mcc=tx.mcc,
            category=category,
            category_label=CATEGORY_LABELS.get(category, category),
            counterparty_name=tx.counterparty_name,
            card_masked=tx.card_masked,
        )


class AgreementView(BaseModel):
    bank_id: str
    agreement_id: str
    kind: str
    product_id: str | None = None
    product_name: str
    product_type: str | None = None
    status: str
    active: bool
    currency: str
    principal: Decimal | None = None
    outstanding: Decimal | None = None
    interest_rate: Decimal | None = Field(default=None, description="Annual percent (from the detail call)")
    term_months: int | None = None
    start_date: date | None = None
    maturity_date: date | None = None
    monthly_payment: Decimal | None = None
    next_payment_date: date | None = None
    credit_limit: Decimal | None = Field(default=None, description="Cards: the limit, never debt by itself")
    used_amount: Decimal | None = None
    masked_account_number: str | None = None
    stale: bool

    @classmethod
    def of(cls, a: Agreement, stale: bool) -> AgreementView:
        return cls(
            bank_id=a.bank_id,
            agreement_id=a.agreement_id,
            kind=a.kind.value,
            product_id=a.product_id,
            product_name=a.product_name,
            product_type=a.product_type,
            status=a.status,
            active=a.active,
            currency=a.currency,
            principal=a.principal,
            outstanding=a.outstanding,
            interest_rate=a.interest_rate,
            term_months=a.term_months,
            start_date=a.start_date,
            maturity_date=a.maturity_date,
            monthly_payment=a.monthly_payment,
            next_payment_date=a.next_payment_date,
            credit_limit=a.credit_limit,
            used_amount=a.used_amount,
            masked_account_number=mask_account_number(a.account_number),
            stale=stale,
        )


class AccountsResponse(BaseModel):
    accounts: list[AccountView]
    freshness: list[BankFreshness]


class AgreementsResponse(BaseModel):
    agreements: list[AgreementView]
    freshness: list[BankFreshness]


class CategoryOption(BaseModel):
    code: str
    label: str


TRANSACTION_CATEGORIES = [
    CategoryOption(code=code, label=label)
    for code, label in CATEGORY_LABELS.items()
    if code != "loan_payments"
]
"""What `category` can be on a transaction (loan payments are told apart only by the analytics,
which knows the user's agreements)."""


class TransactionsResponse(BaseModel):
    transactions: list[TransactionView]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null at the end"
    )
    freshness: list[BankFreshness]
    categories: list[CategoryOption] = Field(
        description="Every value the `category` filter takes, with its Russian label",
    )


class RefreshAccepted(BaseModel):
    sync_id: str
    state: str = "running"
    status_url: str = Field(description="Poll this for progress")


class SyncStatus(BaseModel):
    sync: SyncRecord | None = Field(description="The caller's latest sync; null before the first one")


LATEST_TRANSACTIONS = 50


class BootstrapSync(BaseModel):
    sync_id: str | None = None
    outcome: Literal["ok", "partial", "failed", "skipped"]
    running_sync_id: str | None = Field(default=None, description="Set when another sync held the lock")
    types: dict[str, str] = Field(default_factory=dict, description="Per data type: ok, stale, not_permitted")
    counts: dict[str, int] = Field(default_factory=dict)
    error: BankError | None = None


class BootstrapResponse(BaseModel):
    bank_id: str
    sync: BootstrapSync
    freshness: BankFreshness
    accounts: list[AccountView]
    agreements: list[AgreementView]
    transactions: list[TransactionView] = Field(description=f"The latest {LATEST_TRANSACTIONS}, newest first")
