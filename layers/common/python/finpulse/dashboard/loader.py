"""Everything the engine reads for one user, loaded through the data layer.

The user's bank entities (accounts, balances, agreements, and which accounts have transactions:
one Query), their transactions over the months the engine looks at (one Query per account, side
by side), their consents (expiries, and which banks are connected), and the
shared catalogs of the connected banks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from finpulse import clock
from finpulse.data import catalog, entities
from finpulse.data import transactions as stored_transactions
from finpulse.data.inputs import StoredInputs
from finpulse.domain import ConsentExpiry, Transaction

if TYPE_CHECKING:
    from finpulse.analytics.engine import EngineInput

# Time zones are at most 14 h from UTC: a local day lies within one UTC day either side.
_ZONE_SLACK = timedelta(days=1)


def transactions(
    user_id: str, data: entities.BankData, start: date, end: date | None = None
) -> list[Transaction]:
    """Transactions booked from `start` (local date) to `end` (inclusive; open without one), with a
    day of slack each side for the time zone; the engine and the spending report pick local days."""
    low = datetime.combine(start - _ZONE_SLACK, time.min, UTC)
    high = datetime.combine(end + 2 * _ZONE_SLACK, time.min, UTC) if end else None
    return stored_transactions.between(user_id, low, high, data.transaction_accounts)


def consents(user_id: str) -> tuple[set[str], list[ConsentExpiry]]:
    """Banks with a live consent, and when each live consent expires."""
    from finpulse.consents.store import user_consents  # deferred: only the compute path needs it

    now = clock.now()
    live = [r for r in user_consents(user_id) if r.live(now)]
    expiries = [
        ConsentExpiry(bank_id=r.bank_id, kind=r.kind, expires_at=r.expires_at)
        for r in live
        if r.expires_at is not None
    ]
    return {r.bank_id for r in live}, expiries


def engine_input(user_id: str, stored: StoredInputs, today: date) -> EngineInput:
    from finpulse.analytics.engine import EngineInput
    from finpulse.analytics.prepared import history_start

    data = entities.load(user_id)
    connected, expiries = consents(user_id)
    banks = sorted(connected | data.bank_ids)
    return EngineInput(
        today=today,
        accounts=data.accounts,
        balances=data.balances,
        transactions=transactions(user_id, data, history_start(today)),
        agreements=data.agreements,
        # Refinance offers come from the catalog of every bank the user is connected to.
        products=catalog.products(banks),
        inputs=stored.inputs,
        consents=expiries,
        timezone=stored.timezone,
    )
