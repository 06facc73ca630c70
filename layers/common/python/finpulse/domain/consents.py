"""What the analytics engine needs to know about consents: when they stop working."""

from __future__ import annotations

from pydantic import Field

from finpulse.domain._base import DomainModel, UtcDatetime


class ConsentExpiry(DomainModel):
    bank_id: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    """`accounts`, `products` or `payments`."""
    expires_at: UtcDatetime
