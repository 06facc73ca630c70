"""What the analytics engine needs to know about consents: when they stop working."""

from __future__ import annotations

from pydantic import Field
from pydantic.dataclasses import dataclass

from finpulse.domain._base import DOMAIN_CONFIG, UtcDatetime


@dataclass(frozen=True, slots=True, kw_only=True, config=DOMAIN_CONFIG)
class ConsentExpiry:
    bank_id: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    """`accounts`, `products` or `payments`."""
    expires_at: UtcDatetime
