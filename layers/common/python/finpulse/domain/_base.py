"""The base model and the field types every domain model shares."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, ConfigDict, Field, TypeAdapter


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _finite(value: Decimal) -> Decimal:
    # NaN/Infinity would poison every sum silently; a bank sending them is a mapping bug.
    if not value.is_finite():
        raise ValueError("amount must be a finite decimal")
    return value


def _upper(value: str) -> str:
    return value.upper()


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""Timezone-aware datetime, stored in UTC. Naive datetimes are rejected: a bank's local time is
ambiguous and the engine must not guess it."""

Money = Annotated[Decimal, AfterValidator(_finite)]
"""A signed, unrounded decimal amount in the currency named next to it."""

NonNegativeMoney = Annotated[Decimal, AfterValidator(_finite), Field(ge=0)]

CurrencyCode = Annotated[str, Field(min_length=3, max_length=3), AfterValidator(_upper)]
"""ISO 4217 alphabetic code, upper-cased (banks send `RUB`; some fixtures send `rub`)."""

Rate = Annotated[Decimal, AfterValidator(_finite), Field(ge=0, le=1000)]
"""An annual interest rate in percent (`11.9` means 11.9 % per year), as banks publish it."""


DOMAIN_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)
"""Config of every domain model: `@dataclass(frozen=True, slots=True, kw_only=True, config=...)`."""


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def to_json(value: Any) -> bytes:
    """Canonical JSON of a domain object (for storage, caching and deterministic tie-breaks).
    Contains full account numbers: never log it or return it to a client."""
    return _adapter(type(value)).dump_json(value)


def to_dict(value: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = _adapter(type(value)).dump_python(value, mode="json")
    return dumped


def from_dict[T](kind: type[T], data: Any) -> T:
    """Validate stored or mapped data into a domain object."""
    loaded: T = _adapter(kind).validate_python(data)
    return loaded
