"""SQLite persistence for one bank: documents keyed by id, written through on every change.

The in-memory :class:`~sandbox.bank.state.BankState` is the source of truth while the process runs;
this store makes it survive a restart. Writes are small and synchronous (WAL, ``synchronous=NORMAL``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

TABLES = ("customers", "accounts", "agreements", "cards", "transactions", "consents", "payments", "keys")


class Store:
    """Document tables (``id`` → JSON) plus a ``meta`` key/value table."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        for table in TABLES:
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, doc BLOB)")

    def close(self) -> None:
        self.db.close()

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def put(self, table: str, key: str, doc: Any) -> None:
        self.db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, orjson.dumps(doc)))  # noqa: S608

    def put_many(self, table: str, rows: Iterable[tuple[str, Any]]) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO {table} VALUES (?, ?)",  # noqa: S608
            ((k, orjson.dumps(v)) for k, v in rows),
        )

    def delete(self, table: str, key: str) -> None:
        self.db.execute(f"DELETE FROM {table} WHERE id = ?", (key,))  # noqa: S608

    def all(self, table: str) -> Iterator[dict[str, Any]]:
        for (doc,) in self.db.execute(f"SELECT doc FROM {table} ORDER BY rowid"):  # noqa: S608
            yield orjson.loads(doc)

    def wipe(self, keep: tuple[str, ...] = ("keys",)) -> None:
        """Drop all data (for a reset), keeping the tables named in ``keep``."""
        with self.db:
            self.db.execute("BEGIN")
            for table in TABLES:
                if table not in keep:
                    self.db.execute(f"DELETE FROM {table}")  # noqa: S608
            self.db.execute("DELETE FROM meta WHERE key NOT LIKE 'keep:%'")

    def transaction(self) -> sqlite3.Connection:
        """``with store.transaction(): ...`` groups writes atomically."""
        self.db.execute("BEGIN")
        return self.db
