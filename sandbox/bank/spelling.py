"""How a bank spells consent statuses.

Internally a consent is ``pending``, ``authorized``, ``rejected``, ``revoked``, ``expired`` or
``consumed``. The ``default`` style reproduces the real sandbox, which is inconsistent on purpose:
request answers say ``approved``/``pending``, ``GET /account-consents`` says ``Authorized`` /
``AwaitingAuthorization`` / ``Revoked``, product and payment consents say ``active``/``revoked``.
The ``status_style`` fault knob switches every answer to one of ``lower``, ``title`` or ``upper``.
"""

from __future__ import annotations

STYLES = ("default", "lower", "title", "upper")

_LOWER = {
    "pending": "pending",
    "authorized": "approved",
    "rejected": "rejected",
    "revoked": "revoked",
    "expired": "expired",
    "consumed": "used",
}
_TITLE = {
    "pending": "AwaitingAuthorization",
    "authorized": "Authorized",
    "rejected": "Rejected",
    "revoked": "Revoked",
    "expired": "Expired",
    "consumed": "Consumed",
}
_UPPER = {
    "pending": "AWAITING_AUTHORIZATION",
    "authorized": "AUTHORIZED",
    "rejected": "REJECTED",
    "revoked": "REVOKED",
    "expired": "EXPIRED",
    "consumed": "CONSUMED",
}
# What the real sandbox says where (context → spelling map).
_DEFAULT = {
    "request": _LOWER,
    "account": _TITLE,
    "resource": {**_LOWER, "authorized": "active"},
}


def spell(status: str, context: str, style: str) -> str:
    """``context``: ``request`` (answers to ``.../request``), ``account`` (``GET /account-consents``)
    or ``resource`` (``GET`` of product/payment consents)."""
    table = {"lower": _LOWER, "title": _TITLE, "upper": _UPPER}.get(style) or _DEFAULT[context]
    return table.get(status, status)
