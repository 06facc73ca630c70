"""Placeholder (filled in by the next commit)."""

from __future__ import annotations

from sandbox.bank.context import Bank
from sandbox.bank.http import Router


def register(router: Router, bank: Bank) -> None:
    return None
