"""One account's transactions in few items: a bucket per calendar month, split before it grows big.

    pk TX#<uid>#<bank>#<acct>   sk <yyyy-mm>                  the month's first part
                                sk <yyyy-mm>#<stamp>#<tx id>  a later part: from that transaction on
      {z: zlib(lines), n: transactions, h: hash of the lines, w: the sync that wrote it}

A line is `<stamp>\\t<tx id>\\t<Transaction JSON>`, lines sorted by (stamp, tx id), where the stamp is
the booking time in the stored format (fixed width, so string order is time order). A month's
parts cover consecutive ranges of that order; a transaction belongs to the last part that starts
at or before it. A part whose compressed body passes `TARGET_BYTES` (64 KB, far below DynamoDB's
400 KB item limit) is cut into parts of about half that: whatever the volume — 20,000 transactions
in a month is ~30 parts — every item stays small, and a sync that adds a few transactions rewrites
one part (two when it splits).

Pure: no I/O. `finpulse.data.transactions` loads and writes the items.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

TARGET_BYTES = 64 * 1024
_LEVEL = 6

Key = tuple[str, str]
"""(stamp, tx id): the order of transactions inside a part and across a month's parts."""


@dataclass(frozen=True, slots=True)
class Entry:
    stamp: str
    tx_id: str
    json: str

    @property
    def key(self) -> Key:
        return (self.stamp, self.tx_id)

    @property
    def line(self) -> str:
        return f"{self.stamp}\t{_escaped(self.tx_id)}\t{self.json}"


_PLAIN_ID = re.compile(r"[A-Za-z0-9_.~-]+")  # what `quote` leaves as it is


def _escaped(tx_id: str) -> str:
    return tx_id if _PLAIN_ID.fullmatch(tx_id) else quote(tx_id, safe="")


def parse_line(line: str) -> Entry:
    stamp, tx_id, body = line.split("\t", 2)
    return Entry(stamp, unquote(tx_id), body)


def encode(entries: Iterable[Entry]) -> tuple[bytes, str]:
    """(compressed body, content hash) of entries already in key order."""
    text = "\n".join(e.line for e in entries).encode()
    return zlib.compress(text, _LEVEL), hashlib.blake2b(text, digest_size=8).hexdigest()


def decode_lines(blob: bytes) -> list[str]:
    text = zlib.decompress(blob).decode()
    return text.split("\n") if text else []


def raw_lines(blob: bytes) -> list[bytes]:
    """The lines as stored (UTF-8), for a reader that hands their JSON to a parser undecoded: a
    year of Cyrillic descriptions is not turned into text and back."""
    raw = zlib.decompress(blob)
    return raw.split(b"\n") if raw else []


def month_of(stamp: str) -> str:
    return stamp[:7]


def part_sk(month: str, start: Entry | None) -> str:
    return month if start is None else f"{month}#{start.stamp}#{_escaped(start.tx_id)}"


def part_start(sk: str) -> Key | None:
    """Where a part begins (None: the month's first part, which holds everything before the next)."""
    if "#" not in sk:
        return None
    _, stamp, tx_id = sk.split("#", 2)
    return (stamp, unquote(tx_id))


@dataclass
class Part:
    sk: str
    entries: dict[str, Entry] = field(default_factory=dict)
    stored_hash: str | None = None  # None: not stored yet
    dirty: bool = False

    @property
    def start(self) -> Key | None:
        return part_start(self.sk)

    def ordered(self) -> list[Entry]:
        return sorted(self.entries.values(), key=lambda e: e.key)


@dataclass(frozen=True)
class Written:
    """A part to store: its key, compressed body, hash and number of transactions."""

    sk: str
    body: bytes
    digest: str
    count: int


