"""Data minimisation: when a consent is revoked, delete the data it brought in.

What a consent brought in, and how it is stored, is the data layer's (`finpulse.data.cleanup`):
this is the consents' one way to it, so every revocation — `DELETE /api/consents/{id}`, or a
consent found revoked or expired at the bank — deletes exactly the same items.
"""

from __future__ import annotations

from finpulse.banks.retry import Deadline
from finpulse.consents.records import Kind
from finpulse.data.cleanup import CleanupReport
from finpulse.data.cleanup import delete_consent_data as _delete

__all__ = ["DATA_KINDS", "CleanupReport", "delete_consent_data"]

# The consent kinds that bring bank data in (payment consents bring none).
DATA_KINDS: tuple[Kind, ...] = ("accounts", "products")


def delete_consent_data(user_id: str, bank_id: str, kind: Kind, deadline: Deadline) -> CleanupReport:
    return _delete(user_id, bank_id, kind, deadline)
