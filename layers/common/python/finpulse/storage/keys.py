"""Partition and sort key builders, in one place so every module agrees on the layout."""

from __future__ import annotations


def user_pk(user_id: str) -> str:
    return f"USER#{user_id}"


def consent_sk(bank_id: str, kind: str, local_id: str) -> str:
    return f"CONSENT#{bank_id}#{kind}#{local_id}"


CONSENT_PREFIX = "CONSENT#"
