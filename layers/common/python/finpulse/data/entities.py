"""Accounts, balances, agreements and cards: written only when their content changed, read by kind.

    pk USER#<uid>  sk BANK#<bank>#ACC#<acct> | BAL#<acct>#<type> | AGR#<id> | CARD#<id>
      {d: domain JSON, h: hash, kind, bank_id, synced_at}

After a complete, successful listing, items of that kind that the bank no longer returns (a
closed account, a repaid loan) are deleted; a failed or partial listing deletes nothing.

Reads (`load`, or `accounts` / `balances` / `agreements` alone) are one Query of the user's
partition, of one bank or of all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from finpulse import clock
from finpulse.data import codec
from finpulse.data.batch import BatchWriter
from finpulse.data.keys import ACCOUNT, AGREEMENT, BALANCE, CARD, CURSOR, bank_prefix, entity_sk, user_pk
from finpulse.data.snapshot import BankSnapshot
from finpulse.data.table import query
from finpulse.domain import Account, Agreement, AgreementKind, Balance

__all__ = [
    "ACCOUNT",
    "AGREEMENT",
    "BALANCE",
    "CARD",
    "BankData",
    "EntityWriter",
    "accounts",
    "agreements",
    "balances",
    "load",
]


@dataclass(frozen=True)
class BankData:
    """A user's stored accounts, balances and agreements (of one bank or of all)."""

    accounts: list[Account] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    transaction_accounts: list[tuple[str, str]] = field(default_factory=list)
    """(bank id, account id) of every account with stored transactions (from the cursors)."""

    @property
    def bank_ids(self) -> set[str]:
        return {a.bank_id for a in self.accounts} | {a.bank_id for a in self.agreements}

    @property
    def loan_ids(self) -> list[str]:
        return [a.agreement_id for a in self.agreements if a.kind is AgreementKind.LOAN]


def _items(user_id: str, bank_id: str | None) -> list[dict[str, Any]]:
    from boto3.dynamodb.conditions import Key  # deferred: boto3 costs ~250 ms of import

    prefix = bank_prefix(bank_id) if bank_id else "BANK#"
    return list(query(KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(prefix)))


def load(user_id: str, bank_id: str | None = None) -> BankData:
    """Accounts, balances, agreements and the accounts with stored transactions, in one Query."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for item in _items(user_id, bank_id):
        by_kind.setdefault(str(item.get("kind")), []).append(item)
    return BankData(
        accounts=[codec.decode(i, Account) for i in by_kind.get(ACCOUNT, [])],
        balances=[codec.decode(i, Balance) for i in by_kind.get(BALANCE, [])],
        agreements=[codec.decode(i, Agreement) for i in by_kind.get(AGREEMENT, [])],
        transaction_accounts=[(str(i["bank_id"]), str(i["account_id"])) for i in by_kind.get(CURSOR, [])],
    )


def accounts(user_id: str, bank_id: str | None = None) -> list[Account]:
    return load(user_id, bank_id).accounts


def balances(user_id: str, bank_id: str | None = None) -> list[Balance]:
    """Both balance types of every account, kept apart (never add them together)."""
    return load(user_id, bank_id).balances


def agreements(user_id: str, bank_id: str | None = None) -> list[Agreement]:
    return load(user_id, bank_id).agreements


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
