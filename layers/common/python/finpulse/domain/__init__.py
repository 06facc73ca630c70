"""Normalised domain models shared by sync, analytics, payments and the API.

The models are *pydantic dataclasses* (`frozen=True, slots=True, kw_only=True`), chosen over both
plain dataclasses and pydantic `BaseModel`:
- they sit on a trust boundary: the sync pipeline builds them from bank JSON (decimal strings,
  floats, naive or offset datetimes, case-varying words) and storage round-trips them, so they must
  validate once, at construction — plain dataclasses would not;
- the engine reads 100 000 transactions per dashboard: slotted instances are about a quarter of the
  size of a `BaseModel` (no per-instance `__dict__`) and read about three times faster, which is the
  difference between meeting and missing the 300 ms budget (bench/bench_analytics_engine.py);
- frozen instances are hashable and safe to share and cache.
Serialise with `to_json` / `to_dict`, load with `from_dict` (cached `TypeAdapter`s).

Conventions every model follows:
- money is `Decimal`, never float, and is not rounded here;
- datetimes are timezone-aware and normalised to UTC; calendar dates are `date`;
- a full account number is kept only where a payment needs it, hidden from `repr`, and every
  output/log uses the `masked_number` form (`****6706`).
"""

from finpulse.domain._base import from_dict, to_dict, to_json
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
    "from_dict",
    "mask_account_number",
    "to_dict",
    "to_json",
]
