"""The dashboard cache item, and the one read that tells whether it is still good.

    pk USER#<uid>  sk DASHBOARD
      {version, today, timezone, format, computed_at, z: zlib(Dashboard JSON)}

A cached dashboard is valid only for the data version it was computed from, the local day it was
computed for (safe-to-spend, "today" and the timeline move with the date even when no data
changes), the user's time zone and the cache format. Everything that decides this — the version
counter, the inputs (for the zone), the cache item and each bank's freshness — comes back from one
BatchGetItem, so a warm dashboard read is one DynamoDB round trip.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from finpulse.data import freshness, inputs
from finpulse.data.freshness import BankFreshness
from finpulse.data.keys import DASHBOARD_SK, DATA_VERSION_SK, INPUTS_SK, state_sk, user_pk
from finpulse.data.table import batch_get, data_table

FORMAT = 3
"""Raise when the engine's output changes meaning or shape: older cache items are then ignored.
2: purchases at merchants are never moves between own accounts (issue 12).
3: the repayment plan's balance path, refinance reasons, Russian sentences (issue 11)."""


@dataclass(frozen=True)
class CachedDashboard:
    version: int
    today: date
    timezone: str
    computed_at: str
    body: str
    """The `Dashboard` as JSON, exactly as the engine's model serialised it."""

    def valid_for(self, version: int, today: date, timezone: str) -> bool:
        return (self.version, self.today, self.timezone) == (version, today, timezone)


@dataclass(frozen=True)
class Snapshot:
    version: int
    inputs: inputs.StoredInputs
    cached: CachedDashboard | None
    freshness: list[BankFreshness]


def _key(user_id: str, sk: str) -> dict[str, str]:
    return {"pk": user_pk(user_id), "sk": sk}


def _decode(item: dict[str, Any] | None) -> CachedDashboard | None:
    if not item or int(str(item.get("format", 0))) != FORMAT:
        return None
    raw = item["z"]
    packed = bytes(raw.value if hasattr(raw, "value") else raw)
    return CachedDashboard(
        version=int(str(item["version"])),
        today=date.fromisoformat(str(item["today"])),
        timezone=str(item["timezone"]),
        computed_at=str(item["computed_at"]),
        body=zlib.decompress(packed).decode(),
    )


def read(user_id: str, bank_ids: list[str]) -> Snapshot:
    """Version, inputs, cached dashboard and per-bank freshness in one strongly consistent
    BatchGetItem (the version must not be read stale, or an outdated cache would look current)."""
    keys = [_key(user_id, sk) for sk in (DATA_VERSION_SK, INPUTS_SK, DASHBOARD_SK)]
    keys += [freshness.key(user_id, b) for b in bank_ids]
    pk = user_pk(user_id)
    found = batch_get(keys)
    version_item = found.get((pk, DATA_VERSION_SK))
    return Snapshot(
        version=int(str(version_item["version"])) if version_item else 0,
        inputs=inputs.from_item(found.get((pk, INPUTS_SK))),
        cached=_decode(found.get((pk, DASHBOARD_SK))),
        # freshness' own item reader: the same item shape GET /api/accounts shows.
        freshness=[freshness.from_item(b, found.get((pk, state_sk(b)))) for b in bank_ids],
    )


def write(user_id: str, cached: CachedDashboard) -> bool:
    """Store unless a dashboard of a newer data version is already there (two requests computing
    at once, or a slow one finishing after a sync: the newer result wins). False if skipped."""
    from botocore.exceptions import ClientError  # deferred: botocore's import is a cold-start cost

    item: dict[str, Any] = {
        **_key(user_id, DASHBOARD_SK),
        "version": cached.version,
        "today": cached.today.isoformat(),
        "timezone": cached.timezone,
        "format": FORMAT,
        "computed_at": cached.computed_at,
        # JSON compresses ~8x: smaller items cost fewer read units and stay far from 400 KB.
        "z": zlib.compress(cached.body.encode(), 6),
    }
    try:
        data_table().put_item(
            Item=item,
            ConditionExpression="attribute_not_exists(pk) OR version <= :v",
            ExpressionAttributeValues={":v": cached.version},
        )
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            return False
        raise
    return True
