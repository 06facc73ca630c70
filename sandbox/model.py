"""The bank's domain objects and how each one is rendered in the API.

Money is held in integer kopecks everywhere (exact, fast); the API renders account data as decimal
strings (``"1234.50"``) and product agreements as JSON numbers, exactly as the recorded responses do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

ACCOUNT_SUBTYPES = {
    "checking": "Checking",
    "savings": "Savings",
    "deposit": "Deposit",
    "loan": "Loan",
    "credit_card": "Credit_Card",
}


def money(kopecks: int) -> str:
    """``123450`` → ``"1234.50"`` (always two decimals, as the real banks send)."""
    sign = "-" if kopecks < 0 else ""
    k = abs(kopecks)
    return f"{sign}{k // 100}.{k % 100:02d}"


def to_kopecks(value: str | float | int) -> int:
    """Parse a decimal amount (string or number) into kopecks, rounding half up."""
    from decimal import ROUND_HALF_UP, Decimal

    return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def iso(ts: datetime) -> str:
    """``2025-11-08T18:45:15.285567Z`` — the recorded timestamp format (UTC, microseconds, ``Z``)."""
    return ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utcnow() -> datetime:
    """Naive UTC now; all stored timestamps are naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class Customer:
    """A bank customer; ``customer_id`` is the same at every bank (``team200-1``)."""

    customer_id: str
    full_name: str
    segment: str
    profile: str
    city: str


@dataclass
class Account:
    """An account. ``balance`` is signed: debt on loan and credit-card accounts is negative."""

    account_id: str
    customer_id: str
    number: str
    kind: str
    opened: str
    balance: int = 0
    holds: int = 0
    credit_limit: int | None = None
    status: str = "Enabled"
    currency: str = "RUB"
    owed_as_credit: bool = False
    """A loan account that reports the amount owed as a positive Credit balance (data variant
    ``loan_owed_as_credit``); ``balance`` itself stays signed."""

    def reported_balance(self) -> int:
        """The balance as the bank reports it: signed, or owed as a positive amount."""
        return abs(self.balance) if self.owed_as_credit else self.balance

    @property
    def subtype(self) -> str:
        return ACCOUNT_SUBTYPES.get(self.kind, self.kind.title())

    def summary(self, holder: str) -> dict[str, Any]:
        """An item of ``GET /accounts``.

        ``accountType`` is ``Personal`` only for checking accounts and ``Business`` otherwise: the
        real sandbox does exactly that, so clients must rely on ``accountSubType``.
        """
        return {
            "accountId": self.account_id,
            "status": self.status,
            "currency": self.currency,
            "accountType": "Personal" if self.kind == "checking" else "Business",
            "accountSubType": self.subtype,
            "nickname": f"{self.subtype} счет",
            "openingDate": self.opened,
            "account": [{"schemeName": "RU.CBR.PAN", "identification": self.number, "name": holder}],
        }

    def detail(self) -> dict[str, Any]:
        """The item of ``GET /accounts/{id}`` (no identification block, as recorded)."""
        return {
            "accountId": self.account_id,
            "status": self.status,
            "currency": self.currency,
            "accountType": "Personal" if self.kind == "checking" else "Business",
            "accountSubType": self.subtype,
            "description": f"{self.kind} account",
            "nickname": f"{self.subtype} счет",
            "openingDate": self.opened,
        }

    def balances(self, now: datetime) -> list[dict[str, Any]]:
        """``InterimAvailable`` and ``InterimBooked`` — never to be added together.

        Booked is the ledger balance; Available subtracts card holds (pending debits) and, on a
        credit card, is the unused part of the limit.
        """
        booked = self.reported_balance()
        available = booked - self.holds
        if self.kind == "credit_card" and self.credit_limit is not None:
            available = self.credit_limit + booked - self.holds
        stamp = iso(now)
        return [
            _balance(self, "InterimAvailable", available, stamp),
            _balance(self, "InterimBooked", booked, stamp),
        ]


def _balance(acc: Account, kind: str, amount: int, stamp: str) -> dict[str, Any]:
    return {
        "accountId": acc.account_id,
        "type": kind,
        "dateTime": stamp,
        "amount": {"amount": money(abs(amount)), "currency": acc.currency},
        "creditDebitIndicator": "Credit" if amount >= 0 else "Debit",
    }


