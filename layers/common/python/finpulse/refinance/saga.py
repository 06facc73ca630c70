"""Running the refinance saga: the state machine's Task calls `run_step` once per step, starting
and resuming are conditional moves of the record, and an execution that failed between steps
(a crash, a timeout) records where it stopped so that a resume continues from there."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.consents.records import utcnow
from finpulse.errors import Conflict
from finpulse.observability import logger
from finpulse.refinance import steps
from finpulse.refinance.records import STEPS, RefinanceRecord, StepName, mark
from finpulse.refinance.store import Stale, refinances

STATE_MACHINE_ENV = "REFINANCE_STATE_MACHINE_ARN"


class RefinanceNotStopped(Conflict):
    code = "REFINANCE_NOT_STOPPED"


def start_execution(record: RefinanceRecord) -> None:
    import boto3

    user = hashlib.sha256(record.user_id.encode()).hexdigest()[:12]
    boto3.client("stepfunctions").start_execution(
        stateMachineArn=os.environ[STATE_MACHINE_ENV],
        name=f"{record.refinance_id}-{record.executions}-{user}"[:80],
        input=json.dumps({"user_id": record.user_id, "refinance_id": record.refinance_id}),
    )


def _save(record: RefinanceRecord) -> RefinanceRecord:
    try:
        return refinances.save(record)
    except Stale:
        stored = refinances.get(record.user_id, record.refinance_id)
        assert stored is not None
        return stored


@flushes_status_log
def run_step(user_id: str, refinance_id: str, name: StepName, remaining_ms: int) -> dict[str, Any]:
    """One step, from the record: skipped when done, stopped in its safe state when it cannot
    finish. `{"stopped": true}` ends the execution."""
    record = refinances.get(user_id, refinance_id)
    if record is None or record.status != "running":
        return {"stopped": True, "status": record.status if record else "missing"}
    if record.step(name).status == "done":
        return {"stopped": False, "status": record.status}
    deadline = Deadline.from_lambda_remaining(remaining_ms, margin=3.0)
    mark(record, name, "running", utcnow())
    record = _save(record)
    try:
        steps.RUN[name](record, deadline)
    except steps.Stopped as stop:
        mark(record, name, "stopped", utcnow(), stop.message)
        record.status = "stopped"
        record.stop = steps.stop_of(name, stop.code, stop.message)
        logger.info(
            "refinance stopped", extra={"refinance_id": refinance_id, "step": name, "code": stop.code}
        )
        return {"stopped": True, "status": _save(record).status}
    mark(record, name, "done", utcnow())
    if name == STEPS[-1]:
        record.status = "completed"
    record = _save(record)
    logger.info("refinance step done", extra={"refinance_id": refinance_id, "step": name})
    return {"stopped": False, "status": record.status}


def interrupted(user_id: str, refinance_id: str, error: str) -> dict[str, Any]:
    """The execution failed between or inside steps (crash, timeout): the record stops at the step
    that was running, in that step's safe state; resume continues from the record."""
    record = refinances.get(user_id, refinance_id)
    if record is None or record.status != "running":
        return {"stopped": True}
    current = record.current
    assert current is not None
    mark(record, current.name, "stopped", utcnow(), "Interrupted")
    record.status = "stopped"
    record.stop = steps.stop_of(current.name, "INTERRUPTED", f"FinPulse was interrupted ({error[:80]})")
    _save(record)
    return {"stopped": True}


def resume(user_id: str, refinance_id: str) -> RefinanceRecord:
    """A stopped refinance runs again from its record (a new execution); 409 unless stopped."""
    record = refinances.get(user_id, refinance_id)
    if record is None:
        from finpulse.refinance.errors import RefinanceNotFound

        raise RefinanceNotFound(
            "No such refinance", details=[{"field": "refinance_id", "message": "unknown"}]
        )
    if record.status != "stopped":
        raise RefinanceNotStopped(f"The refinance is {record.status}: only a stopped one can be resumed")
    current = record.current
    if current is not None:
        mark(record, current.name, "pending", utcnow(), None)
    record.status, record.stop = "running", None
    record.executions += 1
    try:
        record = refinances.save(record)
    except Stale:
        raise RefinanceNotStopped("The refinance was resumed by another request") from None
    start_execution(record)
    return record
