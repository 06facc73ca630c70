"""The body of a consent request at the bank, per kind, from the options the user chose."""

from __future__ import annotations

from typing import Any

from finpulse.banks.client import ACCOUNT_PERMISSIONS
from finpulse.consents.records import Kind

REASON = "FinPulse: personal finance overview"


def default_options(kind: Kind) -> dict[str, Any]:
    if kind == "accounts":
        return {"permissions": list(ACCOUNT_PERMISSIONS)}
    raise ValueError(f"{kind} consents need options")


def request_body(kind: Kind, options: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(body for `POST /<kind>-consents/request`, the permissions it asks for)."""
    if kind == "accounts":
        permissions = list(options["permissions"])
        return {"permissions": permissions, "reason": REASON, "requesting_bank_name": "FinPulse"}, permissions
    if kind == "products":
        body = {
            "read_product_agreements": options["read"],
            "open_product_agreements": options["open"],
            "close_product_agreements": options["close"],
            "allowed_product_types": options["product_types"],
            "reason": REASON,
        }
        if options.get("max_amount") is not None:
            body["max_amount"] = options["max_amount"]
        words = [w for w in ("read", "open", "close") if options[w]]
        return body, [f"{w}_product_agreements" for w in words]
    body = {k: v for k, v in options.items() if v is not None}
    body.setdefault("reason", "FinPulse: payments you ask for")
    return body, [f"payments:{options['consent_type']}"]
