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
from typing import TYPE_CHECKING, Any, ClassVar

from sandbox.bank import knobs
from sandbox.bank.http import ApiError, Router
from sandbox.bank.knobs import DropAfterCommit as DropAfterCommit
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


class PaymentKnobs(knobs.Knobs):
    KNOBS: ClassVar[dict[str, type | tuple[type, ...]]] = KNOBS
    WHAT = "payment knob"

    def validate(self, config: dict[str, Any]) -> None:
        super().validate(config)
        if config.get("consent_approval") not in (None, "auto", "manual"):
            raise ValueError("consent_approval must be auto or manual")
        terms = config.get("consent_terms") or {}
        unknown = set(terms) - set(TERM_FIELDS)
        if unknown:
            raise ValueError(
                f"consent_terms cannot change {sorted(unknown)}; changeable: {list(TERM_FIELDS)}"
            )
        for key in set(terms) & set(LIMIT_FIELDS):
            try:
                kop(terms[key])
            except ApiError as exc:
                raise ValueError(f"consent_terms.{key}: {exc.message}") from None

    @property
    def reject_after_accept(self) -> bool:
        return bool(self.config.get("reject_after_accept"))

    def approval(self, default: str) -> str:
        return str(self.config.get("consent_approval") or default)

    def take_drop(self) -> bool:
        """True (and one fewer left) when this committed payment's answer is to be dropped."""
        return self.take("drop_after_commit")

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


def register_admin(router: Router, bank: Bank) -> None:
    knobs.register_admin(router, bank.payment_knobs, "/__admin/payment-knobs", "INVALID_PAYMENT_KNOBS")
