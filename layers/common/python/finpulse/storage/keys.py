"""Partition and sort key builders, in one place so every module agrees on the layout."""

from __future__ import annotations


def user_pk(user_id: str) -> str:
    return f"USER#{user_id}"


def consent_sk(bank_id: str, kind: str, local_id: str) -> str:
    return f"CONSENT#{bank_id}#{kind}#{local_id}"


CONSENT_PREFIX = "CONSENT#"


def identity_sk(bank_id: str) -> str:
    """The user's customer id at a bank (ConsentsTable)."""
    return f"IDENTITY#{bank_id}"


IDENTITY_PREFIX = "IDENTITY#"


def consent_init_sk(bank_id: str, kind: str, fingerprint: str) -> str:
    """Short-lived marker held while a consent request is being created at a bank."""
    return f"INIT#{bank_id}#{kind}#{fingerprint}"


def identity_claim_key(bank_id: str, customer_id: str) -> dict[str, str]:
    """The one item that binds a customer at a bank to one FinPulse user (ConsentsTable).

    Case-folded: a bank that matches customer ids without regard to case must not let `TEAM200-1`
    be a second claim on `team200-1`."""
    return {"pk": f"CLAIM#{bank_id}#{customer_id.casefold()}", "sk": "CLAIM"}
