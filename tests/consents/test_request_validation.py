"""Consent options and payment limits: sensible ones pass, invalid ones fail with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from finpulse.consents.requests import IdentityBody, InitRequest, PaymentLimits, ProductOptions

DEBTOR = "40817810000000000001"


def limits(**fields: Any) -> PaymentLimits:
    return PaymentLimits.model_validate({"debtor_account": DEBTOR} | fields)


def test_single_use_multi_use_and_vrp_limits() -> None:
    assert limits(amount="1500.50").amount == Decimal("1500.50")
    multi = limits(consent_type="multi_use", max_uses=10, max_amount_per_payment=5000, max_total_amount=50000)
    assert multi.max_uses == 10
    vrp = limits(
        consent_type="vrp", vrp_max_individual_amount=1000, vrp_daily_limit=3000, vrp_monthly_limit=50000
    )
    assert vrp.vrp_monthly_limit == Decimal(50000)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({}, "needs amount"),
        ({"amount": 0}, "greater than 0"),
        ({"amount": -5}, "greater than 0"),
        ({"amount": "10.001"}, "decimal places"),
        ({"amount": "100000000.01"}, "less than or equal"),
        ({"amount": 10, "max_uses": 3}, "do not apply"),
        ({"consent_type": "multi_use", "max_uses": 3}, "needs max_uses and max_amount_per_payment"),
        (
            {
                "consent_type": "multi_use",
                "max_uses": 3,
                "max_amount_per_payment": 100,
                "max_total_amount": 50,
            },
            "at least max_amount_per_payment",
        ),
        (
            {"consent_type": "multi_use", "max_uses": 0, "max_amount_per_payment": 100},
            "greater than or equal",
        ),
        ({"consent_type": "vrp", "vrp_max_individual_amount": 10}, "needs vrp_max_individual_amount"),
        (
            {
                "consent_type": "vrp",
                "vrp_max_individual_amount": 5000,
                "vrp_daily_limit": 3000,
                "vrp_monthly_limit": 50000,
            },
            "individual <= daily <= monthly",
        ),
        ({"consent_type": "recurring", "amount": 10}, "literal_error|Input should be"),
        ({"amount": 10, "valid_until": "2001-01-01T00:00:00Z"}, "in the future"),
        (
            {"amount": 10, "valid_until": (datetime.now(UTC) + timedelta(days=400)).isoformat()},
            "within a year",
        ),
        ({"amount": 10, "unlimited": True}, "Extra inputs"),
        ({"amount": 10, "debtor_account": "12"}, "pattern"),
    ],
)
def test_invalid_limits_are_refused_with_a_reason(fields: dict[str, Any], reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        limits(**fields)


def test_product_options() -> None:
    assert ProductOptions().product_types == ["deposit", "loan", "card"]
    with pytest.raises(ValidationError, match="at least one"):
        ProductOptions(read=False)
    with pytest.raises(ValidationError, match="max_amount is required"):
        ProductOptions(open=True)
    with pytest.raises(ValidationError, match="must not repeat"):
        ProductOptions(product_types=["loan", "loan"])
    with pytest.raises(ValidationError):
        ProductOptions.model_validate({"product_types": ["yacht"]})


def test_init_request_rules() -> None:
    request = InitRequest.model_validate({"banks": ["vbank", {"bank_id": "abank"}]})
    assert [c.bank_id for c in request.choices()] == ["vbank", "abank"]
    with pytest.raises(ValidationError, match="must not repeat"):
        InitRequest.model_validate({"banks": ["vbank", {"bank_id": "vbank"}]})
    with pytest.raises(ValidationError, match="needs payment_limits"):
        InitRequest.model_validate({"banks": ["vbank"], "include_payments": True})
    with pytest.raises(ValidationError, match="nothing to consent to"):
        InitRequest.model_validate({"banks": ["vbank"], "include_accounts": False})
    with pytest.raises(ValidationError):
        InitRequest.model_validate({"banks": []})
    with pytest.raises(ValidationError):
        InitRequest.model_validate({"banks": ["VBank!"]})


def test_customer_ids() -> None:
    assert IdentityBody(customer_id="team200-1").customer_id == "team200-1"
    for bad in ("", "team 200", "-team", "a" * 65, "team200-1; drop"):
        with pytest.raises(ValidationError):
            IdentityBody(customer_id=bad)
