"""Request bodies of the payment API (the spec's schemas) and amount parsing."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from sandbox.bank.http import ApiError
from sandbox.model import to_kopecks

Amount = float | str | None


class ConsentType(StrEnum):
    single_use = "single_use"
    multi_use = "multi_use"
    vrp = "vrp"


class PaymentConsentBody(BaseModel):
    """The spec's ``PaymentConsentRequestData``."""

    model_config = ConfigDict(extra="allow")
    requesting_bank: str
    client_id: str
    consent_type: ConsentType = ConsentType.single_use
    amount: Amount = None
    currency: str = "RUB"
    debtor_account: str
    creditor_account: str | None = None
    creditor_name: str | None = None
    reference: str | None = None
    max_uses: int | None = None
    max_amount_per_payment: Amount = None
    max_total_amount: Amount = None
    allowed_creditor_accounts: list[str] | None = None
    vrp_max_individual_amount: Amount = None
    vrp_daily_limit: Amount = None
    vrp_monthly_limit: Amount = None
    valid_from: str | None = None
    valid_until: str | None = None
    reason: str | None = None


class Money(BaseModel):
    amount: float | str
    currency: str = "RUB"


class AccountRef(BaseModel):
    model_config = ConfigDict(extra="allow")
    schemeName: str | None = None  # noqa: N815 - the spec's spelling
    identification: str
    bank_code: str | None = None


class Initiation(BaseModel):
    model_config = ConfigDict(extra="allow")
    instructedAmount: Money  # noqa: N815
    debtorAccount: AccountRef  # noqa: N815
    creditorAccount: AccountRef  # noqa: N815
    comment: str | None = None
    remittanceInformation: dict[str, Any] | None = None  # noqa: N815


class PaymentData(BaseModel):
    initiation: Initiation


class PaymentBody(BaseModel):
    """The spec's ``PaymentRequest`` with its ``data.initiation``."""

    data: PaymentData
    risk: dict[str, Any] | None = None


LIMIT_FIELDS = (
    "amount",
    "max_amount_per_payment",
    "max_total_amount",
    "vrp_max_individual_amount",
    "vrp_daily_limit",
    "vrp_monthly_limit",
)


def kop(value: Amount) -> int | None:
    if value is None or value == "":
        return None
    try:
        return to_kopecks(value)
    except Exception:
        raise ApiError(400, "INVALID_AMOUNT", f"{value!r} is not an amount") from None
