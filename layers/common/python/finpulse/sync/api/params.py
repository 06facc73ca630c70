"""Query parameters the data endpoints share."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from finpulse.banks.registry import get_bank

BankParam = Annotated[str | None, Field(pattern=r"^[a-z][a-z0-9-]{1,31}$")]


def known_bank(bank_id: str | None) -> str | None:
    """The bank id if configured (404 with the error envelope otherwise); None means all banks."""
    return None if bank_id is None else get_bank(bank_id).bank_id
