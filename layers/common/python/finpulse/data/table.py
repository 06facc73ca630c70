"""The DataTable itself: its handle, and the reads every item module shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING, Any

from finpulse.config import settings
from finpulse.storage.dynamo import query_items, table

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

BATCH_GET_MAX = 100  # keys per BatchGetItem


def data_table() -> Table:
    return table(settings().data_table)


def query(**kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item a Query of the DataTable matches, page after page."""
    return query_items(data_table(), **kwargs)


def batch_get(keys: Iterable[dict[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Items by (pk, sk), strongly consistent, in as few BatchGetItem calls as the keys need
    (unprocessed keys are asked again)."""
    name = settings().data_table
    client: Any = data_table().meta.client
    wanted = list(keys)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(wanted), BATCH_GET_MAX):
        request: dict[str, Any] = {
            name: {"Keys": wanted[start : start + BATCH_GET_MAX], "ConsistentRead": True}
        }
        while request:
            response = client.batch_get_item(RequestItems=request)
            for item in response.get("Responses", {}).get(name, []):
                found[(str(item["pk"]), str(item["sk"]))] = item
            request = response.get("UnprocessedKeys") or {}
    return found


# --- the low-level client: concurrent Queries of many partitions ------------------------------
@cache
def _client() -> Any:
    """A plain client (thread-safe, unlike resources) for Queries run side by side."""
    import boto3
    from botocore.config import Config

    return boto3.client("dynamodb", config=Config(max_pool_connections=32, retries={"mode": "standard"}))


def reset_client() -> None:
    _client.cache_clear()


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, typed in item.items():
        kind, value = next(iter(typed.items()))
        if kind == "S":
            out[name] = value
        elif kind == "B":
            out[name] = bytes(value)
        elif kind == "N":
            out[name] = int(value) if value.lstrip("-").isdigit() else float(value)
        else:
            from boto3.dynamodb.types import TypeDeserializer

            out[name] = TypeDeserializer().deserialize(typed)
    return out


def query_page(
    query: dict[str, Any], *, start: dict[str, Any] | None = None, limit: int | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """One page of a Query in the client's typed form (`ExpressionAttributeValues` typed); items
    come back plain, with the key to continue from (None at the end)."""
    kwargs = {"TableName": settings().data_table, **query}
    if start is not None:
        kwargs["ExclusiveStartKey"] = start
    if limit is not None:
        kwargs["Limit"] = limit
    page = _client().query(**kwargs)
    return [_plain(i) for i in page.get("Items", [])], page.get("LastEvaluatedKey")


def _all_pages(query: dict[str, Any]) -> list[dict[str, Any]]:
    items, start = query_page(query)
    while start is not None:
        more, start = query_page(query, start=start)
        items += more
    return items


def parallel_queries(queries: list[dict[str, Any]], *, workers: int = 12) -> list[list[dict[str, Any]]]:
    """Every item of each Query (in the order given), the Queries running side by side: one round
    trip of latency for a user's accounts instead of one per account."""
    if len(queries) <= 1:
        return [_all_pages(q) for q in queries]
    with ThreadPoolExecutor(max_workers=min(workers, len(queries)), thread_name_prefix="ddb-query") as pool:
        return list(pool.map(_all_pages, queries))
