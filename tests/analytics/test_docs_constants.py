"""docs/ANALYTICS.md quotes every engine constant; this keeps the two in step."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from finpulse.analytics import constants

DOC = Path(__file__).resolve().parents[2] / "docs" / "ANALYTICS.md"
ALIASES = {"dti": "debt_to_income"}


def parse(value: str) -> Any:
    value = value.strip()
    if m := re.fullmatch(r"(\d+)–(\d+)", value):
        return (int(m[1]), int(m[2]))
    if re.fullmatch(r"[\d.]+", value):
        return Decimal(value)
    pairs = {}
    for part in value.split(","):
        name, _, number = part.strip().rpartition(" ")
        key = name.strip().lower().replace(" ", "_")
        pairs[ALIASES.get(key, key)] = Decimal(number)
    return pairs


def documented() -> dict[str, Any]:
    table = DOC.read_text().split("## Constants", 1)[1].split("\n## ", 1)[0]
    found: dict[str, Any] = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        names = re.findall(r"`([A-Z_]+)`", cells[0])
        values = cells[1].split(" / ") if len(names) > 1 else [cells[1]]
        for name, value in zip(names, values, strict=True):
            found[name] = parse(value)
    return found


def in_code(name: str) -> Any:
    value = getattr(constants, name)
    if isinstance(value, dict):
        return {str(getattr(k, "value", k)): Decimal(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return value
    return Decimal(value)


def test_every_documented_constant_matches_the_code() -> None:
    docs = documented()
    assert len(docs) >= 25
    assert {name: in_code(name) for name in docs} == docs


def _numeric_tuple(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, int) for v in value)


def test_every_numeric_constant_is_documented() -> None:
    numeric = {
        name
        for name, value in vars(constants).items()
        if name.isupper() and (isinstance(value, int | Decimal | dict) or _numeric_tuple(value))
    }
    assert numeric <= set(documented()), numeric - set(documented())
