"""The user's product-agreement consent at a bank: its terms as stored (what the user granted) and
as the bank reports them now (`GET /product-agreement-consents/{id}`, which also counts what was
already opened under it)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from finpulse.agreements.eligibility import ConsentTerms
from finpulse.banks.consent_status import ConsentStatus, normalise_status
from finpulse.banks.retry import Deadline

if TYPE_CHECKING:
    from finpulse.consents.records import ConsentRecord


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def current(user_id: str, bank_id: str) -> ConsentRecord | None:
    from finpulse.consents.lifecycle import current_consent

    return current_consent(user_id, bank_id, "products")


def stored_terms(record: ConsentRecord | None) -> ConsentTerms | None:
    """What the user granted, from the stored consent (no bank call)."""
    if record is None:
        return None
    o = record.options
    return ConsentTerms(
        consent_id=record.consent_id,
        open=bool(o.get("open")),
        close=bool(o.get("close")),
        product_types=tuple(str(t) for t in o.get("product_types") or ()),
        max_amount=_decimal(o.get("max_amount")),
    )


def bank_terms(record: ConsentRecord, deadline: Deadline) -> ConsentTerms | None:
    """The consent as the bank holds it now; None when the bank no longer treats it as active."""
    from finpulse.consents.lifecycle import client_for

    assert record.consent_id is not None
    bank = client_for(record.bank_id)
    answer = bank.call(
        "GET",
        f"/product-agreement-consents/{record.consent_id}",
        operation="product_consent.terms",
        deadline=deadline,
        client_id=record.customer_id,
    )
    body: dict[str, Any] = answer.body if isinstance(answer.body, dict) else {}
    inner = body.get("data")
    data: dict[str, Any] = inner if isinstance(inner, dict) else body
    word = str(data.get("status") or "")
    if normalise_status(word) is not ConsentStatus.APPROVED:
        return None
    types = data.get("allowed_product_types")
    return ConsentTerms(
        consent_id=record.consent_id,
        open=bool(data.get("open_product_agreements")),
        close=bool(data.get("close_product_agreements")),
        product_types=tuple(str(t) for t in types) if isinstance(types, list) else (),
        max_amount=_decimal(data.get("max_amount")),
        opened_so_far=_decimal(data.get("current_total_opened")) or Decimal(0),
    )
