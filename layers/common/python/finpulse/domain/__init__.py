"""Normalised domain models shared by sync, analytics, payments and the API.

The models are pydantic v2 `frozen` models rather than dataclasses because they sit on a trust
boundary: the sync pipeline builds them from bank JSON (decimal strings, floats, case-varying enum
words, naive or offset datetimes) and storage round-trips them through JSON. Validation happens once,
at construction; afterwards the analytics engine reads plain attributes, which on pydantic v2 models
cost the same as on a slotted dataclass. Frozen instances are safe to share and cache.

Conventions every model follows:
- money is `Decimal`, never float, and is not rounded here;
- datetimes are timezone-aware and normalised to UTC; calendar dates are `date`;
- a full account number is kept only where a payment needs it, hidden from `repr`, and every
  output/log uses the `masked_number` form (`****6706`).
"""

from finpulse.domain.accounts import Account, AccountKind, Balance, BalanceType
from finpulse.domain.agreements import Agreement, AgreementKind, Instalment
from finpulse.domain.consents import ConsentExpiry
from finpulse.domain.inputs import CreditPaymentOverride, FinancialInputs, RepaymentSpeed, Strategy
from finpulse.domain.masking import mask_account_number
from finpulse.domain.products import Product, ProductKind
from finpulse.domain.transactions import Transaction, TransactionStatus

__all__ = [
    "Account",
    "AccountKind",
    "Agreement",
    "AgreementKind",
    "Balance",
    "BalanceType",
    "ConsentExpiry",
    "CreditPaymentOverride",
    "FinancialInputs",
    "Instalment",
    "Product",
    "ProductKind",
    "RepaymentSpeed",
    "Strategy",
    "Transaction",
    "TransactionStatus",
    "mask_account_number",
]
