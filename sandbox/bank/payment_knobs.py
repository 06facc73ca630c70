"""Payment knobs: how a bank misbehaves around payments, set through ``/__admin/payment-knobs``.

The hard cases of exactly-once payments, each reproducible on demand:

* ``reject_after_accept`` (bool) — ``POST /payments`` answers 201 ``pending``; when the payment
  settles (``payment_settle_seconds`` setting, or on the first ``GET /payments/{id}``) it becomes
  ``rejected`` and the money goes back to the debtor (and is taken back from the creditor).
* ``drop_after_commit`` (int) — the next N ``POST /payments`` are executed in full (money moved,
  consent used), then the connection is closed without an answer.
* ``consent_approval`` (``auto`` | ``manual``) — payment consents only need (or do not need) the
  customer's approval on the bank's page, whatever the bank's ``approval`` setting says.
* ``consent_terms`` (object) — the bank stores a payment consent with these terms instead of the
  requested ones (``amount``, ``currency``, ``creditor_account``, ``debtor_account``,
  ``consent_type``, ``max_uses``, ``max_amount_per_payment``, ``max_total_amount``,
  ``vrp_max_individual_amount``, ``vrp_daily_limit``, ``vrp_monthly_limit``, ``valid_days``);
  ``consent_terms_count`` (int) limits it to the next N consents.

Settlement delay is the bank setting ``payment_settle_seconds`` (``PATCH /__admin/settings``).
Knobs are cleared by ``DELETE /__admin/payment-knobs`` and by ``POST /__admin/reset``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import orjson

from sandbox.bank.http import ApiError, Request, Response, Router, json_response
from sandbox.bank.payment_models import LIMIT_FIELDS, kop
from sandbox.model import iso, utcnow

if TYPE_CHECKING:
    from sandbox.bank.context import Bank

KNOBS: dict[str, type | tuple[type, ...]] = {
    "reject_after_accept": bool,
    "drop_after_commit": int,
    "consent_approval": str,
    "consent_terms": dict,
    "consent_terms_count": int,
}
TERM_FIELDS = (
    *LIMIT_FIELDS,
    "currency",
    "creditor_account",
    "debtor_account",
    "consent_type",
    "max_uses",
    "valid_days",
)


class DropAfterCommit(Exception):
    """Raised by a route after it committed: the app closes the connection without an answer."""


class PaymentKnobs:
    def __init__(self) -> None:
        self.config: dict[str, Any] = {}

    def set(self, config: dict[str, Any]) -> dict[str, Any]:
        validate(config)
        self.config = {k: v for k, v in config.items() if v is not None}
        return self.config

    def clear(self) -> None:
        self.config = {}

    @property
    def reject_after_accept(self) -> bool:
        return bool(self.config.get("reject_after_accept"))

    def approval(self, default: str) -> str:
        return str(self.config.get("consent_approval") or default)

    def take_drop(self) -> bool:
        """True (and one fewer left) when this committed payment's answer is to be dropped."""
        left = int(self.config.get("drop_after_commit") or 0)
        if left <= 0:
            return False
        self.config["drop_after_commit"] = left - 1
        return True

    def altered_terms(self, details: dict[str, Any], expires: str) -> tuple[dict[str, Any], str]:
        """The terms the bank stores for a new payment consent (the requested ones unless the
        ``consent_terms`` knob says otherwise) and its expiry."""
        terms = self.config.get("consent_terms")
        if not terms:
            return details, expires
        count = self.config.get("consent_terms_count")
        if count is not None:
            if count <= 0:
                return details, expires
            self.config["consent_terms_count"] = count - 1
        changed = dict(details)
        for key, value in terms.items():
            if key == "valid_days":
                expires = iso(utcnow() + timedelta(days=float(value)))
            elif key in LIMIT_FIELDS:
                changed[key] = kop(value)
            else:
                changed[key] = value
        return changed, expires


def validate(config: dict[str, Any]) -> None:
    for key, value in config.items():
        expected = KNOBS.get(key)
        if expected is None:
            raise ValueError(f"unknown payment knob {key!r}; known: {', '.join(sorted(KNOBS))}")
        if value is not None and (
            not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool)
        ):
            raise ValueError(f"payment knob {key!r} has the wrong type")
    if config.get("consent_approval") not in (None, "auto", "manual"):
        raise ValueError("consent_approval must be auto or manual")
    terms = config.get("consent_terms") or {}
    unknown = set(terms) - set(TERM_FIELDS)
    if unknown:
        raise ValueError(f"consent_terms cannot change {sorted(unknown)}; changeable: {list(TERM_FIELDS)}")
    for key in set(terms) & set(LIMIT_FIELDS):
        try:
            kop(terms[key])
        except ApiError as exc:
            raise ValueError(f"consent_terms.{key}: {exc.message}") from None


def register_admin(router: Router, bank: Bank) -> None:
    knobs = bank.payment_knobs

    def body(req: Request) -> dict[str, Any]:
        try:
            data = orjson.loads(req.body) if req.body.strip() else {}
        except orjson.JSONDecodeError:
            raise ApiError(400, "INVALID_JSON", "Body is not JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "INVALID_JSON", "Body must be a JSON object")
        return data

    def apply(config: dict[str, Any]) -> Response:
        try:
            return json_response(knobs.set(config))
        except (ValueError, ApiError) as exc:
            raise ApiError(400, "INVALID_PAYMENT_KNOBS", str(exc)) from None

    async def get(req: Request) -> Response:
        return json_response(knobs.config)

    async def put(req: Request) -> Response:
        return apply(body(req))

    async def patch(req: Request) -> Response:
        return apply({**knobs.config, **body(req)})

    async def delete(req: Request) -> Response:
        knobs.clear()
        return json_response({})

    for method, handler in (("GET", get), ("PUT", put), ("PATCH", patch), ("DELETE", delete)):
        router.add(method, "/__admin/payment-knobs", handler)
