"""The bank status log: every attempt recorded, 30 days kept, per-bank health for GET /api/banks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from finpulse.banks.errors import BankUnavailable
from finpulse.banks.health import banks_health, merge, recent_calls
from finpulse.banks.http import BankHttp
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import BATCH, CallRecord, DynamoStatusLog, iso, window_of
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from tests.banks.support import bank

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_merge_takes_the_newest_per_shard_and_ignores_anything_older_than_30_days() -> None:
    old = iso(NOW - timedelta(days=31))
    items = [
        {"last_ok_at": iso(NOW - timedelta(hours=2)), "last_ok_op": "accounts.list"},
        {"last_ok_at": iso(NOW - timedelta(hours=1)), "last_ok_op": "auth.token"},
        {"last_err_at": old, "last_err_op": "accounts.list", "last_err_outcome": "timeout"},
    ]
    health = merge(items, NOW)
    assert health.last_success_operation == "auth.token"
    assert health.last_error_at is None  # 31 days old: past retention, whatever TTL has not deleted
    assert not health.degraded


def test_degraded_when_the_latest_outcome_is_a_recent_failure_or_failures_dominate() -> None:
    recent_error = {"last_err_at": iso(NOW - timedelta(minutes=2)), "last_err_outcome": "server_error"}
    older_ok = {"last_ok_at": iso(NOW - timedelta(minutes=5))}
    assert merge([recent_error, older_ok], NOW).degraded
    newer_ok = {"last_ok_at": iso(NOW - timedelta(minutes=1))}
    assert not merge([recent_error, newer_ok], NOW).degraded
    window = {"win": window_of(NOW), "win_ok": 2, "win_err": 5}
    assert merge([newer_ok, window], NOW).degraded
    stale_window = {"win": window_of(NOW) - 3600, "win_ok": 0, "win_err": 50}
    assert not merge([newer_ok, stale_window], NOW).degraded


@pytest.mark.usefixtures("live")
def test_every_attempt_is_recorded_and_bank_health_follows(sandbox: Any) -> None:
    # A bank id of its own keeps this test's log apart from every other test's (same sandbox bank).
    probe = bank("abank", bank_id=f"probe-{uuid.uuid4().hex[:8]}")
    http = BankHttp(probe)
    since = datetime.now(UTC) - timedelta(seconds=1)
    http.request("GET", "/health", operation="health", deadline=Deadline.after(5))
    sandbox.admin("abank").set_faults(error_rate=1.0, error_statuses=[503], paths=["/health"])
    with pytest.raises(BankUnavailable):
        http.request("GET", "/health", operation="health", deadline=Deadline.after(5))
    calls = recent_calls(probe.bank_id, since)
    attempts = tuning().max_attempts
    assert [c.outcome for c in calls] == ["server_error"] * attempts + ["ok"]
    assert [c.attempt for c in calls[:attempts]] == list(range(attempts, 0, -1))
    assert {c.http_status for c in calls} == {503, 200}
    assert all(c.latency_ms >= 0 and c.operation == "health" for c in calls)
    health = banks_health([probe.bank_id])[probe.bank_id]
    assert health.degraded
    assert health.last_error_http_status == 503
    assert health.last_success_at is not None
    assert health.last_error_at is not None
    assert health.last_error_at > health.last_success_at
    sandbox.admin("abank").clear_faults()
    for _ in range(attempts + 1):
        http.request("GET", "/health", operation="health", deadline=Deadline.after(5))
    assert not banks_health([probe.bank_id])[probe.bank_id].degraded
    assert recent_calls(
        probe.bank_id, datetime.now(UTC) - timedelta(days=400)
    )  # capped at 30 days, not empty


@pytest.mark.usefixtures("live")
def test_get_api_banks_shows_health_per_bank(api_client: Any, make_user: Any, sandbox: Any) -> None:
    BankHttp(bank("vbank")).request("GET", "/health", operation="health", deadline=Deadline.after(5))
    sandbox.admin("sbank").set_faults(error_rate=1.0, paths=["/health"])
    with pytest.raises(BankUnavailable):
        BankHttp(bank("sbank")).request("GET", "/health", operation="health", deadline=Deadline.after(5))
    user = make_user()
    response = api_client.get("/api/banks", headers=user.auth_header)
    assert response.status_code == 200
    health = {b["bank_id"]: b["health"] for b in response.json["banks"]}
    assert health["vbank"]["last_success_at"] is not None
    assert health["sbank"]["degraded"] is True
    assert health["sbank"]["last_error_outcome"] == "server_error"


@pytest.mark.usefixtures("live")
def test_call_records_are_batched_and_written_when_due(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANK_STATUS_FLUSH_INTERVAL", "60")
    tuning.cache_clear()
    probe = f"probe-{uuid.uuid4().hex[:8]}"
    since = datetime.now(UTC) - timedelta(seconds=1)
    log = DynamoStatusLog(settings().bank_status_table)

    def written() -> int:
        return len(recent_calls(probe, since))

    for _ in range(3):
        log.record(CallRecord(probe, "accounts.list", "ok", 200, 1, 5.0))
    assert written() == 0  # buffered: one BatchWriteItem later instead of three PutItems now
    log.flush()
    assert written() == 3
    log.record(CallRecord(probe, "accounts.list", "ok", 200, 1, 5.0))
    log.record(CallRecord(probe, "accounts.list", "timeout", None, 1, 3000.0))
    assert written() == 5  # a failure is written at once, with what waited before it
    for _ in range(BATCH):
        log.record(CallRecord(probe, "accounts.list", "ok", 200, 1, 5.0))
    assert written() == 5 + BATCH  # a full batch does not wait
    tuning.cache_clear()
