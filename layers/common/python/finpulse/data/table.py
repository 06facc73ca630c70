"""The DataTable itself: its handle, and the reads every item module shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
