"""The payment consent a payment goes under, and its terms as the bank stored them.

By default every payment gets a single-use consent for exactly its amount, debtor and creditor:
the bank itself then refuses a second execution. The bank's stored terms are read back and
compared with what was asked; a single-use consent whose amount, currency, accounts or type differ
is not used (it is revoked and the payment fails with `CONSENT_TERMS_MISMATCH`). An existing
multi-use or VRP consent is checked against the bank's terms and usage as they are now.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.payments import LIMITS, PaymentConsentTerms
from finpulse.consents.records import ConsentRecord, iso
from finpulse.domain import mask_account_number
from finpulse.payments.checks import Checks

SINGLE_USE_VALIDITY = timedelta(hours=24)
MATERIAL = ("consent_type", "amount", "currency", "debtor_account", "creditor_account")
_ACCOUNTS = ("debtor_account", "creditor_account")


def _text(name: str, value: Any) -> str:
    if name in _ACCOUNTS:
        return mask_account_number(str(value)) or "****"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return iso(value)
    return str(value)


def single_use_body(
    *,
    amount: Decimal,
    currency: str,
    debtor: str,
    creditor: str,
    creditor_name: str,
    reference: str,
    now: datetime,
) -> dict[str, Any]:
    """`POST /payment-consents/request` for exactly one payment."""
    return {
        "consent_type": "single_use",
        "amount": f"{amount:.2f}",
        "currency": currency,
        "debtor_account": debtor,
        "creditor_account": creditor,
        "creditor_name": creditor_name[:140] or None,
        "reference": reference,
        "valid_until": iso(now + SINGLE_USE_VALIDITY),
        "reason": "FinPulse: the payment you confirmed",
    }


def requested(body: dict[str, Any]) -> dict[str, str]:
    """What was asked, as shown to the user (accounts masked)."""
    names = (*MATERIAL, "valid_until")
    return {k: _text(k, body[k]) for k in names if body.get(k) is not None}


def bank_terms(terms: PaymentConsentTerms) -> dict[str, str]:
    values: dict[str, Any] = {
        "consent_type": terms.consent_type,
        "currency": terms.currency,
        "debtor_account": terms.debtor_account,
        "creditor_account": terms.creditor_account,
        "max_uses": terms.max_uses,
        "valid_until": terms.expires_at,
        **{k: getattr(terms, k) for k in LIMITS},
    }
    return {k: _text(k, v) for k, v in values.items() if v is not None}


def usage(terms: PaymentConsentTerms) -> dict[str, str]:
    values = {
        "used_count": terms.used_count,
        "used_amount": terms.used_amount,
        "used_today": terms.used_today,
        "used_this_month": terms.used_this_month,
    }
    return {k: _text(k, v) for k, v in values.items() if v is not None}


def differences(asked: dict[str, Any], terms: PaymentConsentTerms) -> list[str]:
    """Every term the bank stored otherwise than asked (`asked` holds full values)."""
    stored = {
        "consent_type": terms.consent_type,
        "currency": terms.currency,
        "debtor_account": terms.debtor_account,
        "creditor_account": terms.creditor_account,
        "max_uses": terms.max_uses,
        **{k: getattr(terms, k) for k in LIMITS},
    }
    out = []
    for name, want in asked.items():
        if name == "valid_until" or want is None or name not in stored:
            continue
        have = stored[name]
        if have is None and name in _ACCOUNTS:
            continue  # a bank that does not echo an account keeps it; nothing to compare
        if _norm(have) != _norm(want):
            shown = _text(name, have) if have is not None else "none"
            out.append(f"{name}: asked {_text(name, want)}, the bank stored {shown}")
    valid_until = asked.get("valid_until")
    if valid_until and terms.expires_at is not None:
        wanted = datetime.fromisoformat(str(valid_until).replace("Z", "+00:00"))
        if terms.expires_at < wanted - timedelta(minutes=1):
            out.append(
                f"valid_until: asked {_text('valid_until', wanted)}, the bank stored {iso(terms.expires_at)}"
            )
    return out


def _norm(value: Any) -> str:
    if value is None:
        return ""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except ArithmeticError:
        return str(value)


def material(found: list[str]) -> bool:
    return any(d.split(":", 1)[0] in MATERIAL for d in found)


def existing(checks: Checks, record: ConsentRecord | None, debtor_bank: str, debtor_number: str) -> bool:
    """An existing consent of the caller that may pay from this debtor (as FinPulse stored it)."""
    now = datetime.now(UTC)
    problem = None
    if record is None or record.kind != "payments":
        problem = "No such payment consent of yours"
    elif record.bank_id != debtor_bank:
        problem = f"The consent is for {record.bank_id}, the debtor account is at {debtor_bank}"
    elif not record.live(now) or record.status is not ConsentStatus.APPROVED or not record.consent_id:
        problem = f"The consent is {record.status.value}"
    elif str(record.options.get("debtor_account") or debtor_number) != debtor_number:
        problem = "The consent was given for another debtor account"
    if problem is not None:
        checks.fail("consent", "CONSENT_NOT_USABLE", problem, "body.consent_id")
        return False
    return True
