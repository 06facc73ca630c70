"""Why a payment is refused before any bank is asked to pay: one class, status and code per check.

`refusal(failures)` raises the first failed check's error; its `details` list every failed check
(`code: message`), so the client learns everything that is wrong at once, as the quote shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from finpulse.errors import Conflict, FinPulseError, Forbidden, NotFound, Unprocessable


@dataclass(frozen=True)
class Failed:
    code: str
    message: str
    field: str | None = None


class PaymentRefused(Unprocessable):
    code = "PAYMENT_REFUSED"

    def __init__(self, message: str, *, failures: list[Failed] | None = None, **kwargs: Any) -> None:
        details = [{"field": f.field, "message": f"{f.code}: {f.message}"} for f in failures or []]
        super().__init__(message, details=details or kwargs.get("details"))
        self.failures = failures or []


class AmountRequired(PaymentRefused):
    code = "AMOUNT_REQUIRED"


class AmountNotPositive(PaymentRefused):
    code = "AMOUNT_NOT_POSITIVE"


class AmountPrecision(PaymentRefused):
    code = "AMOUNT_PRECISION"


class AmountTooLarge(PaymentRefused):
    code = "AMOUNT_TOO_LARGE"


class CurrencyMismatch(PaymentRefused):
    code = "CURRENCY_MISMATCH"


class InsufficientFunds(PaymentRefused):
    code = "INSUFFICIENT_FUNDS"


class AmountExceedsDebt(PaymentRefused):
    code = "AMOUNT_EXCEEDS_DEBT"


class ConsentLimitExceeded(PaymentRefused):
    code = "CONSENT_LIMIT_EXCEEDED"


class ConsentUsedUp(PaymentRefused):
    code = "CONSENT_USED_UP"


class ConsentNotUsable(PaymentRefused):
    code = "CONSENT_NOT_USABLE"


class DebtorNotPayable(PaymentRefused):
    code = "DEBTOR_NOT_PAYABLE"


class TargetRequired(PaymentRefused):
    code = "TARGET_REQUIRED"


class TargetUnknown(PaymentRefused):
    code = "TARGET_UNKNOWN"


class TargetKindMismatch(PaymentRefused):
    code = "TARGET_KIND_MISMATCH"


class CreditorUnknown(PaymentRefused):
    code = "CREDITOR_UNKNOWN"


class SameAccount(PaymentRefused):
    code = "SAME_ACCOUNT"


class DebtorNotOwned(PaymentRefused, Forbidden):
    status = 403
    code = "DEBTOR_NOT_OWNED"


class IdempotencyKeyReused(Unprocessable):
    code = "IDEMPOTENCY_KEY_REUSED"


class PaymentInFlight(Conflict):
    code = "IDEMPOTENCY_IN_PROGRESS"


class PaymentNotFound(NotFound):
    code = "PAYMENT_NOT_FOUND"


_BY_CODE: dict[str, type[PaymentRefused]] = {
    cls.code: cls
    for cls in (
        AmountRequired,
        AmountNotPositive,
        AmountPrecision,
        AmountTooLarge,
        CurrencyMismatch,
        InsufficientFunds,
        AmountExceedsDebt,
        ConsentLimitExceeded,
        ConsentUsedUp,
        ConsentNotUsable,
        DebtorNotPayable,
        TargetRequired,
        TargetUnknown,
        TargetKindMismatch,
        CreditorUnknown,
        SameAccount,
        DebtorNotOwned,
    )
}
CHECK_CODES: tuple[str, ...] = tuple(_BY_CODE)


def refusal(failures: list[Failed], more: Mapping[str, type[PaymentRefused]] | None = None) -> FinPulseError:
    """The first failure's error (its class from the payment codes, or `more`: other actions'
    codes built on the same checks)."""
    first = failures[0]
    by_code = {**_BY_CODE, **(more or {})}
    return by_code[first.code](first.message, failures=failures)
