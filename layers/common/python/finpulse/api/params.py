"""Query parameter types shared by the routes."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)


def _calendar_date(value: Any) -> Any:
    """`YYYY-MM-DD` only: pydantic would read `0` as 1970-01-01 (a Unix timestamp)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


def _in_range(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST} and {LATEST}")
    return value


# A calendar date in the years banks and people plan in.
QueryDate = Annotated[
    date,
    BeforeValidator(_calendar_date),
    AfterValidator(_in_range),
    Field(description=f"A date, YYYY-MM-DD, {EARLIEST} … {LATEST}"),
]