@dataclass
class Tx:
    """A transaction as stored; :meth:`render` gives the exact API bytes."""

    tx_id: str
    account_id: str
    booked: str
    amount: int
    credit: bool
    info: str
    code: str = "02"
    status: str = "completed"
    merchant: dict[str, Any] | None = None
    city: str | None = None
    card: dict[str, Any] | None = None
    counterparty: str | None = None

    def render(self) -> bytes:
        return orjson.dumps(
            {
                "accountId": self.account_id,
                "transactionId": self.tx_id,
                "amount": {"amount": money(self.amount), "currency": "RUB"},
                "creditDebitIndicator": "Credit" if self.credit else "Debit",
                "status": self.status,
                "bookingDateTime": self.booked,
                "valueDateTime": self.booked,
                "transactionInformation": self.info,
                "bankTransactionCode": {"code": self.code},
                "merchant": self.merchant,
                "transactionLocation": {"city": self.city, "country": "RUS"} if self.city else None,
                "card": self.card,
                "counterparty": self.counterparty,
            }
        )


@dataclass
class Agreement:
    """A product agreement (deposit, loan or card) with its own account where it has one."""

    agreement_id: str
    customer_id: str
    product_id: str
    product_name: str
    product_type: str
    amount: int
    rate: float | None
    start: str
    end: str | None = None
    account_id: str | None = None
    status: str = "active"
    term_months: int | None = None

    def summary(self, account_number: str | None) -> dict[str, Any]:
        """An item of ``GET /product-agreements`` (no interest rate, as recorded)."""
        return {
            "agreement_id": self.agreement_id,
            "product_id": self.product_id,
            "product_name": self.product_name,
            "product_type": self.product_type,
            "amount": self.amount / 100,
            "status": self.status,
            "start_date": self.start,
            "end_date": self.end,
            "account_number": account_number,
        }

    def detail(self, account_number: str | None, account_balance: int | None) -> dict[str, Any]:
        """``GET /product-agreements/{id}``: adds ``interest_rate`` and ``account_balance``."""
        return {
            "agreement_id": self.agreement_id,
            "product_id": self.product_id,
            "product_name": self.product_name,
            "product_type": self.product_type,
            "interest_rate": self.rate,
            "amount": self.amount / 100,
            "status": self.status,
            "start_date": self.start,
            "end_date": self.end,
            "account_number": account_number,
            "account_balance": None if account_balance is None else account_balance / 100,
        }


@dataclass
class Card:
    """A payment card bound to an account."""

    card_id: str
    customer_id: str
    account_id: str
    last4: str
    card_type: str
    name: str
    holder: str
    expiry_month: int
    expiry_year: int
    issued_at: str
    status: str = "active"
    daily_limit: int | None = None
    monthly_limit: int | None = None

    def tx_ref(self) -> dict[str, Any]:
        """The ``card`` object inside a transaction."""
        return {
            "cardId": self.card_id,
            "cardNumber": f"****{self.last4}",
            "cardType": self.card_type,
            "cardName": self.name,
        }

    def render(self, account: Account) -> dict[str, Any]:
        """An item of ``GET /cards`` (shape of the real sandbox's card resource)."""
        return {
            "cardId": self.card_id,
            "cardNumber": f"**** **** **** {self.last4}",
            "cardNumberFull": None,
            "cardType": self.card_type,
            "cardName": self.name,
            "holderName": self.holder,
            "expiryMonth": self.expiry_month,
            "expiryYear": self.expiry_year,
            "accountNumber": account.number,
            "accountBalance": money(account.balance),
            "status": self.status,
            "dailyLimit": None if self.daily_limit is None else money(self.daily_limit),
            "monthlyLimit": None if self.monthly_limit is None else money(self.monthly_limit),
            "issuedAt": self.issued_at,
        }


@dataclass
class Consent:
    """Any consent: ``kind`` is ``account``, ``product`` or ``payment``.

    ``status`` is internal: ``pending``, ``authorized``, ``rejected``, ``revoked``, ``expired`` or
    ``consumed``; :mod:`sandbox.bank.spelling` renders it in the bank's (or the fault knob's) words.
    """

    kind: str
    request_id: str
    consent_id: str | None
    customer_id: str
    team: str
    status: str
    created: str
    updated: str
    expires: str | None
    permissions: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    used_count: int = 0
    used_amount: int = 0

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Payment:
    """A payment initiated through ``POST /payments``."""

    payment_id: str
    customer_id: str
    team: str
    debtor_number: str
    creditor_number: str
    creditor_bank: str
    amount: int
    currency: str
    status: str
    created: str
    updated: str
    description: str
    consent_id: str | None = None
    idempotency_key: str | None = None
    request_hash: str | None = None
    settle_at: str | None = None
    settles_as: str = "completed"
    """What a pending payment becomes at ``settle_at`` (``rejected`` under ``reject_after_accept``)."""

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)
