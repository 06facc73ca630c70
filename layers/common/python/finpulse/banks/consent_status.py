"""The five consent states FinPulse knows, from whatever word a bank uses.

Banks say `approved`, `Authorized`, `AUTHORISED`, `active`, `AwaitingAuthorization`, `pending`,
`Rejected`, `Revoked`, `expired`, ... (case, spelling and separators vary by bank and by endpoint).
The raw word is always kept next to the normalised one; a word we do not know is an invalid bank
response, never silently "pending".
"""

from __future__ import annotations

import re
from enum import StrEnum


class ConsentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"
    EXPIRED = "expired"


_WORDS: dict[str, ConsentStatus] = {}
for _status, _words in {
    ConsentStatus.PENDING: (
        "pending",
        "awaitingauthorization",
        "awaitingauthorisation",
        "awaitingapproval",
        "awaiting",
        "inprogress",
        "received",
        "created",
        "requested",
        "new",
    ),
    ConsentStatus.APPROVED: (
        "approved",
        "authorized",
        "authorised",
        "active",
        "valid",
        "granted",
        "accepted",
        "enabled",
    ),
    ConsentStatus.REJECTED: ("rejected", "declined", "denied", "refused"),
    ConsentStatus.REVOKED: ("revoked", "cancelled", "canceled", "withdrawn", "terminated"),
    # A single-use payment consent that has been used can never be used again: for FinPulse it
    # is over, like an expired one (the raw word says which).
    ConsentStatus.EXPIRED: ("expired", "consumed", "used", "exhausted"),
}.items():
    for _word in _words:
        _WORDS[_word] = _status

# States a consent never leaves (a new consent is needed instead).
FINAL = frozenset({ConsentStatus.REJECTED, ConsentStatus.REVOKED, ConsentStatus.EXPIRED})


def _key(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower())


def normalise_status(word: str) -> ConsentStatus | None:
    """The state a bank's status word means, or None for a word we do not know."""
    return _WORDS.get(_key(word)) if isinstance(word, str) else None
