"""The bank's product-agreement operations: open (`POST /product-agreements`), close
(`DELETE /product-agreements/{id}`) and the agreement list, under the product consent.

Opening and closing are never retried once they may have reached the bank (`idempotent=False`:
the transport retries only a refused connection or a 429); a lost answer is settled by the list.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from finpulse.banks.client import KINDS, BankClient
from finpulse.banks.http import ClientIdIn
from finpulse.banks.models import AgreementItem, parse_decimal
from finpulse.banks.retry import Deadline


class OpenedAgreement(BaseModel):
    """The agreement the bank answered with (its detail shape)."""

    model_config = ConfigDict(extra="allow")
    agreement_id: str = Field(min_length=1)
    status: str | None = None
    account_number: str | None = None
    account_balance: Decimal | None = None
    interest_rate: Decimal | None = None

    @field_validator("account_balance", "interest_rate", mode="before")
    @classmethod
    def _dec(cls, value: Any) -> Decimal | None:
        return None if value is None else parse_decimal(value)


def _data(body: Any) -> Any:
    return body.get("data") if isinstance(body, dict) and isinstance(body.get("data"), dict) else body


def _change(
    client: BankClient,
    method: str,
    path: str,
    operation: str,
    customer_id: str,
    consent_id: str,
    body: dict[str, Any],
    deadline: Deadline,
) -> OpenedAgreement:
    answer = client.call(
        method,
        path,
        operation=operation,
        deadline=deadline,
        client_id=customer_id,
        client_id_in=ClientIdIn.QUERY,
        consent=(KINDS["products"].header, consent_id),
        body=body,
        idempotent=False,
    )
    return client.parse(operation, lambda: OpenedAgreement.model_validate(_data(answer.body)))


def open_agreement(
    client: BankClient, customer_id: str, consent_id: str, body: dict[str, Any], deadline: Deadline
) -> OpenedAgreement:
    return _change(
        client, "POST", "/product-agreements", "agreements.open", customer_id, consent_id, body, deadline
    )


def close_agreement(
    client: BankClient,
    customer_id: str,
    consent_id: str,
    agreement_id: str,
    body: dict[str, Any],
    deadline: Deadline,
) -> OpenedAgreement:
    path = f"/product-agreements/{agreement_id}"
    return _change(client, "DELETE", path, "agreements.close", customer_id, consent_id, body, deadline)


def list_agreements(
    client: BankClient, customer_id: str, consent_id: str, deadline: Deadline
) -> list[AgreementItem]:
    return client.agreements(customer_id, consent_id, deadline)
