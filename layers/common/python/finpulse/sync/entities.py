"""Accounts, balances, agreements and cards of one bank: written only when their content changed.

    pk USER#<uid>  sk BANK#<bank>#ACC#<acct> | BAL#<acct>#<type> | AGR#<id> | CARD#<id>
      {d: domain JSON, h: hash, kind, bank_id, synced_at}

After a complete, successful listing, items of that kind that the bank no longer returns (a
closed account, a repaid loan) are deleted; a failed or partial listing deletes nothing.
"""

from __future__ import annotations

from typing import Any

from finpulse.sync import clock, codec
from finpulse.sync.batch import BatchWriter
from finpulse.sync.layout import entity_sk, user_pk
from finpulse.sync.snapshot import BankSnapshot

ACCOUNT, BALANCE, AGREEMENT, CARD = "ACC", "BAL", "AGR", "CARD"


class EntityWriter:
    def __init__(self, user_id: str, bank_id: str, snapshot: BankSnapshot, writer: BatchWriter) -> None:
        self.user_id = user_id
        self.bank_id = bank_id
        self.snapshot = snapshot
        self.writer = writer
        self.seen: dict[str, set[str]] = {}
        self.written = 0
        self.deleted = 0

    def put(self, kind: str, parts: tuple[str, ...], value: Any) -> None:
        sk = entity_sk(self.bank_id, kind, *parts)
        self.seen.setdefault(kind, set()).add(sk)
        body, digest = codec.encode(value)
        if self.snapshot.hashes.get(sk) == digest:
            return
        self.writer.put(
            {
                "pk": user_pk(self.user_id),
                "sk": sk,
                codec.BODY: body,
                codec.HASH: digest,
                "kind": kind,
                "bank_id": self.bank_id,
                "synced_at": clock.iso(clock.now()),
            }
        )
        self.written += 1

    def keep(self, kind: str, parts: tuple[str, ...]) -> None:
        """Count an item as present without rewriting it (its refresh failed; the old one stays)."""
        self.seen.setdefault(kind, set()).add(entity_sk(self.bank_id, kind, *parts))

    def remove_unseen(self, kind: str, *, within: set[str] | None = None) -> None:
        """Delete stored items of `kind` not put in this run (call only after a complete listing).

        `within` limits the deletion to sort keys starting with one of these prefixes (balances of
        the accounts whose balances were fetched successfully)."""
        seen = self.seen.get(kind, set())
        for sk in self.snapshot.sks(kind, self.bank_id) - seen:
            if within is not None and not any(sk.startswith(p) for p in within):
                continue
            self.writer.delete({"pk": user_pk(self.user_id), "sk": sk})
            self.deleted += 1

    def prefix(self, kind: str, *parts: str) -> str:
        return entity_sk(self.bank_id, kind, *parts) + "#"
