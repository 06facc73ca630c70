"""What banks answer, as pydantic models that accept the documented variants and nothing else.

Variants seen at real banks (see the brief): singular envelope keys (`data.account[]`), a `data`
wrapper on some endpoints and not on others, camelCase and snake_case ids, decimal amounts as
strings or numbers, status words in any case. Garbage (missing ids, unparseable amounts, unknown
status words) fails validation; the client turns that into `InvalidBankResponse`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from finpulse.banks.consent_status import ConsentStatus, normalise_status


def parse_time(value: Any) -> datetime | None:
    """An ISO date-time (`Z`, offset or naive = UTC) as an aware UTC datetime; None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise ValueError("not an amount")
    try:
        # str() keeps the digits the bank printed for JSON floats (8003420.31, not its binary).
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError("not a decimal amount") from None
    if not amount.is_finite():
        raise ValueError("not a finite amount")
    return amount


def _first(raw: dict[str, Any], *names: str) -> Any:
    for name in names:
        if raw.get(name) not in (None, ""):
            return raw[name]
    return None


class TokenResponse(BaseModel):
    """`POST /auth/bank-token`."""

    model_config = ConfigDict(extra="ignore")

    access_token: str = Field(min_length=8)
    token_type: str = "bearer"  # noqa: S105 - the OAuth word, not a secret
    expires_in: int | None = Field(default=None, gt=0)

    @field_validator("token_type")
    @classmethod
    def _bearer(cls, value: str) -> str:
        if value.lower() != "bearer":
            raise ValueError("only bearer tokens are supported")
        return "bearer"


class Jwks(BaseModel):
    model_config = ConfigDict(extra="ignore")

    keys: list[dict[str, Any]]

    @field_validator("keys")
    @classmethod
    def _keys(cls, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if any(not isinstance(k.get("kty"), str) for k in keys):
            raise ValueError("every JWK needs a kty")
        return keys


class BankConsent(BaseModel):
    """Any consent answer: a request's answer or a consent resource, of any kind.

    While a manual approval is pending only the request id exists; some banks then echo the
    request id as `consentId`, which is not a usable consent id and is dropped here.
    """

    model_config = ConfigDict(extra="ignore")

    request_id: str | None = None
    consent_id: str | None = None
    raw_status: str
    status: ConsentStatus
    expires_at: datetime | None = None
    permissions: list[str] = Field(default_factory=list)
    approval_url: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise ValueError("a consent answer must be a JSON object")
        data = raw.get("data")
        # `data` may wrap the resource (account consents) or be absent (request answers).
        body = {**raw, **data} if isinstance(data, dict) else dict(raw)
        raw_links = body.get("links")
        links: dict[str, Any] = raw_links if isinstance(raw_links, dict) else {}
        word = _first(body, "status", "Status", "consent_status", "consentStatus")
        if not isinstance(word, str):
            raise ValueError("consent status is missing")
        status = normalise_status(word)
        if status is None:
            raise ValueError(f"unknown consent status word {word[:40]!r}")
        request_id = _first(body, "request_id", "requestId", "consent_request_id")
        consent_id = _first(body, "consent_id", "consentId")
        if status is ConsentStatus.PENDING and consent_id is not None and consent_id == request_id:
            consent_id = None
        if request_id is None and consent_id is None:
            raise ValueError("consent answer has neither a request id nor a consent id")
        return {
            "request_id": request_id,
            "consent_id": consent_id,
            "raw_status": word,
            "status": status,
            "expires_at": _first(
                body, "expirationDateTime", "expiration_date_time", "valid_until", "validUntil", "expires_at"
            ),
            "permissions": body.get("permissions") or body.get("Permissions") or [],
            "approval_url": _first(links, "consentApproval", "consent_approval", "approval")
            or _first(body, "approval_url", "consent_approval_url", "redirect_url"),
        }

    @field_validator("expires_at", mode="before")
    @classmethod
    def _time(cls, value: Any) -> datetime | None:
        return parse_time(value)

    @field_validator("request_id", "consent_id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
            raise ValueError("ids must be non-empty strings")
        return str(value)


class Money(BaseModel):
    model_config = ConfigDict(extra="ignore")

    amount: Decimal
    currency: str = "RUB"

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Decimal:
        return parse_decimal(value)


class AccountItem(BaseModel):
    """One `data.account[]` entry; unknown fields are kept for the sync's mapping."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    account_id: str = Field(alias="accountId", min_length=1)
    status: str | None = None
    currency: str | None = None


class BalanceItem(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    account_id: str = Field(alias="accountId", min_length=1)
    type: str = Field(min_length=1)
    amount: Money
    credit_debit: str = Field(alias="creditDebitIndicator", default="Credit")


class TransactionItem(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    transaction_id: str = Field(alias="transactionId", min_length=1)
    amount: Money
    credit_debit: str = Field(alias="creditDebitIndicator")
    booking_date_time: datetime = Field(alias="bookingDateTime")

    @field_validator("booking_date_time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> datetime | None:
        return parse_time(value)


class AgreementItem(BaseModel):
    model_config = ConfigDict(extra="allow")

    agreement_id: str = Field(min_length=1)
    product_type: str | None = None
    amount: Decimal | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Decimal | None:
        return None if value is None else parse_decimal(value)


def envelope_items(payload: Any, key: str) -> list[Any]:
    """The list under `data.<key>` — or the variants `data.<key>s`, `<key>s`, a bare `data` list."""
    if not isinstance(payload, dict):
        raise ValueError("the answer must be a JSON object")
    data = payload.get("data")
    if isinstance(data, dict):
        for name in (key, key + "s"):
            if isinstance(data.get(name), list):
                return list(data[name])
    if isinstance(data, list):
        return list(data)
    for name in (key + "s", key):
        if isinstance(payload.get(name), list):
            return list(payload[name])
    raise ValueError(f"no '{key}' list in the answer")
