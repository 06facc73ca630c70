"""Consent rules shared by every data call: the right kind, owner, team, status and permission."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sandbox.bank.context import Bank, team_of
from sandbox.bank.http import ApiError, Request
from sandbox.bank.spelling import spell
from sandbox.model import Consent, iso, utcnow


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def data_caller(bank: Bank, req: Request) -> str:
    """The team of a data call: valid token and ``X-Requesting-Bank`` naming that same team.

    Without ``X-Requesting-Bank`` the real sandbox treats the call as a customer's own call and
    wants a client token, which a team never has: 401, as there.
    """
    team = team_of(bank, req)
    requesting = req.headers.get("x-requesting-bank")
    if not requesting:
        raise ApiError(
            401,
            "UNAUTHORIZED",
            "Client token required for own account access; interbank calls "
            "must send X-Requesting-Bank with your team id",
        )
    if requesting != team:
        raise ApiError(
            403, "INSUFFICIENT_PERMISSIONS", f"X-Requesting-Bank {requesting!r} is not the team of the token"
        )
    return team


def expired(consent: Consent, now: datetime | None = None) -> bool:
    if consent.status == "expired":
        return True
    return consent.expires is not None and consent.expires < iso(now or utcnow())


def require(
    bank: Bank, req: Request, *, team: str, kind: str, header: str, customer_id: str, permission: str | None
) -> Consent:
    """The consent in ``header`` if it lets ``team`` do ``permission`` on ``customer_id``'s data.

    403 codes: ``CONSENT_REQUIRED`` (missing, unknown, foreign, not yet approved, rejected),
    ``CONSENT_REVOKED``, ``CONSENT_EXPIRED``, ``INSUFFICIENT_PERMISSIONS``.
    """
    consent_id = req.headers.get(header)
    if not consent_id:
        raise ApiError(403, "CONSENT_REQUIRED", "Требуется согласие клиента", consent_request_url=_url(kind))
    consent = bank.state.consent_ids.get(consent_id)
    if consent is None or consent.kind != kind:
        raise ApiError(
            403, "CONSENT_REQUIRED", f"Consent {consent_id} not found", consent_request_url=_url(kind)
        )
    if consent.team != team or consent.customer_id != customer_id:
        raise ApiError(
            403,
            "CONSENT_REQUIRED",
            "Consent was given to another team or by another customer",
            consent_request_url=_url(kind),
        )
    if consent.status == "revoked":
        code = bank.faults.config.get("revoked_as") or "CONSENT_REVOKED"  # some banks say REQUIRED
        raise ApiError(403, code, "Consent has been revoked by the customer")
    if expired(consent):
        mark_expired(bank, consent)
        raise ApiError(403, "CONSENT_EXPIRED", "Consent has expired")
    if consent.status not in ("authorized", "consumed"):
        raise ApiError(403, "CONSENT_REQUIRED", f"Consent is not authorized (status {consent.status})")
    if permission is not None and permission not in consent.permissions:
        raise ApiError(403, "INSUFFICIENT_PERMISSIONS", f"Consent lacks permission {permission}")
    return consent


def _url(kind: str) -> str:
    return {
        "account": "/account-consents/request",
        "product": "/product-agreement-consents/request",
        "payment": "/payment-consents/request",
    }[kind]


def mark_expired(bank: Bank, consent: Consent) -> None:
    if consent.status != "expired":
        consent.status = "expired"
        consent.updated = iso(utcnow())
        bank.state.save_consent(consent)


def create(
    bank: Bank,
    *,
    kind: str,
    team: str,
    customer_id: str,
    permissions: list[str],
    details: dict[str, object],
    expires: datetime | None,
    prefixes: tuple[str, str],
    approval: str | None = None,
) -> Consent:
    """A new consent request, approved at once in ``auto`` approval mode (``approval``, else the
    bank's setting)."""
    now = utcnow()
    expires = expires or now + timedelta(days=bank.settings.consent_days)
    consent = Consent(
        kind,
        new_id(prefixes[0]),
        None,
        customer_id,
        team,
        "pending",
        iso(now),
        iso(now),
        iso(expires),
        permissions,
        details,
    )
    if (approval or bank.settings.approval) == "auto":
        consent.consent_id = new_id(prefixes[1])
        consent.status = "authorized"
    bank.state.save_consent(consent)
    return consent


def decide(bank: Bank, consent: Consent, approve: bool) -> Consent:
    """The customer's (or the admin's) answer to a pending request."""
    if consent.status != "pending":
        raise ApiError(409, "CONSENT_NOT_PENDING", f"Consent request is already {consent.status}")
    prefix = {"account": "consent", "product": "pagc", "payment": "pcon"}[consent.kind]
    consent.status = "authorized" if approve else "rejected"
    if approve:
        consent.consent_id = new_id(prefix)
    consent.updated = iso(utcnow())
    bank.state.save_consent(consent)
    return consent


def revoke(bank: Bank, consent: Consent) -> None:
    if consent.status not in ("revoked",):
        consent.status = "revoked"
        consent.updated = iso(utcnow())
        bank.state.save_consent(consent)


def owned(bank: Bank, req: Request, kind: str, what: str) -> Consent:
    """The consent named in the path (by consent id or request id) if it is the caller team's own
    and of this kind; a 404 otherwise, so a team cannot even learn that another's consent exists."""
    consent = bank.state.find_consent(req.params["consent_id"])
    if consent is None or consent.kind != kind or consent.team != team_of(bank, req):
        raise ApiError(404, "CONSENT_NOT_FOUND", f"{what} not found")
    return consent


def approval_link(bank: Bank, consent: Consent) -> str:
    """The customer's banking-app page for this request (``links.consentApproval``)."""
    return f"{bank.settings.base_url}/app/consents/{consent.request_id}"


def request_answer(bank: Bank, consent: Consent, self_path: str, **extra: Any) -> dict[str, Any]:
    """The answer to a product or payment consent request, as the real sandbox shapes it."""
    auto = consent.consent_id is not None
    links = {"self": f"{self_path}/{consent.consent_id or consent.request_id}"}
    if not auto:
        links["consentApproval"] = approval_link(bank, consent)
    return {
        "request_id": consent.request_id,
        "consent_id": consent.consent_id,
        "status": spell(consent.status, "request", bank.status_style()),
        **extra,
        "auto_approved": auto,
        "message": "Согласие одобрено автоматически" if auto else "Требуется одобрение клиента",
        "valid_until": consent.expires,
        "links": links,
    }


def parse_time(value: str | None) -> datetime | None:
    """An ISO date-time from a request (``Z`` or offset or naive) as naive UTC; None if absent."""
    if not value:
        return None
    from datetime import UTC

    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed
