"""Bank team tokens in the tokens table, with a refresh lease against stampedes.

Item `pk = TOKEN#<bank_id>`: `access_token`, `expires_at` and `fetched_at` (epoch seconds),
`base_url`, `fingerprint` (a short hash, for conditional invalidation and logs), `ttl`, and while
someone refreshes, `lease_owner` + `lease_until`. The lease is taken with a conditional write
(`attribute_not_exists(lease_until) OR lease_until < now`): exactly one process refreshes, the
others wait for its result. An expired lease (its holder crashed) can be taken over.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

TTL_GRACE_SECONDS = 3600

# boto3/botocore log whole request and response bodies at DEBUG — for this table, the tokens.
# Whatever level the root logger runs at (Lambda's application log level), those lines stay off.
for _name in ("botocore", "boto3"):
    if logging.getLogger(_name).level < logging.WARNING:
        logging.getLogger(_name).setLevel(logging.WARNING)


def fingerprint(token: str) -> str:
    """Identifies a token without revealing it (safe for logs and conditions)."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class StoredToken:
    access_token: str
    expires_at: float
    fetched_at: float
    base_url: str
    verified: bool

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.access_token)

    def __repr__(self) -> str:
        return f"StoredToken(fingerprint={self.fingerprint}, expires_at={self.expires_at})"


def _conditional_failed(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    code = response.get("Error", {}).get("Code") if isinstance(response, dict) else None
    return code == "ConditionalCheckFailedException"


class TokenStore:
    def __init__(self, table_name: str) -> None:
        self.table_name = table_name

    def _table(self) -> Any:
        from finpulse.storage.dynamo import table

        return table(self.table_name)

    @staticmethod
    def key(bank_id: str) -> dict[str, str]:
        return {"pk": f"TOKEN#{bank_id}"}

    def read(self, bank_id: str) -> StoredToken | None:
        item = self._table().get_item(Key=self.key(bank_id), ConsistentRead=True).get("Item")
        if not item or not item.get("access_token"):
            return None
        return StoredToken(
            access_token=str(item["access_token"]),
            expires_at=float(item["expires_at"]),
            fetched_at=float(item.get("fetched_at", 0)),
            base_url=str(item.get("base_url", "")),
            verified=bool(item.get("verified", False)),
        )

    def try_lease(
        self, bank_id: str, owner: str, now: float, seconds: float, seen: StoredToken | None
    ) -> bool:
        """Take the refresh lease — only if nobody holds it and the token is still the one we saw.

        The second condition closes the gap between our read and this write: if another process
        stored a new token meanwhile, we must read that one rather than fetch yet another.
        """
        from botocore.exceptions import ClientError

        values: dict[str, Any] = {":me": owner, ":until": _num(now + seconds), ":now": _num(now)}
        same = "attribute_not_exists(fingerprint)"
        if seen is not None:
            same = "fingerprint = :seen"
            values[":seen"] = seen.fingerprint
        try:
            self._table().update_item(
                Key=self.key(bank_id),
                UpdateExpression="SET lease_owner = :me, lease_until = :until",
                ConditionExpression=f"(attribute_not_exists(lease_until) OR lease_until < :now) AND {same}",
                ExpressionAttributeValues=values,
            )
            return True
        except ClientError as exc:
            if _conditional_failed(exc):
                return False
            raise

    def save(self, bank_id: str, token: StoredToken, owner: str) -> None:
        """Store a fetched token and end the lease (only if we still hold it)."""
        from botocore.exceptions import ClientError

        try:
            self._table().update_item(
                Key=self.key(bank_id),
                UpdateExpression=(
                    "SET access_token = :t, expires_at = :exp, fetched_at = :at, base_url = :url, "
                    "fingerprint = :fp, verified = :v, #ttl = :ttl REMOVE lease_owner, lease_until"
                ),
                ConditionExpression="lease_owner = :me",
                ExpressionAttributeNames={"#ttl": "ttl"},
                ExpressionAttributeValues={
                    ":t": token.access_token,
                    ":exp": _num(token.expires_at),
                    ":at": _num(token.fetched_at),
                    ":url": token.base_url,
                    ":fp": token.fingerprint,
                    ":v": token.verified,
                    ":ttl": int(token.expires_at) + TTL_GRACE_SECONDS,
                    ":me": owner,
                },
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise
            # Our lease ran out and someone else took over: their token wins, ours stays in memory.

    def release(self, bank_id: str, owner: str) -> None:
        from botocore.exceptions import ClientError

        try:
            self._table().update_item(
                Key=self.key(bank_id),
                UpdateExpression="REMOVE lease_owner, lease_until",
                ConditionExpression="lease_owner = :me",
                ExpressionAttributeValues={":me": owner},
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise

    def invalidate(self, bank_id: str, token_fingerprint: str) -> None:
        """Forget a token the bank refused, unless another process already replaced it."""
        from botocore.exceptions import ClientError

        try:
            self._table().update_item(
                Key=self.key(bank_id),
                UpdateExpression="REMOVE access_token, fingerprint SET expires_at = :zero",
                ConditionExpression="fingerprint = :fp",
                ExpressionAttributeValues={":fp": token_fingerprint, ":zero": 0},
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise


def _num(value: float) -> Any:
    from decimal import Decimal

    return Decimal(str(round(value, 3)))
