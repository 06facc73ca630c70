"""Failures: a bank down, a consent revoked mid-sync, concurrent starts, a dead lock holder."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from finpulse.data import freshness
from finpulse.data import sync_records as records
from finpulse.sync.refresh import lock
from finpulse.sync.refresh.finalise import finalise
from tests.sync.support import (
    connect,
    entity_items,
    part_keys,
    refresh,
    start_refresh,
    wait_lock_free,
    wait_sync,
)


def _account_consent(user_id: str, bank_id: str) -> Any:
    from finpulse.consents.store import user_consents

    return [r for r in user_consents(user_id, bank_id) if r.kind == "accounts"][-1]


def _executions(stack: Any, sync_ids: set[str]) -> list[dict[str, Any]]:
    sfn = stack.client("stepfunctions")
    found = []
    for page in sfn.get_paginator("list_executions").paginate(
        stateMachineArn=stack.resources.state_machine_arn
    ):
        found += [e for e in page["executions"] if any(e["name"].startswith(s) for s in sync_ids)]
    return found


def test_one_bank_failing_leaves_the_others_fresh_and_its_earlier_data_intact(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox)
    first = refresh(api_client, user)
    assert first["state"] == "succeeded", first
    wait_lock_free(live, user.sub)
    kept_tx = part_keys(user.sub, "abank")
    kept_entities = sorted((i["sk"], i["h"]) for i in entity_items(user.sub, "abank") if "h" in i)
    assert kept_tx
    assert kept_entities

    sandbox.admin("abank").set_faults(error_rate=1.0, error_statuses=[503])
    second = refresh(api_client, user, force=True)

    assert second["state"] == "partial", second
    assert second["banks"]["abank"]["state"] == "failed"
    assert second["banks"]["abank"]["error"]["code"] == "BANK_UNAVAILABLE"
    assert second["banks"]["vbank"]["state"] == second["banks"]["sbank"]["state"] == "ok"
    # Nothing the failing bank had delivered before was deleted or overwritten.
    assert part_keys(user.sub, "abank") == kept_tx
    assert sorted((i["sk"], i["h"]) for i in entity_items(user.sub, "abank") if "h" in i) == kept_entities
    states = {s.bank_id: s for s in freshness.for_banks(user.sub, ["vbank", "abank", "sbank"])}
    assert states["abank"].stale
    assert states["abank"].error is not None
    assert states["abank"].error.code == "BANK_UNAVAILABLE"
    assert states["abank"].last_success_at is not None  # the first sync's time, kept
    assert not states["vbank"].stale
    assert not states["sbank"].stale
    # Every data endpoint says so.
    body = api_client.get("/api/accounts", headers=user.auth_header).get_json()
    shown = {f["bank_id"]: f for f in body["freshness"]}
    assert shown["abank"]["stale"]
    assert shown["abank"]["last_success_at"]
    assert all(a["stale"] for a in body["accounts"] if a["bank_id"] == "abank")


def test_twenty_concurrent_refresh_requests_start_exactly_one_execution(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox)
    for bank in ("vbank", "abank", "sbank"):  # keep the refresh running while the requests arrive
        sandbox.admin(bank).set_faults(latency_ms=150)

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda _: start_refresh(api_client, user), range(20)))

    accepted = [a.get_json() for a in answers if a.status_code == 202]
    conflicts = [a.get_json() for a in answers if a.status_code == 409]
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [202] + [409] * 19, statuses
    running = accepted[0]["sync_id"]
    assert all(c["error"]["code"] == "SYNC_RUNNING" for c in conflicts)
    assert {c["error"]["details"][0]["message"] for c in conflicts} == {running}
    assert len(_executions(live, {running})) == 1
    for bank in ("vbank", "abank", "sbank"):
        sandbox.admin(bank).clear_faults()
    assert wait_sync(api_client, user, running)["state"] == "succeeded"


def test_lock_acquire_is_atomic_under_twenty_threads(live: Any, make_user: Any) -> None:
    user_id = make_user().sub
    barrier = threading.Barrier(20)

    def attempt(i: int) -> str:
        barrier.wait()
        try:
            return lock.acquire(user_id, f"owner-{i}").owner
        except lock.LockHeld as held:
            return f"held:{held.owner}"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(attempt, range(20)))
    winners = [o for o in outcomes if not o.startswith("held:")]
    assert len(winners) == 1
    assert {o.removeprefix("held:") for o in outcomes} == set(winners)


def test_a_dead_holders_lock_is_taken_over_after_expiry_and_its_summary_is_fenced_off(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox, banks=["vbank"])
    dead_id = records.new_sync_id()
    # Stored expiries are whole seconds: a 1 s lease may end at once. 8 s hold it through the 409
    # below on a slow machine; then the test waits for the stored expiry itself.
    dead = lock.acquire(user.sub, dead_id, lease=timedelta(seconds=8))
    records.create(user.sub, dead_id, source="api", force=False, include_dashboard=False)

    blocked = start_refresh(api_client, user)
    assert blocked.status_code == 409
    assert blocked.get_json()["error"]["details"][0]["message"] == dead_id

    time.sleep(max(0.0, dead.expires_at.timestamp() - time.time()) + 0.2)  # the holder "died"
    taken = start_refresh(api_client, user)
    assert taken.status_code == 202, taken.get_json()
    new_id = taken.get_json()["sync_id"]
    live_lock = lock.current(user.sub)
    assert live_lock is not None
    assert live_lock.owner == new_id
    assert live_lock.fence > dead.fence

    # The dead holder wakes up and tries to finish: its summary is refused, the new lock untouched.
    late = finalise({"user_id": user.sub, "sync_id": dead_id, "fence": dead.fence})
    assert late["state"] == "superseded"
    assert not lock.release(dead)
    assert lock.current(user.sub) is not None
    assert wait_sync(api_client, user, new_id)["state"] == "succeeded"
    wait_lock_free(live, user.sub)


def test_a_consent_revoked_during_the_sync_marks_that_bank_and_the_run_finishes(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user = make_user()
    connect(api_client, user, sandbox)
    consent_id = _account_consent(user.sub, "vbank").consent_id
    vbank = sandbox.admin("vbank")
    # Small pages, each slow: the account's pages are still being fetched when the revocation lands.
    vbank.set_faults(
        latency_ms=120,
        paths=["/accounts/*/transactions", "/accounts/*/balances"],
        limit_cap=5,
        limit_cap_mode="clamp",
    )
    vbank.clear_requests()
    started = start_refresh(api_client, user, force=True)
    assert started.status_code == 202
    deadline = time.monotonic() + 30
    while not any("/transactions" in r["path"] for r in vbank.requests()):  # the sync is under way
        assert time.monotonic() < deadline
        time.sleep(0.05)
    vbank.revoke(consent_id)

    done = wait_sync(api_client, user, started.get_json()["sync_id"])

    assert done["state"] == "partial", done
    assert done["banks"]["vbank"]["state"] == "failed"
    assert done["banks"]["vbank"]["error"]["code"] == "CONSENT_REVOKED"
    assert done["banks"]["abank"]["state"] == done["banks"]["sbank"]["state"] == "ok"
    state = freshness.get(user.sub, "vbank")
    assert state.stale
    assert state.error is not None
    assert state.error.code == "CONSENT_REVOKED"
    assert _account_consent(user.sub, "vbank").status == "revoked"
