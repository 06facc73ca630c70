"""What the stack benchmarks share: `make dev`'s stack on free ports, a signed-in API client that
connects banks and runs refreshes, and the metric record every benchmark returns."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx


def metric(
    name: str, value: Any, unit: str, target: str, ok: bool | None, baseline: str = ""
) -> dict[str, Any]:
    """One figure; `baseline` is the same figure before the change it measures, as quoted."""
    return {"name": name, "value": value, "unit": unit, "target": target, "ok": ok, "baseline": baseline}


def timed_get(http: httpx.Client, path: str) -> tuple[float, dict[str, Any]]:
    """(milliseconds, JSON body) of one GET that must answer 200."""
    started = time.perf_counter()
    r = http.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert r.status_code == 200, r.text
    return elapsed, r.json()


@contextmanager
def bench_stack(bank_data: Path, parameters: dict[str, Any] | None = None) -> Iterator[tuple[Any, Any]]:
    """(LocalStack, SandboxBanks): the whole local stack, as `make dev` runs it, on free ports."""
    from devstack.stack import LocalStack, StackOptions
    from sandbox.client import SandboxBanks

    options = StackOptions(
        api_port=0,
        moto_port=0,
        dynamodb_port=0,
        bank_base_port=0,
        schedule=False,
        watch=False,
        prewarm=True,
        access_log=False,
        spa_dir=None,
        state_file=None,
        sandbox_data_dir=bank_data,
        parameter_overrides=parameters or {},
    )
    stack = LocalStack(options).start()
    try:
        assert stack.banks is not None
        yield stack, SandboxBanks(stack.banks.handle)
    finally:
        stack.stop()


class Api:
    """A signed-in user of the stack over real HTTP: a new one, or the demo login (`demo=True`:
    the stack seeds it as customer team200-1 at every bank, which no other user can then claim)."""

    def __init__(self, stack: Any, *, demo: bool = False) -> None:
        from devstack.provision import boto_clients
        from devstack.tokens import demo_user, new_user

        clients = boto_clients(stack.resources.region, stack.moto.url, stack.dynamodb.url)
        self.user = demo_user(clients, stack.resources) if demo else new_user(clients, stack.resources, None)
        self.http = httpx.Client(base_url=stack.api_url, headers=self.user.auth_header, timeout=120)
        self._state_machine = stack.resources.state_machine_arn

    def connect(self, banks: Any, customer: str, sandbox: Any, products: bool = True) -> None:
        for bank in banks:
            self.http.put(f"/api/me/banks/{bank}", json={"customer_id": customer}).raise_for_status()
        r = self.http.post("/api/consents/init", json={"banks": list(banks), "include_products": products})
        r.raise_for_status()
        failed = [x for x in r.json()["results"] if x["outcome"] == "failed"]
        assert not failed, failed
        pending = [x for x in r.json()["results"] if x.get("consent") and x["consent"]["status"] == "pending"]
        for result in pending:
            consent = result["consent"]
            sandbox.admin(result["bank_id"]).approve(consent.get("request_id") or consent["consent_id"])
        deadline = time.monotonic() + 60
        while pending and not self._approved(banks):
            # Pending consents are re-polled at the bank at most every CONSENT_POLL_INTERVAL.
            assert time.monotonic() < deadline, "consents never approved"
            self.http.post("/api/consents/refresh", json={}).raise_for_status()
            time.sleep(1.0)

    def _approved(self, banks: Any) -> bool:
        status = self.http.get("/api/consents/status").json()
        connected = {b["bank_id"] for b in status["banks"] if b["connected"]}
        return set(banks) <= connected

    def refresh(self, force: bool = False) -> tuple[float, dict[str, Any]]:
        """(seconds from the request to the first `GET /api/sync/{id}` that answers it ended, the
        record).

        Asking that endpoint every 50 ms while the sync runs cost as much CPU as a bank's sync
        (each ask is the API emulator, the JWT check, a Lambda invoke and a DynamoDB Local read,
        ≈ 15 ms of CPU), on the two cores the refresh runs on; people's browsers ask every second.
        So the endpoint is asked once the refresh's execution has stopped (Step Functions' own
        status, read from moto's backend every 10 ms), then every 50 ms until it answers.
        The record turns final before the execution stops (the last step releases the lock
        after writing it, then moto closes the execution: ≈ 70 ms measured at load 10), so the
        time is never shorter than asking every 50 ms would have found; if anything a few tens
        of milliseconds longer."""
        # The record turns final just before the last step releases the lock: wait for it.
        for _ in range(200):
            started = time.perf_counter()
            r = self.http.post(f"/api/sync/full-refresh?force={str(force).lower()}")
            if r.status_code != 409:
                break
            time.sleep(0.05)
        assert r.status_code == 202, r.text
        sync_id = r.json()["sync_id"]
        self._wait_execution(sync_id)
        while True:
            answer = self.http.get(f"/api/sync/{sync_id}")
            body: dict[str, Any] = answer.json() if answer.status_code == 200 else {}
            if body.get("state", "running") != "running":
                return time.perf_counter() - started, body
            time.sleep(0.05)

    def _wait_execution(self, sync_id: str, timeout: float = 600.0) -> None:
        # moto runs in this process: its Step Functions backend is read directly (microseconds;
        # DescribeExecution over HTTP costs ≈ 3 ms of this process's CPU a time).
        from moto.stepfunctions.responses import get_backend

        from finpulse.sync.refresh.start import execution_name

        name = execution_name(sync_id, self.user.sub)
        arn = self._state_machine.replace(":stateMachine:", ":execution:") + f":{name}"
        _, _, _, region, account, _ = self._state_machine.split(":", 5)
        backend = get_backend(account, region)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = backend.describe_execution(arn).exec_status  # None: not started yet
            if status is not None and status.value != "RUNNING":
                return
            time.sleep(0.01)
