"""The shape every golden profile has (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from finpulse.analytics import EngineInput
from finpulse.domain import BalanceType

BOOKED = BalanceType.INTERIM_BOOKED


@dataclass(frozen=True)
class Profile:
    name: str
    data: EngineInput
    expected: dict[str, Any]
