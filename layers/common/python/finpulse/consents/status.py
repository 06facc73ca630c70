"""Consent status: aggregated per bank and kind (`GET /api/consents/status`), an explicit refresh
(`POST /api/consents/refresh`) and one consent (`GET /api/consent/status`).

Reads never create consents. They do move existing ones along: an approved consent past its expiry
becomes expired, and pending ones are re-polled at the bank — at most once per poll interval per
consent for plain reads (a conditional write on `last_polled_at` decides who polls), at once for
an explicit refresh. A bank that fails while polling is reported beside its last known state.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError
from finpulse.banks.registry import all_banks, get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from finpulse.consents import store
from finpulse.consents.ended import needs_settling, settle
from finpulse.consents.identity import list_identities
from finpulse.consents.lifecycle import expire_by_clock, find_for_caller, poll
from finpulse.consents.records import KINDS, ConsentRecord, Kind, utcnow
from finpulse.consents.revoke import retry_bank_revokes
from finpulse.consents.views import (
    BankConsents,
    ConsentDetail,
    ConsentsStatus,
    ConsentView,
    ErrorInfo,
    KindState,
)
from finpulse.storage.dynamo import table


def _pollable(record: ConsentRecord, include_approved: bool, now: datetime) -> bool:
    if record.replaced_by:
        return False
    if record.status is ConsentStatus.PENDING:
        return True
    return include_approved and record.live(now)


def _due(record: ConsentRecord, *, force: bool, include_approved: bool, now: datetime) -> bool:
    """Anything to do for this consent: poll it, expire it, tell the bank, delete its data."""
    return (
        _pollable(record, include_approved, now)
        or (record.status is ConsentStatus.APPROVED and record.expired_by_clock(now))
        or (force and record.bank_revoke_pending)
        or needs_settling(record)
    )


def _refresh_bank(
    records: list[ConsentRecord], deadline: Deadline, *, force: bool, include_approved: bool
) -> tuple[list[ConsentRecord], ErrorInfo | None]:
    """Expire by clock, poll what is due, delete what ended; the bank's first error is reported and
    the rest of its polls skipped."""
    out: list[ConsentRecord] = []
    error: ErrorInfo | None = None
    now = utcnow()
    if force:
        records = retry_bank_revokes(records, deadline)
    for record in records:
        was_pending = record.status is ConsentStatus.PENDING
        record = expire_by_clock(record, now)
        if was_pending and record.bank_revoke_pending:
            record = retry_bank_revokes([record], deadline)[0]  # a request given up: withdraw it
        if error is None and _pollable(record, include_approved, now):
            try:
                record = poll(record, deadline, force=force)
            except BankError as exc:
                error = ErrorInfo.of(exc)
        if needs_settling(record):
            record = settle(record, deadline)[0]
        out.append(record)
    return out, error


def _kind_state(records: list[ConsentRecord], kind: Kind, now: datetime, near_days: int) -> KindState:
    mine = [r for r in records if r.kind == kind]
    if not mine:
        return KindState()
    live = [r for r in mine if r.live(now)]
    renewal = next((r for r in reversed(mine) if r.replaces and r.status is ConsentStatus.PENDING), None)
    current = live[-1] if live else next((r for r in reversed(mine) if r is not renewal), None)
    if current is None:
        current, renewal = renewal, None
    return KindState(
        current=ConsentView.of(current, now, near_days) if current else None,
        renewal=ConsentView.of(renewal, now, near_days) if renewal else None,
    )


def _needs_action(state: KindState) -> bool:
    current = state.current
    if current is None:
        return False
    return current.status != "approved" or current.near_expiry or state.renewal is not None


@flushes_status_log
def consents_status(
    user_id: str,
    deadline: Deadline,
    *,
    banks: list[str] | None = None,
    force: bool = False,
    include_approved: bool = False,
) -> ConsentsStatus:
    selected = [get_bank(b) for b in banks] if banks else list(all_banks())
    table(settings().consents_table)  # the shared boto3 resource exists before threads use it
    records = store.user_consents(user_id)
    identities = {i.bank_id: i.customer_id for i in list_identities(user_id).identities}
    by_bank = {b.bank_id: [r for r in records if r.bank_id == b.bank_id] for b in selected}

    def refresh(bank_id: str) -> tuple[list[ConsentRecord], ErrorInfo | None]:
        return _refresh_bank(by_bank[bank_id], deadline, force=force, include_approved=include_approved)

    busy = [
        b
        for b, rs in by_bank.items()
        if any(_due(r, force=force, include_approved=include_approved, now=utcnow()) for r in rs)
    ]
    refreshed: dict[str, tuple[list[ConsentRecord], ErrorInfo | None]] = {
        b: (rs, None) for b, rs in by_bank.items()
    }
    if busy:
        with ThreadPoolExecutor(max_workers=min(8, len(busy))) as pool:
            refreshed |= dict(zip(busy, pool.map(refresh, busy), strict=True))
    now = utcnow()
    near_days = tuning().near_expiry_days
    out = []
    for bank in selected:
        bank_records, error = refreshed[bank.bank_id]
        states = {kind: _kind_state(bank_records, kind, now, near_days) for kind in KINDS}
        accounts = states["accounts"].current
        out.append(
            BankConsents(
                bank_id=bank.bank_id,
                name=bank.name,
                approval=bank.approval,
                customer_id=identities.get(bank.bank_id),
                connected=accounts is not None and accounts.status == "approved",
                needs_action=any(_needs_action(s) for s in states.values()),
                accounts=states["accounts"],
                products=states["products"],
                payments=states["payments"],
                error=error,
            )
        )
    return ConsentsStatus(banks=out, near_expiry_days=near_days, generated_at=now)


@flushes_status_log
def consent_detail(user_id: str, any_id: str, bank_id: str | None, deadline: Deadline) -> ConsentDetail:
    record = find_for_caller(user_id, any_id, bank_id)
    (record,), error = _refresh_bank([record], deadline, force=False, include_approved=False)
    return ConsentDetail(consent=ConsentView.of(record, utcnow(), tuning().near_expiry_days), error=error)
