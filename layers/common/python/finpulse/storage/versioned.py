"""Records that move by conditional writes, each created with its idempotency-key item in one
transaction (payments' pattern): agreement actions and refinances use one of these per kind.

    pk USER#<sub>  sk <PREFIX>#<id>           d (the record as JSON), status, version, + top-level extras
    pk USER#<sub>  sk <KEY PREFIX>#<key>      id, request_hash, ttl (+31 days)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from pydantic import BaseModel

from finpulse.storage.dynamo import insert_pair, put_versioned, table
from finpulse.storage.keys import user_pk

KEY_TTL = timedelta(days=31)


class Stale(Exception):
    """Someone else changed the record since it was read."""


class KeyTaken(Exception):
    """Another request created a record under this idempotency key first."""


class VersionedStore[R: BaseModel]:
    def __init__(
        self,
        table_name: Callable[[], str],
        prefix: str,
        key_prefix: str,
        model: type[R],
        record_id: Callable[[R], str],
        extras: Callable[[R], dict[str, Any]] | None = None,
    ) -> None:
        self.table_name, self.prefix, self.key_prefix = table_name, prefix, key_prefix
        self.model, self.record_id, self.extras = model, record_id, extras

    def _table(self) -> Any:
        return table(self.table_name())

    def _item(self, record: R) -> dict[str, Any]:
        r: Any = record
        body = record.model_dump(mode="json", exclude={"version"})
        return {
            "pk": user_pk(r.user_id),
            "sk": f"{self.prefix}#{self.record_id(record)}",
            "d": json.dumps(body, ensure_ascii=False, separators=(",", ":")),
            "status": r.status,
            "version": r.version,
            **(self.extras(record) if self.extras else {}),
        }

    def _record(self, item: dict[str, Any]) -> R:
        data = json.loads(str(item["d"]))
        data["version"] = int(item["version"])
        return self.model.model_validate(data)

    def insert(self, record: R) -> None:
        """The record and its key item, atomically; KeyTaken when the key already names one."""
        r: Any = record
        key_item = {
            "pk": user_pk(r.user_id),
            "sk": f"{self.key_prefix}#{r.idempotency_key}",
            "record_id": self.record_id(record),
            "request_hash": r.request_hash,
            "ttl": int((r.created_at + KEY_TTL).timestamp()),
        }
        if not insert_pair(self.table_name(), self._item(record), key_item):
            raise KeyTaken(r.idempotency_key)

    def get(self, user_id: str, record_id: str) -> R | None:
        key = {"pk": user_pk(user_id), "sk": f"{self.prefix}#{record_id}"}
        item = self._table().get_item(Key=key, ConsistentRead=True).get("Item")
        return self._record(item) if item else None

    def by_key(self, user_id: str, idempotency_key: str) -> R | None:
        key = {"pk": user_pk(user_id), "sk": f"{self.key_prefix}#{idempotency_key}"}
        pointer = self._table().get_item(Key=key, ConsistentRead=True).get("Item")
        return self.get(user_id, str(pointer["record_id"])) if pointer else None

    def save(self, record: R) -> R:
        """Write a changed record if nobody else did since it was read; Stale otherwise."""
        r: Any = record
        expected = r.version
        r.version = expected + 1
        if not put_versioned(self._table(), self._item(record), expected):
            r.version = expected
            raise Stale(self.record_id(record))
        return record
