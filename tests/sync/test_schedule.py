"""The scheduled refresh: the schedule's input fans out to every due user, skipping fresh and running ones."""

from __future__ import annotations

import json
import time
from typing import Any

from finpulse.data import sync_records as records
from finpulse.sync.refresh import lock
from tests.sync.support import connect, refresh, wait_lock_free, wait_sync


def _run_schedule(stack: Any) -> dict[str, Any]:
    """What EventBridge Scheduler (locally: devstack's scheduler, `make refresh`) does on the cron."""
    (schedule,) = stack.resources.schedules
    sfn = stack.client("stepfunctions")
    started = sfn.start_execution(stateMachineArn=schedule.target_arn, input=schedule.input or "{}")
    deadline = time.monotonic() + 120
    while True:
        described = sfn.describe_execution(executionArn=started["executionArn"])
        if described["status"] != "RUNNING":
            return dict(described)
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_the_schedule_starts_due_users_and_skips_fresh_and_running_ones(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    due, fresh, running = make_user(), make_user(), make_user()
    # A customer id belongs to one user: each gets their own.
    for user, customer in ((due, "team200-9"), (fresh, "team200-8"), (running, "team200-7")):
        connect(api_client, user, sandbox, customer=customer, banks=["vbank"], products=False)
    synced = refresh(api_client, fresh)
    wait_lock_free(live, fresh.sub)
    holder = lock.acquire(running.sub, records.new_sync_id())

    done = _run_schedule(live)

    assert done["status"] == "SUCCEEDED", done
    output = json.loads(done["output"])
    assert output["source"] == "schedule"
    assert output["done"] is True
    assert output["totals"]["started"] >= 1
    assert output["totals"]["skipped_fresh"] >= 1
    assert output["totals"]["skipped_running"] >= 1
    scheduled = records.latest(due.sub)
    assert scheduled is not None
    assert scheduled.source == "schedule"
    assert wait_sync(api_client, due, scheduled.sync_id)["state"] == "succeeded"
    latest_fresh = records.latest(fresh.sub)
    assert latest_fresh is not None
    assert latest_fresh.sync_id == synced["sync_id"]
    assert records.latest(running.sub) is None
    assert lock.current(running.sub) == holder  # the running sync's lock untouched
    lock.release(holder)
