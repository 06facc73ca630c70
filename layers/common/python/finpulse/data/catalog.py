"""The bank's public product catalog, shared by every user of the bank.

    pk CATALOG#<bank>  sk STATE               {fetched_at}
                       sk PRODUCT#<id>        {d, h}

The catalog is the same for every customer, so a sync refetches it only when it is older than
`max_age` (or when forced): 100,000 users syncing every 6 hours cost one catalog call per bank per
interval instead of 100,000.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from finpulse import clock
from finpulse.data import codec
from finpulse.data.batch import BatchWriter
from finpulse.data.keys import catalog_pk
from finpulse.data.table import data_table
from finpulse.domain import Product

DEFAULT_MAX_AGE = timedelta(hours=6)
STATE_SK = "STATE"
PRODUCT_PREFIX = "PRODUCT#"


def fetched_at(bank_id: str) -> datetime | None:
    item = data_table().get_item(Key={"pk": catalog_pk(bank_id), "sk": STATE_SK}).get("Item")
    return clock.parse_iso(str(item["fetched_at"])) if item and item.get("fetched_at") else None


def is_due(bank_id: str, *, force: bool, max_age: timedelta = DEFAULT_MAX_AGE) -> bool:
    if force:
        return True
    last = fetched_at(bank_id)
    return last is None or clock.now() - last >= max_age


def _stored(bank_id: str) -> dict[str, str]:
    from boto3.dynamodb.conditions import Key

    page = data_table().query(
        KeyConditionExpression=Key("pk").eq(catalog_pk(bank_id)) & Key("sk").begins_with(PRODUCT_PREFIX),
        ProjectionExpression="sk, h",
    )
    return {str(i["sk"]): str(i["h"]) for i in page.get("Items", [])}


def store(bank_id: str, products: list[Product], writer: BatchWriter) -> int:
    """Write changed products, delete withdrawn ones, stamp the fetch time; returns items written."""
    stored = _stored(bank_id)
    pk = catalog_pk(bank_id)
    written = 0
    seen = set()
    for product in products:
        sk = PRODUCT_PREFIX + product.product_id
        seen.add(sk)
        body, digest = codec.encode(product)
        if stored.get(sk) != digest:
            writer.put({"pk": pk, "sk": sk, codec.BODY: body, codec.HASH: digest})
            written += 1
    for sk in set(stored) - seen:
        writer.delete({"pk": pk, "sk": sk})
    writer.put({"pk": pk, "sk": STATE_SK, "fetched_at": clock.iso(clock.now())})
    return written


def products(bank_ids: list[str]) -> list[Product]:
    from boto3.dynamodb.conditions import Key

    out: list[Product] = []
    data = data_table()
    for bank_id in bank_ids:
        kwargs: dict[str, Any] = {
            "KeyConditionExpression": Key("pk").eq(catalog_pk(bank_id))
            & Key("sk").begins_with(PRODUCT_PREFIX)
        }
        page = data.query(**kwargs)
        out += [codec.decode(i, Product) for i in page.get("Items", [])]
    return out
