"""Moving an agreement action along its states: one conditional write per move (a process that
read an older action loses and gets the stored one back), and its effects once completed (the
bank re-synced now, so the new or closed agreement shows at once)."""

from __future__ import annotations

from finpulse.agreements import store
from finpulse.agreements.records import ActionStatus, AgreementAction, can_move, transition
from finpulse.banks.retry import Deadline
from finpulse.consents.records import utcnow
from finpulse.observability import logger
from finpulse.payments.records import Failure


def move(
    action: AgreementAction, to: ActionStatus, *, note: str | None = None, failure: Failure | None = None
) -> tuple[AgreementAction, bool]:
    if not can_move(action, to):
        return action, False
    transition(action, to, utcnow(), note=note, failure=failure)
    try:
        saved = store.save(action)
    except store.StaleAction:
        return store.get(action.user_id, action.action_id) or action, False
    logger.info(
        "agreement action moved", extra={"action_id": saved.action_id, "kind": saved.kind, "status": to}
    )
    return saved, True


def save_quietly(action: AgreementAction) -> AgreementAction:
    """Store facts learnt on the way that do not move the state."""
    action.updated_at = utcnow()
    try:
        return store.save(action)
    except store.StaleAction:
        return store.get(action.user_id, action.action_id) or action


def completed_effects(action: AgreementAction, deadline: Deadline) -> AgreementAction:
    """The bank is synced now (under the user's sync lock) and the dashboard's data version moves."""
    from finpulse.data import versioning
    from finpulse.payments.resync import locked_sync

    if action.status != "completed" or action.synced:
        return action
    versioning.bump(action.user_id, f"agreement:{action.action_id}")
    synced = locked_sync(action.user_id, [action.bank_id], deadline)
    if synced is None:
        logger.warning(
            "sync after an agreement action skipped: lock held", extra={"action_id": action.action_id}
        )
        return action
    action.synced = True
    return save_quietly(action)
