"""The base model and the field types every domain model shares."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, ConfigDict, Field, StringConstraints, TypeAdapter
from pydantic_core import SchemaSerializer


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""Timezone-aware datetime, stored in UTC. Naive datetimes are rejected: a bank's local time is
ambiguous and the engine must not guess it."""

# The constraints below are pydantic-core's own, checked without a Python call: they run for every
# transaction a sync stores and every one a dashboard reads back (tens of thousands a time).
_FINITE = Field(allow_inf_nan=False)
"""NaN/Infinity would poison every sum silently; a bank sending them is a mapping bug."""

Money = Annotated[Decimal, _FINITE]
"""A signed, unrounded decimal amount in the currency named next to it."""

NonNegativeMoney = Annotated[Decimal, _FINITE, Field(ge=0)]

CurrencyCode = Annotated[str, StringConstraints(min_length=3, max_length=3, to_upper=True)]
"""ISO 4217 alphabetic code, upper-cased (banks send `RUB`; some fixtures send `rub`)."""

Rate = Annotated[Decimal, _FINITE, Field(ge=0, le=1000)]
"""An annual interest rate in percent (`11.9` means 11.9 % per year), as banks publish it."""


DOMAIN_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)
"""Config of every domain model: `@dataclass(frozen=True, slots=True, kw_only=True, config=...)`."""


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


_SERIALIZERS: dict[type[Any], SchemaSerializer] = {}


def to_json(value: Any) -> bytes:
    """Canonical JSON of a domain object (for storage, caching and deterministic tie-breaks).
    Contains full account numbers: never log it or return it to a client."""
    # The adapter's own serializer, called without `TypeAdapter.dump_json`'s Python wrapper (a
    # quarter of the cost for a transaction, of which a first sync stores tens of thousands).
    serializer = _SERIALIZERS.get(type(value))
    if serializer is None:
        serializer = _SERIALIZERS[type(value)] = _adapter(type(value)).serializer
    return serializer.to_json(value)


def to_dict(value: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = _adapter(type(value)).dump_python(value, mode="json")
    return dumped


def from_dict[T](kind: type[T], data: Any) -> T:
    """Validate stored or mapped data into a domain object."""
    loaded: T = _adapter(kind).validate_python(data)
    return loaded
