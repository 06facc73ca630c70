"""Consent state from every answer: a data call refused for consent reasons re-reads the consent.

Banks say a consent is gone in many ways: 403 `CONSENT_REVOKED`, `CONSENT_EXPIRED`,
`CONSENT_REQUIRED` (some banks answer that for a revoked consent), `INSUFFICIENT_PERMISSIONS`, in
any shape. One refused call is not proof (a bank may refuse one call for its own reasons), so the
consent is read back from the bank and its true status stored; if it ended there, the data it
brought in is deleted (`finpulse.consents.ended`). When the bank cannot be asked now, nothing is
changed: the next refused call asks again.
"""

from __future__ import annotations

from collections.abc import Iterable

from finpulse.banks.errors import BankError
from finpulse.banks.retry import Deadline
from finpulse.consents import store
from finpulse.consents.ended import needs_settling, settle
from finpulse.consents.lifecycle import poll
from finpulse.consents.records import ConsentRecord, Kind, utcnow
from finpulse.observability import logger


def kind_of_operation(operation: str) -> Kind:
    """Which consent a bank operation runs under (`agreements.*` needs the product consent)."""
    return "products" if operation.startswith("agreements") else "accounts"


def recheck(user_id: str, bank_id: str, kinds: Iterable[Kind], deadline: Deadline) -> list[ConsentRecord]:
    """Read the live consents of `kinds` at `bank_id` back from the bank; the records as now stored."""
    wanted = set(kinds)
    now = utcnow()
    out = []
    for record in store.user_consents(user_id, bank_id):
        if record.kind not in wanted or not record.live(now):
            continue
        try:
            record = poll(record, deadline, force=True)
        except BankError as exc:
            logger.warning("consent re-read failed", extra={"kind": record.kind, **exc.describe()})
            continue
        if needs_settling(record):
            record = settle(record, deadline)[0]
        logger.info(
            "consent re-read after a refused call",
            extra={"bank_id": bank_id, "kind": record.kind, "status": record.status.value},
        )
        out.append(record)
    return out
