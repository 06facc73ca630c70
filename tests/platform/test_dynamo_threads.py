"""Threads share the process's DynamoDB client (`finpulse.storage.dynamo`): the `Key(...)`/`Attr(...)`
conditions each one writes must reach DynamoDB as that thread built them.

boto3 turns those conditions into `#n0 = :v0` placeholders with one counter per client, reset at
the start of every request: two threads building at once number over each other, and DynamoDB
then refuses the request ("KeyConditionExpressions must only contain one condition per key") or,
worse, a filter tests the wrong attribute. A loaded machine preempts a thread mid-build now and
then; here each key condition yields the processor while it is being built (a `Key` whose
conditions sleep a moment), so the interleaving happens on every run.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from boto3.dynamodb.conditions import Attr, BeginsWith, Equals, Key

from devstack.inprocess_stack import InProcessStack
from finpulse.config import settings
from finpulse.storage.dynamo import query_items, reset_clients, table

THREADS = 8
ROUNDS = 20


class _Preempted:
    """A condition whose expression is read with the thread giving up the processor first."""

    def get_expression(self) -> dict[str, Any]:
        time.sleep(0.002)
        return super().get_expression()  # type: ignore[misc]


class _SlowEquals(_Preempted, Equals):
    pass


class _SlowBeginsWith(_Preempted, BeginsWith):
    pass


class SlowKey(Key):
    def eq(self, value: Any) -> Equals:
        return _SlowEquals(self, value)

    def begins_with(self, value: Any) -> BeginsWith:
        return _SlowBeginsWith(self, value)


@pytest.fixture
def fresh_clients(aws_stack: InProcessStack) -> Iterator[None]:
    settings.cache_clear()
    reset_clients()
    yield
    reset_clients()


@pytest.mark.usefixtures("fresh_clients")
def test_conditions_built_in_many_threads_at_once_stay_each_threads_own() -> None:
    run = uuid.uuid4().hex[:8]
    start = threading.Barrier(THREADS)

    def worker(n: int) -> list[str]:
        tbl = table(settings().consents_table)
        pk = f"TEST#threads-{run}-{n}"
        start.wait()
        problems: list[str] = []
        for i in range(ROUNDS):
            # A conditional put (Attr conditions) that holds only for this thread's own new item.
            tbl.put_item(
                Item={"pk": pk, "sk": f"ITEM#{i:03}", "kind": "probe", "owner": pk},
                ConditionExpression=Attr("pk").not_exists() | Attr("owner").eq(pk),
            )
            # A Query with two key conditions and a filter: every placeholder must stay distinct.
            found = list(
                query_items(
                    tbl,
                    KeyConditionExpression=SlowKey("pk").eq(pk) & SlowKey("sk").begins_with("ITEM#"),
                    FilterExpression=Attr("kind").eq("probe") & Attr("owner").eq(pk),
                    ConsistentRead=True,
                )
            )
            if len(found) != i + 1 or {f["pk"] for f in found} != {pk}:
                problems.append(f"{pk} round {i}: {len(found)} items")
        for i in range(ROUNDS):
            tbl.delete_item(Key={"pk": pk, "sk": f"ITEM#{i:03}"})
        return problems

    table(settings().consents_table)  # the shared client exists before the threads, as in the handlers
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        problems = [p for ps in pool.map(worker, range(THREADS)) for p in ps]
    assert problems == []
