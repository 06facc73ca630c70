"""The bank status log: every bank call (each attempt) with its outcome, kept 30 days.

Table `BankStatusTable` (keys in docs/ARCHITECTURE.md, "Bank status log"):

* call items, `pk = LOG#<bank>#<yyyymmddHH>#<shard>`, `sk = <iso time>#<id>`: one per attempt.
  The hour and a per-process shard spread one bank's calls over many partitions, so a busy bank
  never makes a hot partition; a time range of one bank is a few Queries (hours x shards).
* summary items, `pk = SUMMARY#<bank>#<shard>`, `sk = SUMMARY`: last success, last error and a
  5-minute window of counts. Successes are folded into one write per process every
  `status_flush_interval` seconds; errors are written at once (they change what users see).

Call items are buffered and written with BatchWriteItem (25 per request: a fraction of the cost of
one PutItem each) when 25 are waiting, when the oldest has waited `status_flush_interval`, when a
call failed, and when an operation decorated with `@flushes_status_log` ends (every endpoint that
calls banks), so a frozen Lambda keeps at most an operation's records for its next invocation.

Both carry `ttl` (30 days) and every read also filters by time itself: DynamoDB deletes expired
items late. Writing the log never fails a bank call: errors are logged and dropped.
"""

from __future__ import annotations

import functools
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from finpulse import clock
from finpulse.banks.tuning import tuning
from finpulse.clock import iso
from finpulse.config import settings
from finpulse.observability import logger

RETENTION = timedelta(days=30)
BATCH = 25
WINDOW_SECONDS = 300
# Outcomes that say FinPulse cannot use the bank: it is unwell, or it refuses the team token (401, or
# a token FinPulse must not accept, e.g. HS256 at a bank configured `jwks`). Other 4xx answers are
# the bank working as designed (a revoked consent, a validation error) and are not the bank's fault.
FAILURES = frozenset(
    {"rate_limited", "server_error", "timeout", "connection_error", "invalid_response", "token_rejected"}
)
DETAIL_LIMIT = 300


@dataclass(frozen=True, slots=True)
class CallRecord:
    bank_id: str
    operation: str
    outcome: str  # ok | client_error | one of FAILURES
    http_status: int | None
    attempt: int
    latency_ms: float
    at: datetime = field(default_factory=lambda: clock.now())
    detail: str | None = None
    """What went wrong, in words (never a token, secret or account number): shown as the bank's
    last error to users and operators."""


class CallRecorder(Protocol):
    def record(self, call: CallRecord) -> None: ...


def window_of(moment: datetime) -> int:
    return int(moment.timestamp()) // WINDOW_SECONDS * WINDOW_SECONDS


def log_pk(bank_id: str, moment: datetime, shard: int) -> str:
    return f"LOG#{bank_id}#{moment.astimezone(UTC):%Y%m%d%H}#{shard}"


def summary_pk(bank_id: str, shard: int) -> str:
    return f"SUMMARY#{bank_id}#{shard}"


@dataclass
class _Pending:
    ok: int = 0
    err: int = 0
    last_ok: CallRecord | None = None
    last_err: CallRecord | None = None
    flushed_at: float = 0.0


