"""Which banks a user can be synced from, and with which consents (read from the consents store).

A bank is syncable when the user has a live account consent there (approved, unexpired, not
replaced by a renewal). A live product-agreement consent adds agreements; cards need the account
consent to carry `ReadCards`. The catalog is public and needs no consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from finpulse import clock
from finpulse.banks.retry import Deadline
from finpulse.consents.records import ConsentRecord


@dataclass(frozen=True)
class BankConnection:
    bank_id: str
    customer_id: str
    account_consent_id: str
    account_permissions: tuple[str, ...]
    product_consent_id: str | None = None

    @property
    def can_read_cards(self) -> bool:
        return "ReadCards" in self.account_permissions


def _newest_live(records: list[ConsentRecord], kind: str, now: datetime) -> ConsentRecord | None:
    live = [r for r in records if r.kind == kind and r.live(now) and r.consent_id]
    return max(live, key=lambda r: r.created_at) if live else None


def connections(
    user_id: str, bank_id: str | None = None, *, at: datetime | None = None
) -> list[BankConnection]:
    """The user's syncable banks (all, or the one asked for), in bank id order."""
    from finpulse.consents.store import user_consents

    now = at or clock.now()
    by_bank: dict[str, list[ConsentRecord]] = {}
    for record in user_consents(user_id, bank_id):
        by_bank.setdefault(record.bank_id, []).append(record)
    out = []
    for bank, records in sorted(by_bank.items()):
        accounts = _newest_live(records, "accounts", now)
        if accounts is None or accounts.consent_id is None:
            continue
        products = _newest_live(records, "products", now)
        out.append(
            BankConnection(
                bank_id=bank,
                customer_id=accounts.customer_id,
                account_consent_id=accounts.consent_id,
                account_permissions=tuple(accounts.permissions),
                product_consent_id=products.consent_id if products else None,
            )
        )
    return out


def record_consent_problem(user_id: str, bank_id: str, errors: list[Exception], deadline: Deadline) -> None:
    """The bank refused calls for consent reasons: have the consents involved read back from the
    bank, their true status stored, their data deleted if they ended (`finpulse.consents.recheck`),
    so the connections screen offers to reconnect. Never raises: the sync's own result stands."""
    from finpulse.banks.errors import ConsentProblem
    from finpulse.consents.recheck import kind_of_operation, recheck

    kinds = {kind_of_operation(e.operation) for e in errors if isinstance(e, ConsentProblem)}
    if not kinds:
        return
    try:
        recheck(user_id, bank_id, kinds, deadline)
    except Exception:  # the sync result is recorded either way
        from finpulse.observability import logger

        logger.warning("consent status not updated", extra={"bank_id": bank_id}, exc_info=True)
