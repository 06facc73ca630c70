"""The per-user sync lock: one conditional write, an owner, an expiry and a fencing counter.

Acquire is a single UpdateItem whose condition is "no lock, or the lock has expired" — never a
read followed by a write, so two concurrent requests cannot both win. Every acquisition increments
`fence`; the holder carries that number and the sync summary is written only while the lock still
names the same owner and fence, so a holder that stalled past its expiry cannot overwrite what a
newer sync wrote. Release is conditional on the owner too: nobody releases someone else's lock.
A crashed holder's lock simply expires (`expires_at`), and the next acquire takes it over.

The item is not deleted on release (its `fence` must keep growing); `ttl` removes it a day after
expiry, long after any holder could still be running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from finpulse import clock
from finpulse.config import settings
from finpulse.storage.dynamo import table

# A lock outlives the longest full refresh (state machine timeout) with a margin.
DEFAULT_LEASE = timedelta(minutes=20)
_TTL_AFTER_EXPIRY = timedelta(days=1)


def lock_pk(user_id: str) -> str:
    return f"SYNCLOCK#{user_id}"


@dataclass(frozen=True)
class Lease:
    user_id: str
    owner: str
    fence: int
    expires_at: datetime


class LockHeld(Exception):
    """Someone else holds the user's lock; `owner` is their sync id."""

    def __init__(self, owner: str, expires_at: datetime | None) -> None:
        super().__init__(f"sync lock held by {owner}")
        self.owner = owner
        self.expires_at = expires_at


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def acquire(
    user_id: str, owner: str, *, lease: timedelta = DEFAULT_LEASE, at: datetime | None = None
) -> Lease:
    """Take the user's lock for `owner` (a sync id), or raise LockHeld naming the holder."""
    now = at or clock.now()
    expires = now + lease
    locks = table(settings().locks_table)
    try:
        result = locks.update_item(
            Key={"pk": lock_pk(user_id)},
            UpdateExpression="SET #o = :o, expires_at = :exp, acquired_at = :now, #ttl = :ttl ADD fence :one",
            ConditionExpression="attribute_not_exists(pk) OR expires_at <= :nowe",
            ExpressionAttributeNames={"#o": "owner", "#ttl": "ttl"},
            ExpressionAttributeValues={
                ":o": owner,
                ":exp": _epoch(expires),
                ":now": clock.iso(now),
                ":nowe": _epoch(now),
                ":ttl": _epoch(expires + _TTL_AFTER_EXPIRY),
                ":one": 1,
            },
            ReturnValues="ALL_NEW",
        )
    except locks.meta.client.exceptions.ConditionalCheckFailedException:
        holder = current(user_id)
        if holder is None:  # released between our write and our read: the caller may retry
            raise LockHeld("unknown", None) from None
        raise LockHeld(holder.owner, holder.expires_at) from None
    attrs: dict[str, Any] = dict(result["Attributes"])
    # As stored: whole seconds, so a Lease read back later compares equal.
    stored = datetime.fromtimestamp(_epoch(expires), tz=expires.tzinfo)
    return Lease(user_id=user_id, owner=owner, fence=int(attrs["fence"]), expires_at=stored)


def current(user_id: str, *, at: datetime | None = None) -> Lease | None:
    """The live (unexpired, owned) lock of the user, if any."""
    item = (
        table(settings().locks_table).get_item(Key={"pk": lock_pk(user_id)}, ConsistentRead=True).get("Item")
    )
    return _live(user_id, item, at or clock.now())


def _live(user_id: str, item: dict[str, Any] | None, now: datetime) -> Lease | None:
    if not item or "owner" not in item or int(item.get("expires_at", 0)) <= _epoch(now):
        return None
    expires = datetime.fromtimestamp(int(item["expires_at"]), tz=now.tzinfo)
    return Lease(user_id=user_id, owner=str(item["owner"]), fence=int(item["fence"]), expires_at=expires)


def release(lease: Lease) -> bool:
    """Release if still ours (same owner and fence). False when it was taken over or already gone."""
    locks = table(settings().locks_table)
    try:
        locks.update_item(
            Key={"pk": lock_pk(lease.user_id)},
            UpdateExpression="REMOVE #o SET expires_at = :zero",
            ConditionExpression="#o = :o AND fence = :f",
            ExpressionAttributeNames={"#o": "owner"},
            ExpressionAttributeValues={":o": lease.owner, ":f": lease.fence, ":zero": 0},
        )
    except locks.meta.client.exceptions.ConditionalCheckFailedException:
        return False
    return True


def fence_check(lease: Lease) -> dict[str, Any]:
    """A TransactWriteItems ConditionCheck: the lock still names this owner and fence.

    Expiry is deliberately not part of it: a holder whose lease ran out but that nobody replaced
    still owns the newest data, so its summary is valid; a takeover changes owner and fence.
    """
    return {
        "ConditionCheck": {
            "TableName": settings().locks_table,
            "Key": {"pk": lock_pk(lease.user_id)},
            "ConditionExpression": "#o = :o AND fence = :f",
            "ExpressionAttributeNames": {"#o": "owner"},
            "ExpressionAttributeValues": {":o": lease.owner, ":f": lease.fence},
        }
    }
