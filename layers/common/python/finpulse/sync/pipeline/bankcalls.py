"""The data calls the sync needs that the bank client does not wrap yet, made through its `call`.

Same transport, token handling, retries, typed errors and status log as every other bank call
(finpulse.banks.client.BankClient.call); only the paths and envelope keys live here.
"""

from __future__ import annotations

from typing import Any

from finpulse.banks.client import KINDS, BankClient
from finpulse.banks.errors import InvalidBankResponse
from finpulse.banks.models import envelope_items
from finpulse.banks.retry import Deadline


def _list(client: BankClient, body: Any, key: str, operation: str) -> list[dict[str, Any]]:
    try:
        items = envelope_items(body, key)
    except ValueError as exc:
        raise InvalidBankResponse(
            "The bank's answer does not have the expected shape",
            bank_id=client.bank.bank_id,
            operation=operation,
            details=[{"field": None, "message": str(exc)[:200]}],
        ) from None
    return [i for i in items if isinstance(i, dict)]


def agreement_detail(
    client: BankClient, agreement_id: str, customer_id: str, consent_id: str, deadline: Deadline
) -> dict[str, Any]:
    """`GET /product-agreements/{id}`: the only call that returns the interest rate."""
    operation = "agreements.detail"
    answer = client.call(
        "GET",
        f"/product-agreements/{agreement_id}",
        operation=operation,
        deadline=deadline,
        client_id=customer_id,
        consent=(KINDS["products"].header, consent_id),
    )
    body = answer.body
    data = body.get("data", body) if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise InvalidBankResponse(
            "The bank's agreement detail is not an object", bank_id=client.bank.bank_id, operation=operation
        )
    return data


def products(client: BankClient, deadline: Deadline) -> list[dict[str, Any]]:
    """`GET /products`: the bank's public catalog."""
    answer = client.call("GET", "/products", operation="products.list", deadline=deadline)
    return _list(client, answer.body, "product", "products.list")


def cards(client: BankClient, customer_id: str, consent_id: str, deadline: Deadline) -> list[dict[str, Any]]:
    """`GET /cards` (needs `ReadCards` on the account consent); `data.cards[]` at the sandbox."""
    answer = client.call(
        "GET",
        "/cards",
        operation="cards.list",
        deadline=deadline,
        client_id=customer_id,
        consent=(KINDS["accounts"].header, consent_id),
    )
    return _list(client, answer.body, "card", "cards.list")
