"""Per-bank freshness: when each kind of data last synced, and what went wrong since.

A failing bank never touches the data already stored; only this item changes: `stale` turns on,
`error` says why, and `last_success_at` keeps the time of the last good sync, so every data
endpoint can show "VBank: data from 09:12, bank unavailable since 12:00" instead of an empty "ok".

    pk USER#<uid>  sk BANK#<bank>#STATE
      {stale, last_success_at, last_attempt_at, error: {code, message, at},
       types: {accounts|balances|transactions|agreements|products|cards:
               {status: ok|stale|not_permitted, last_success_at}}}
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from finpulse import clock
from finpulse.data.keys import state_sk, user_pk
from finpulse.data.table import batch_get, data_table

DataType = Literal["accounts", "balances", "transactions", "agreements", "products", "cards"]
TypeState = Literal["ok", "stale", "not_permitted"]


class BankErrorInfo(BaseModel):
    code: str = Field(description="Machine code, e.g. BANK_UNAVAILABLE, CONSENT_REVOKED")
    message: str
    at: datetime


class TypeFreshness(BaseModel):
    status: TypeState
    last_success_at: datetime | None = None


class BankFreshness(BaseModel):
    """What a client shows next to a bank's data."""

    bank_id: str
    status: Literal["fresh", "stale", "never_synced"] = Field(
        description="fresh: the last sync succeeded for every permitted type; stale: showing older data"
    )
    stale: bool
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    error: BankErrorInfo | None = None
    types: dict[str, TypeFreshness] = Field(default_factory=dict)


def key(user_id: str, bank_id: str) -> dict[str, str]:
    return {"pk": user_pk(user_id), "sk": state_sk(bank_id)}


def from_item(bank_id: str, item: dict[str, Any] | None) -> BankFreshness:
    if not item:
        return BankFreshness(bank_id=bank_id, status="never_synced", stale=False)
    stale = bool(item.get("stale"))
    status: Literal["fresh", "stale"] = "stale" if stale else "fresh"
    error = item.get("error")
    return BankFreshness(
        bank_id=bank_id,
        status=status,
        stale=stale,
        last_success_at=item.get("last_success_at"),
        last_attempt_at=item.get("last_attempt_at"),
        error=BankErrorInfo.model_validate(error) if error else None,
        types={k: TypeFreshness.model_validate(v) for k, v in (item.get("types") or {}).items()},
    )


def get(user_id: str, bank_id: str) -> BankFreshness:
    item = data_table().get_item(Key=key(user_id, bank_id), ConsistentRead=True).get("Item")
    return from_item(bank_id, item)


def for_banks(user_id: str, bank_ids: list[str]) -> list[BankFreshness]:
    """Freshness of each bank in one BatchGetItem (at most 100 banks, far above any registry)."""
    if not bank_ids:
        return []
    found = batch_get(key(user_id, b) for b in bank_ids)
    return [from_item(b, found.get((user_pk(user_id), state_sk(b)))) for b in bank_ids]


def record(
    user_id: str,
    bank_id: str,
    types: dict[str, TypeState],
    *,
    error: tuple[str, str] | None = None,
    at: datetime | None = None,
) -> BankFreshness:
    """Record one sync attempt of a bank: which types succeeded, and the error if any.

    A type that failed keeps its previous `last_success_at`; the bank is stale while any permitted
    type is stale or an error is recorded. Types not attempted keep their previous state.
    """
    moment = at or clock.now()
    stamp = clock.iso(moment)
    data = data_table()
    previous: dict[str, Any] = data.get_item(Key=key(user_id, bank_id), ConsistentRead=True).get("Item") or {}
    merged: dict[str, Any] = dict(previous.get("types") or {})
    for name, state in types.items():
        last = stamp if state == "ok" else (merged.get(name) or {}).get("last_success_at")
        merged[name] = {"status": state, "last_success_at": last}
    stale = error is not None or any(v["status"] == "stale" for v in merged.values())
    item: dict[str, Any] = {
        **key(user_id, bank_id),
        "bank_id": bank_id,
        "stale": stale,
        "last_attempt_at": stamp,
        "types": merged,
    }
    last_success = stamp if not stale else previous.get("last_success_at")
    if last_success:
        item["last_success_at"] = last_success
    if error is not None:
        item["error"] = {"code": error[0], "message": error[1][:500], "at": stamp}
    data.put_item(Item=item)
    return from_item(bank_id, item)
