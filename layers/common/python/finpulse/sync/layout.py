"""Keys of the sync pipeline's items in the data table, in one place so every module agrees.

    pk USER#<uid>   sk BANK#<bank>#STATE              freshness of one bank (stale flag, error)
                    sk BANK#<bank>#ACC#<acct>          account
                    sk BANK#<bank>#BAL#<acct>#<type>   balance (InterimAvailable / InterimBooked)
                    sk BANK#<bank>#AGR#<id>            product agreement (with its details)
                    sk BANK#<bank>#CARD#<id>           card
                    sk BANK#<bank>#CURSOR#<acct>       incremental-sync watermark + pending twins
                    sk DATA_VERSION                    counter bumped on every sync write
                    sk SYNC#<sync_id>                  one full refresh: state, per-bank progress
    pk TX#<uid>     sk <booked_at>#<bank>#<acct>#<tx>  one item per transaction (date-range = 1 Query)
    pk CATALOG#<bank>  sk PRODUCT#<id> | STATE         the bank's public catalog, shared by users

Identifiers that come from banks are escaped so that a `#` inside them cannot shift fields.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote, unquote

from finpulse.storage.keys import user_pk

__all__ = [
    "DATA_VERSION_SK",
    "SYNC_PREFIX",
    "TX_HIGH",
    "bank_prefix",
    "catalog_pk",
    "entity_sk",
    "parse_tx_sk",
    "state_sk",
    "sync_sk",
    "tx_pk",
    "tx_sk",
    "tx_time",
    "user_pk",
]

DATA_VERSION_SK = "DATA_VERSION"
SYNC_PREFIX = "SYNC#"
# Sorts after every character a transaction sort key can hold after a date prefix.
TX_HIGH = "~"


def _esc(part: str) -> str:
    return quote(part, safe="-_.:@+=")


def bank_prefix(bank_id: str) -> str:
    return f"BANK#{bank_id}#"


def entity_sk(bank_id: str, kind: str, *parts: str) -> str:
    """`BANK#<bank>#<kind>#<part>#...` for ACC, BAL, AGR, CARD and CURSOR items."""
    return bank_prefix(bank_id) + "#".join((kind, *(_esc(p) for p in parts)))


def state_sk(bank_id: str) -> str:
    return bank_prefix(bank_id) + "STATE"


def sync_sk(sync_id: str) -> str:
    return SYNC_PREFIX + sync_id


def tx_pk(user_id: str) -> str:
    return f"TX#{user_id}"


def tx_time(moment: datetime) -> str:
    """Fixed-width UTC time, so that string order is time order in the sort key."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def tx_sk(booked_at: datetime, bank_id: str, account_id: str, transaction_id: str) -> str:
    return f"{tx_time(booked_at)}#{bank_id}#{_esc(account_id)}#{_esc(transaction_id)}"


def parse_tx_sk(sk: str) -> tuple[str, str, str, str]:
    """(booked_at, bank_id, account_id, transaction_id) of a transaction sort key."""
    booked, bank, account, tx = sk.split("#", 3)
    return booked, bank, unquote(account), unquote(tx)


def catalog_pk(bank_id: str) -> str:
    return f"CATALOG#{bank_id}"
