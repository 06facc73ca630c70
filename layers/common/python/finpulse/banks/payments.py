"""The bank's payment operations: a payment consent's stored terms and usage, `POST /payments` and
`GET /payments/{id}`, as models that accept the documented variants and nothing else.

`POST /payments` is never retried after it may have reached the bank (the transport retries only a
refused connection or a 429): its outcome is then unknown, and the caller reconciles instead of
sending it again. The request carries `X-Idempotency-Key` as well, for banks that honour it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from finpulse.banks.client import KINDS, BankClient
from finpulse.banks.consent_status import ConsentStatus, normalise_status
from finpulse.banks.http import ClientIdIn
from finpulse.banks.models import parse_decimal, parse_time
from finpulse.banks.retry import Deadline

PaymentState = Literal["pending", "completed", "rejected", "failed"]

_PAYMENT_WORDS: dict[str, PaymentState] = {}
for _state, _words in {
    "pending": (
        "pending",
        "accepted",
        "acceptedsettlementinprocess",
        "acceptedtechnicalvalidation",
        "acceptedcustomerprofile",
        "inprogress",
        "processing",
        "received",
        "new",
    ),
    "completed": (
        "completed",
        "acceptedsettlementcompleted",
        "acceptedcreditsettlementcompleted",
        "settled",
        "executed",
        "booked",
        "done",
    ),
    "rejected": ("rejected", "declined", "cancelled", "canceled", "refused", "returned"),
    "failed": ("failed", "error"),
}.items():
    for _word in _words:
        _PAYMENT_WORDS[_word] = _state  # type: ignore[assignment]

# A payment consent's money limits, in the bank's (and the spec's) words.
LIMITS = (
    "amount",
    "max_amount_per_payment",
    "max_total_amount",
    "vrp_max_individual_amount",
    "vrp_daily_limit",
    "vrp_monthly_limit",
)
# A single-use consent in one of these words has been spent: the bank executed a payment under it.
USED_WORDS = frozenset({"used", "consumed", "exhausted", "spent"})


def payment_state(word: str) -> PaymentState | None:
    return _PAYMENT_WORDS.get("".join(ch for ch in word.lower() if ch.isalpha()))


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else parse_decimal(value)


def _data(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError("the answer must be a JSON object")
    data = raw.get("data")
    return {**raw, **data} if isinstance(data, dict) else dict(raw)


class PaymentConsentTerms(BaseModel):
    """`GET /payment-consents/{id}`: what the bank stored (its terms, not ours) and how much is used."""

    model_config = ConfigDict(extra="ignore")

    consent_id: str | None = None
    request_id: str | None = None
    raw_status: str
    status: ConsentStatus
    consent_type: str | None = None
    currency: str | None = None
    debtor_account: str | None = Field(default=None, repr=False)
    creditor_account: str | None = Field(default=None, repr=False)
    amount: Decimal | None = None
    max_uses: int | None = None
    max_amount_per_payment: Decimal | None = None
    max_total_amount: Decimal | None = None
    allowed_creditor_accounts: list[str] | None = Field(default=None, repr=False)
    vrp_max_individual_amount: Decimal | None = None
    vrp_daily_limit: Decimal | None = None
    vrp_monthly_limit: Decimal | None = None
    expires_at: datetime | None = None
    used_count: int | None = None
    used_amount: Decimal | None = None
    used_today: Decimal | None = None
    used_this_month: Decimal | None = None

    @property
    def used_up(self) -> bool:
        """A single-use consent the bank has executed a payment under."""
        if self.raw_status.lower() in USED_WORDS:
            return True
        return self.consent_type == "single_use" and (self.used_count or 0) >= 1

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, raw: Any) -> Any:
        body = _data(raw)
        limits = _dict(body.get("limits"))
        usage = _dict(body.get("usage"))
        word = body.get("status") or body.get("Status")
        if not isinstance(word, str):
            raise ValueError("consent status is missing")
        lowered = word.lower()
        status = ConsentStatus.EXPIRED if lowered in USED_WORDS else normalise_status(word)
        if status is None:
            raise ValueError(f"unknown consent status word {word[:40]!r}")

        def pick(*names: str) -> Any:
            for source in (limits, body):
                for name in names:
                    if source.get(name) not in (None, ""):
                        return source[name]
            return None

        return {
            "consent_id": body.get("consentId") or body.get("consent_id"),
            "request_id": body.get("requestId") or body.get("request_id"),
            "raw_status": word,
            "status": status,
            "consent_type": body.get("consentType") or body.get("consent_type"),
            "currency": body.get("currency"),
            "debtor_account": _account(body.get("debtorAccount") or body.get("debtor_account")),
            "creditor_account": _account(body.get("creditorAccount") or body.get("creditor_account")),
            "amount": pick("amount"),
            "max_uses": pick("max_uses", "maxUses"),
            "max_amount_per_payment": pick("max_amount_per_payment", "maxAmountPerPayment"),
            "max_total_amount": pick("max_total_amount", "maxTotalAmount"),
            "allowed_creditor_accounts": pick("allowed_creditor_accounts", "allowedCreditorAccounts"),
            "vrp_max_individual_amount": pick("vrp_max_individual_amount"),
            "vrp_daily_limit": pick("vrp_daily_limit"),
            "vrp_monthly_limit": pick("vrp_monthly_limit"),
            "expires_at": body.get("expirationDateTime") or body.get("valid_until"),
            "used_count": usage.get("used_count"),
            "used_amount": usage.get("used_amount"),
            "used_today": usage.get("used_today"),
            "used_this_month": usage.get("used_this_month"),
        }

    @field_validator(
        *LIMITS,
        "used_amount",
        "used_today",
        "used_this_month",
        mode="before",
    )
    @classmethod
    def _amounts(cls, value: Any) -> Decimal | None:
        return _decimal(value)

    @field_validator("expires_at", mode="before")
    @classmethod
    def _time(cls, value: Any) -> datetime | None:
        return parse_time(value)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _account(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("identification")
    return str(value) if value not in (None, "") else None


class BankPayment(BaseModel):
    """A payment resource (`POST /payments` answer, `GET /payments/{id}`)."""

    model_config = ConfigDict(extra="ignore")

    payment_id: str = Field(min_length=1)
    raw_status: str
    state: PaymentState
    amount: Decimal | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, raw: Any) -> Any:
        body = _data(raw)
        word = body.get("status") or body.get("paymentStatus") or body.get("Status")
        if not isinstance(word, str):
            raise ValueError("payment status is missing")
        payment_id = body.get("paymentId") or body.get("payment_id") or body.get("id")
        # A status word we do not know from a bank that gave the payment an id: it was accepted.
        return {
            "payment_id": payment_id,
            "raw_status": word,
            "state": payment_state(word) or "pending",
            "amount": _decimal(body.get("amount")),
        }


def payment_consent(
    client: BankClient, any_id: str, customer_id: str, deadline: Deadline
) -> PaymentConsentTerms:
    operation = "payment_consent.get"
    answer = client.call(
        "GET",
        f"{KINDS['payments'].path}/{any_id}",
        operation=operation,
        deadline=deadline,
        client_id=customer_id,
    )
    return client.parse(operation, lambda: PaymentConsentTerms.model_validate(answer.body))


def create_payment(
    client: BankClient,
    customer_id: str,
    consent_id: str,
    initiation: dict[str, Any],
    idempotency_key: str,
    deadline: Deadline,
) -> BankPayment:
    operation = "payments.create"
    answer = client.call(
        "POST",
        "/payments",
        operation=operation,
        deadline=deadline,
        client_id=customer_id,
        client_id_in=ClientIdIn.QUERY,
        consent=(KINDS["payments"].header, consent_id),
        body={"data": {"initiation": initiation}, "risk": {}},
        idempotent=False,
        headers={"X-Idempotency-Key": idempotency_key},
    )
    return client.parse(operation, lambda: BankPayment.model_validate(answer.body))


def get_payment(client: BankClient, payment_id: str, customer_id: str, deadline: Deadline) -> BankPayment:
    operation = "payments.get"
    answer = client.call(
        "GET", f"/payments/{payment_id}", operation=operation, deadline=deadline, client_id=customer_id
    )
    return client.parse(operation, lambda: BankPayment.model_validate(answer.body))
