"""One DynamoDB client per process, reused across warm invocations and shared by threads.

The endpoint comes from the standard `AWS_ENDPOINT_URL` (boto3 honours it), so the local stack
needs no code of its own here.

boto3 clients are thread-safe, resources are not: a resource's `Key(...)`/`Attr(...)` conditions
become `#n0`/`:v0` placeholders through one builder per *client*, whose counters every request
resets, so two threads building at once number over each other (DynamoDB then refuses the
request, or a filter tests the wrong attribute). `_build_conditions` gives each request a builder
of its own, before boto3's shared one runs; the client and its connection pool stay shared.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


_creating = threading.Lock()


def _resource() -> Any:
    with _creating:  # boto3's default session is not thread-safe: one thread creates, once
        return _made_resource()


@cache
def _made_resource() -> Any:
    import boto3  # deferred: handlers that never touch DynamoDB skip the import cost

    resource = boto3.resource("dynamodb")
    resource.meta.client.meta.events.register_first(
        "before-parameter-build.dynamodb", _build_conditions, unique_id="finpulse-own-condition-builder"
    )
    return resource


def _build_conditions(params: dict[str, Any], model: Any, **_: Any) -> None:
    """Turn this request's conditions into expression strings with a builder no other thread sees
    (boto3's own handler then finds only strings and builds nothing)."""
    from boto3.dynamodb.conditions import ConditionExpressionBuilder
    from boto3.dynamodb.transform import TransformationInjector

    TransformationInjector(condition_builder=ConditionExpressionBuilder()).inject_condition_expressions(
        params, model
    )


_tables = threading.local()


def table(name: str) -> Table:
    """The table's resource object, made once per thread (boto3 advises against sharing resource
    objects between threads; they all share the one client): making one builds its class from the
    service model, about 1 ms of CPU, which a `Table(name)` per call paid on every request."""
    resource = _resource()
    made: tuple[Any, dict[str, Table]] | None = getattr(_tables, "made", None)
    if made is None or made[0] is not resource:  # first use in this thread, or clients were reset
        made = _tables.made = (resource, {})
    found = made[1].get(name)
    if found is None:
        found = made[1][name] = resource.Table(name)
    return found


def query_items(tbl: Any, **query: Any) -> Iterator[dict[str, Any]]:
    """Every item a Query matches, page after page (`query` is the Query's own arguments)."""
    kwargs = dict(query)
    while True:
        page = tbl.query(**kwargs)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def condition_failed(exc: Exception) -> bool:
    """A conditional write (or a transaction) was refused because its condition did not hold."""
    response = getattr(exc, "response", None)
    code = response.get("Error", {}).get("Code") if isinstance(response, dict) else None
    return code in ("ConditionalCheckFailedException", "TransactionCanceledException")


def conditional_update(tbl: Any, **update: Any) -> bool:
    """`UpdateItem` with a condition: True when it was written, False when the condition failed."""
    from botocore.exceptions import ClientError

    try:
        tbl.update_item(**update)
    except ClientError as exc:
        if condition_failed(exc):
            return False
        raise
    return True


def put_versioned(tbl: Any, item: dict[str, Any], expected: int) -> bool:
    """Optimistic concurrency: put `item` (carrying `version = expected + 1`) only while the stored
    item still has `version = expected`. False when someone else wrote first."""
    from botocore.exceptions import ClientError

    try:
        tbl.put_item(
            Item=item, ConditionExpression="version = :v", ExpressionAttributeValues={":v": expected}
        )
    except ClientError as exc:
        if condition_failed(exc):
            return False
        raise
    return True


def reset_clients() -> None:
    """Forget cached clients (tests switch endpoints between runs)."""
    _made_resource.cache_clear()


def insert_pair(table_name: str, item: dict[str, Any], key_item: dict[str, Any]) -> bool:
    """Create `item` and the idempotency-key item naming it in one transaction, both only if new:
    False when either exists (the key already names something), so one key never names two."""
    from botocore.exceptions import ClientError

    puts = [
        {"Put": {"TableName": table_name, "Item": i, "ConditionExpression": "attribute_not_exists(pk)"}}
        for i in (item, key_item)
    ]
    try:
        _resource().meta.client.transact_write_items(TransactItems=puts)
    except ClientError as exc:
        if condition_failed(exc):
            return False
        raise
    return True