class AccountBuckets:
    """The stored parts of one account that a sync loaded (a window of months, or all), changed in
    memory as pages arrive, and the parts to write or delete afterwards."""

    def __init__(self, parts: Iterable[Part] = ()) -> None:
        self._months: dict[str, list[Part]] = {}
        self._index: dict[str, Part] = {}
        for part in parts:
            self._months.setdefault(month_of(part.sk), []).append(part)
            for tx_id in part.entries:
                self._index[tx_id] = part
        for month in self._months.values():
            month.sort(key=_order)
        self._starts: dict[str, list[tuple[int, Key]]] = {}

    def __len__(self) -> int:
        return len(self._index)

    def get(self, tx_id: str) -> Entry | None:
        part = self._index.get(tx_id)
        return part.entries[tx_id] if part else None

    def put(self, entry: Entry) -> None:
        """Store `entry` (new, changed, or moved to another booking time)."""
        self.remove(entry.tx_id)
        part = self._part_for(entry.key)
        part.entries[entry.tx_id] = entry
        part.dirty = True
        self._index[entry.tx_id] = part

    def remove(self, tx_id: str) -> bool:
        part = self._index.pop(tx_id, None)
        if part is None:
            return False
        del part.entries[tx_id]
        part.dirty = True
        return True

    def _part_for(self, key: Key) -> Part:
        month = month_of(key[0])
        parts = self._months.setdefault(month, [])
        if not parts:
            parts.append(Part(sk=month))
        if len(parts) == 1:  # nearly every month: no search
            return parts[0]
        starts = self._starts.get(month)
        if starts is None:  # parts change only in changes(), which forgets these
            starts = self._starts[month] = [_order(p) for p in parts]
        at = bisect_right(starts, (1, key)) - 1
        return parts[max(at, 0)]

    def changes(self) -> tuple[list[Written], list[str]]:
        """Parts to write (changed ones, re-split to fit) and sort keys to delete (parts emptied)."""
        writes: list[Written] = []
        deletes: list[str] = []
        self._starts.clear()
        for month, parts in self._months.items():
            for part in [p for p in parts if p.dirty]:
                part.dirty = False
                if not part.entries and (part.start is not None or len(parts) == 1):
                    # Emptied: gone. A month's first part stays while later ones exist (empty), so
                    # every transaction keeps belonging to the last part that starts before it.
                    if part.stored_hash is not None:
                        deletes.append(part.sk)
                    parts.remove(part)
                    continue
                chunks = list(_pack(part.ordered()))
                first_entries, body, digest = chunks[0]
                if digest != part.stored_hash:
                    writes.append(Written(part.sk, body, digest, len(first_entries)))
                    part.stored_hash = digest
                for entries, body, digest in chunks[1:]:
                    new = Part(part_sk(month, entries[0]), {e.tx_id: e for e in entries}, digest)
                    for entry in entries:
                        del part.entries[entry.tx_id]
                        self._index[entry.tx_id] = new
                    parts.append(new)
                    writes.append(Written(new.sk, body, digest, len(entries)))
                if len(chunks) > 1:
                    part.stored_hash = chunks[0][2]
            parts.sort(key=_order)
        return writes, deletes

    def entries(self) -> Iterator[Entry]:
        for parts in self._months.values():
            for part in parts:
                yield from part.entries.values()


def _order(part: Part) -> tuple[int, Key]:
    start = part.start
    return (0, ("", "")) if start is None else (1, start)


def _pack(entries: list[Entry]) -> Iterator[tuple[list[Entry], bytes, str]]:
    """Consecutive chunks of `entries`, each compressing to at most TARGET_BYTES."""
    body, digest = encode(entries)
    if len(body) <= TARGET_BYTES or len(entries) == 1:
        yield entries, body, digest
        return
    # Cut into equal shares aiming at ~60 % of the target (compression ratios vary a little from
    # chunk to chunk), then make sure of each by packing it again.
    shares = math.ceil(len(body) / (TARGET_BYTES * 0.6))
    size = math.ceil(len(entries) / shares)
    for start in range(0, len(entries), size):
        yield from _pack(entries[start : start + size])