class DynamoStatusLog:
    """The recorder bank calls use when `BANK_STATUS_TABLE` is configured."""

    def __init__(self, table_name: str) -> None:
        self.table_name = table_name
        # One shard per process: its writes stay on one item, processes spread over shards.
        self.shard = random.randrange(max(1, tuning().status_shards))  # noqa: S311 - not crypto
        self._pending: dict[str, _Pending] = {}
        self._calls: list[dict[str, Any]] = []
        self._calls_since = 0.0
        self._lock = threading.Lock()

    def _table(self) -> Any:
        from finpulse.storage.dynamo import table

        return table(self.table_name)

    def record(self, call: CallRecord) -> None:
        try:
            self._buffer(call)
            self._fold(call)
        except Exception:  # the log must never break a bank call
            logger.warning("bank status log write failed", extra={"bank_id": call.bank_id}, exc_info=True)

    def _buffer(self, call: CallRecord) -> None:
        item = self._call_item(call)
        now = time.monotonic()
        with self._lock:
            if not self._calls:
                self._calls_since = now
            self._calls.append(item)
            due = (
                len(self._calls) >= BATCH
                or call.outcome in FAILURES
                or now - self._calls_since >= tuning().status_flush_interval
            )
            batch, self._calls = (self._calls, []) if due else ([], self._calls)
        self._write_calls(batch)

    def _write_calls(self, items: list[dict[str, Any]]) -> None:
        if not items:
            return
        with self._table().batch_writer() as writer:  # resends unprocessed items itself
            for item in items:
                writer.put_item(Item=item)

    def _call_item(self, call: CallRecord) -> dict[str, Any]:
        item: dict[str, Any] = {
            "pk": log_pk(call.bank_id, call.at, self.shard),
            "sk": f"{iso(call.at)}#{uuid.uuid4().hex[:8]}",
            "bank_id": call.bank_id,
            "operation": call.operation,
            "outcome": call.outcome,
            "attempt": call.attempt,
            "latency_ms": round(call.latency_ms),
            "at": iso(call.at),
            "ttl": int((call.at + RETENTION).timestamp()),
        }
        if call.http_status is not None:
            item["http_status"] = call.http_status
        return item

    def _fold(self, call: CallRecord) -> None:
        if call.outcome == "client_error":
            return
        with self._lock:
            pending = self._pending.setdefault(call.bank_id, _Pending())
            failed = call.outcome in FAILURES
            if failed:
                pending.err += 1
                pending.last_err = call
            else:
                pending.ok += 1
                pending.last_ok = call
            due = failed or time.monotonic() - pending.flushed_at >= tuning().status_flush_interval
            if not due:
                return
            snapshot = _Pending(pending.ok, pending.err, pending.last_ok, pending.last_err)
            self._pending[call.bank_id] = _Pending(flushed_at=time.monotonic())
        self._write_summary(call.bank_id, snapshot)

    def flush(self) -> None:
        """Write every buffered call and folded summary (end of an operation)."""
        with self._lock:
            calls, self._calls = self._calls, []
            items = [(b, p) for b, p in self._pending.items() if p.ok or p.err]
            for bank_id, _ in items:
                self._pending[bank_id] = _Pending(flushed_at=time.monotonic())
        self._write_calls(calls)
        for bank_id, pending in items:
            self._write_summary(bank_id, pending)

    def _write_summary(self, bank_id: str, p: _Pending) -> None:
        from botocore.exceptions import ClientError

        now = clock.now()
        key = {"pk": summary_pk(bank_id, self.shard), "sk": "SUMMARY"}
        sets = ["bank_id = :bank", "#ttl = :ttl"]
        values: dict[str, Any] = {
            ":bank": bank_id,
            ":ttl": int((now + RETENTION).timestamp()),
            ":win": window_of(now),
            ":ok": p.ok,
            ":err": p.err,
        }
        if p.last_ok is not None:
            sets += ["last_ok_at = :okat", "last_ok_op = :okop"]
            values |= {":okat": iso(p.last_ok.at), ":okop": p.last_ok.operation}
        if p.last_err is not None:
            sets += [
                "last_err_at = :errat",
                "last_err_op = :errop",
                "last_err_outcome = :errout",
                "last_err_detail = :errdet",
            ]
            values |= {
                ":errat": iso(p.last_err.at),
                ":errop": p.last_err.operation,
                ":errout": p.last_err.outcome,
                ":errdet": (p.last_err.detail or "")[:DETAIL_LIMIT],
            }
            if p.last_err.http_status is not None:
                sets.append("last_err_status = :errst")
                values[":errst"] = p.last_err.http_status
        names = {"#ttl": "ttl"}
        table = self._table()
        same_window = {
            "Key": key,
            "UpdateExpression": "SET " + ", ".join(sets) + " ADD win_ok :ok, win_err :err",
            "ConditionExpression": "win = :win",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
        }
        new_window = {
            "Key": key,
            "UpdateExpression": "SET " + ", ".join([*sets, "win = :win", "win_ok = :ok", "win_err = :err"]),
            "ConditionExpression": "attribute_not_exists(win) OR win < :win",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
        }
        # Usually the window matches; at a window boundary the first writer starts the new one,
        # and a writer that lost that race adds to the window just started.
        for attempt in (same_window, new_window, same_window):
            try:
                table.update_item(**attempt)
                return
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise


class _NullRecorder:
    def record(self, call: CallRecord) -> None:
        return None

    def flush(self) -> None:
        return None


_recorder: CallRecorder | None = None
_recorder_table: str | None = None


def default_recorder() -> CallRecorder:
    """The process's recorder: DynamoDB when the table is configured, else nothing."""
    global _recorder, _recorder_table
    name = settings().bank_status_table
    if _recorder is None or name != _recorder_table:
        _recorder = DynamoStatusLog(name) if name else _NullRecorder()
        _recorder_table = name
    return _recorder


def flush_status_log() -> None:
    """Write what the process's recorder holds; never raises (the log must not fail a request)."""
    recorder = _recorder
    flush = getattr(recorder, "flush", None)
    if not callable(flush):
        return
    try:
        flush()
    except Exception:
        logger.warning("bank status log flush failed", exc_info=True)


def flushes_status_log[**P, R](operation: Callable[P, R]) -> Callable[P, R]:
    """Decorator for operations that call banks: their status-log records are written when they end."""

    @functools.wraps(operation)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return operation(*args, **kwargs)
        finally:
            flush_status_log()

    return wrapper
