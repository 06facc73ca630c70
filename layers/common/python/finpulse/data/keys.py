"""Every key of the DataTable, in one place: nothing outside `finpulse.data` builds one.

    pk USER#<uid>   sk BANK#<bank>#STATE              freshness of one bank (stale flag, error)
                    sk BANK#<bank>#ACC#<acct>          account
                    sk BANK#<bank>#BAL#<acct>#<type>   balance (InterimAvailable / InterimBooked)
                    sk BANK#<bank>#AGR#<id>            product agreement (with its details)
                    sk BANK#<bank>#CARD#<id>           card
                    sk BANK#<bank>#CURSOR#<acct>       incremental-sync watermark + pending holds
                    sk DATA_VERSION                    counter bumped on every sync write
                    sk INPUTS                          the user's financial inputs
                    sk DASHBOARD                       the last computed dashboard
                    sk ONBOARDING                      where the user is in onboarding
                    sk SYNC#<sync_id>                  one full refresh: state, per-bank progress
    pk TX#<uid>#<bank>#<acct>                          an account's transactions, a few items a
                    sk <yyyy-mm> | <yyyy-mm>#<start>   month (finpulse.data.txbuckets)
    pk CATALOG#<bank>  sk PRODUCT#<id> | STATE         the bank's public catalog, shared by users

Identifiers that come from banks are escaped so that a `#` inside them cannot shift fields.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from finpulse.storage.keys import user_pk

__all__ = [
    "ACCOUNT",
    "AGREEMENT",
    "BALANCE",
    "CARD",
    "CURSOR",
    "DASHBOARD_SK",
    "DATA_VERSION_SK",
    "INPUTS_SK",
    "MONTH_HIGH",
    "ONBOARDING_SK",
    "SYNC_PREFIX",
    "bank_prefix",
    "catalog_pk",
    "entity_sk",
    "parse_entity_sk",
    "state_sk",
    "sync_sk",
    "tx_pk",
    "user_pk",
]

DATA_VERSION_SK = "DATA_VERSION"
INPUTS_SK = "INPUTS"
DASHBOARD_SK = "DASHBOARD"
ONBOARDING_SK = "ONBOARDING"
# The kinds of a bank's items in the user's partition (the `<kind>` of `BANK#<bank>#<kind>#...`).
ACCOUNT, BALANCE, AGREEMENT, CARD, CURSOR = "ACC", "BAL", "AGR", "CARD", "CURSOR"
SYNC_PREFIX = "SYNC#"
# Sorts after every character a sort key holds after a month prefix (`2026-11#…`).
MONTH_HIGH = "~"


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


def tx_pk(user_id: str, bank_id: str, account_id: str) -> str:
    """One partition per account: a user's first sync writes to as many partitions as accounts."""
    return f"TX#{user_id}#{bank_id}#{_esc(account_id)}"


def parse_entity_sk(sk: str) -> tuple[str, str, tuple[str, ...]]:
    """(bank id, kind, parts) of a `BANK#<bank>#<kind>#<part>#...` sort key."""
    _, bank, kind, *parts = sk.split("#")
    return bank, kind, tuple(unquote(p) for p in parts)


def catalog_pk(bank_id: str) -> str:
    return f"CATALOG#{bank_id}"
