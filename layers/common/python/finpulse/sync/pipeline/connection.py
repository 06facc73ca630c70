"""Which banks a user can be synced from, and with which consents (read from the consents store).

A bank is syncable when the user has a live account consent there (approved, unexpired, not
replaced by a renewal). A live product-agreement consent adds agreements; cards need the account
consent to carry `ReadCards`. The catalog is public and needs no consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from finpulse import clock
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


def record_consent_problem(user_id: str, bank_id: str, exc: Exception) -> None:
    """The bank answered that the account consent was revoked or expired (the customer did it in
    their bank): mark the stored consent so, exactly as the consent lifecycle does for any data call,
    so the connections screen offers to reconnect. Never raises: the sync's own result stands."""
    from finpulse.banks.consent_status import ConsentStatus
    from finpulse.banks.errors import ConsentExpired, ConsentRevoked
    from finpulse.consents.lifecycle import current_consent, save_quietly
    from finpulse.consents.records import transition

    if isinstance(exc, ConsentRevoked):
        status = ConsentStatus.REVOKED
    elif isinstance(exc, ConsentExpired):
        status = ConsentStatus.EXPIRED
    else:
        return
    try:
        record = current_consent(user_id, bank_id, "accounts")
        known = record.ids() if record else set()
        raw = getattr(exc, "bank_code", None) or status.value
        if record is not None and transition(record, status, raw, "bank", clock.now()):
            save_quietly(record, known)
    except Exception:  # the sync result is recorded either way
        from finpulse.observability import logger

        logger.warning("consent status not updated", extra={"bank_id": bank_id}, exc_info=True)
