"""Batched writes to one table: 25 requests per BatchWriteItem, unprocessed items retried.

BatchWriteItem may accept only part of a batch (throttling, partition limits) and return the rest
as `UnprocessedItems`; those are resent with exponential backoff and full jitter until a deadline,
then reported as an error rather than dropped silently. Batches are sent from a small thread pool
because in AWS each call is a network round trip (a bank's first sync of 20,000 transactions is
≈ 70 items: 52 month parts and its entities, 3 calls).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import Any

BATCH_SIZE = 25
MAX_ATTEMPTS = 8
BASE_DELAY = 0.05
MAX_DELAY = 2.0


class UnprocessedItemsError(RuntimeError):
    """DynamoDB kept refusing part of a batch after every retry."""


@cache
def _client() -> Any:
    """A low-level client of its own: items are typed here (they are nearly all strings) and
    botocore's parameter validation is off — together they halve the CPU a 20,000-item write
    costs, which in Lambda is billed time. Requests are built only by this module."""
    import boto3
    from botocore.config import Config

    config = Config(parameter_validation=False, max_pool_connections=16, retries={"mode": "standard"})
    return boto3.client("dynamodb", config=config)


def reset_client() -> None:
    _client.cache_clear()


def _typed(item: dict[str, Any]) -> dict[str, Any]:
    from boto3.dynamodb.types import TypeSerializer

    out: dict[str, Any] = {}
    serializer: TypeSerializer | None = None
    for key, value in item.items():
        if isinstance(value, str):
            out[key] = {"S": value}
        else:
            serializer = serializer or TypeSerializer()
            out[key] = serializer.serialize(value)
    return out


def data_writer() -> BatchWriter:
    """A writer to the DataTable."""
    from finpulse.config import settings

    return BatchWriter(settings().data_table)


class BatchWriter:
    """Collects puts and deletes for one table and sends them in concurrent batches of 25.

    Not a context manager on purpose: the caller decides when a failure should still flush what
    was collected (a bank failing half-way keeps the pages that arrived). `close()` waits for every
    batch and raises the first error.
    """

    def __init__(
        self,
        table_name: str,
        *,
        workers: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        client: Any = None,
    ) -> None:
        self.table_name = table_name
        self._client = client or _client()
        self._pending: list[dict[str, Any]] = []
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ddb-batch")
        self._futures: list[Future[None]] = []
        self._sleep = sleep
        self._lock = threading.Lock()
        self.puts = 0
        self.deletes = 0

    def put(self, item: dict[str, Any]) -> None:
        self.puts += 1
        self._add({"PutRequest": {"Item": _typed(item)}})

    def delete(self, key: dict[str, Any]) -> None:
        self.deletes += 1
        self._add({"DeleteRequest": {"Key": _typed(key)}})

    def _add(self, request: dict[str, Any]) -> None:
        with self._lock:
            self._pending.append(request)
            if len(self._pending) < BATCH_SIZE:
                return
            batch, self._pending = self._pending, []
        self._futures.append(self._pool.submit(self._send, batch))

    def flush(self) -> None:
        """Send what is collected and wait for every batch sent so far."""
        with self._lock:
            batch, self._pending = self._pending, []
        if batch:
            self._futures.append(self._pool.submit(self._send, batch))
        futures, self._futures = self._futures, []
        errors = [f.exception() for f in futures]
        first = next((e for e in errors if e is not None), None)
        if first is not None:
            raise first

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._pool.shutdown(wait=True)

    def _send(self, batch: list[dict[str, Any]]) -> None:
        requests = batch
        for attempt in range(MAX_ATTEMPTS):
            response = self._client.batch_write_item(RequestItems={self.table_name: requests})
            requests = response.get("UnprocessedItems", {}).get(self.table_name, [])
            if not requests:
                return
            self._sleep(random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2**attempt)))  # noqa: S311 - jitter
        raise UnprocessedItemsError(f"{len(requests)} items still unprocessed after {MAX_ATTEMPTS} attempts")
