"""Helpers of the sync tests: connected users, refreshes run to the end, stored items counted."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from boto3.dynamodb.conditions import Key

from devstack.inprocess_stack import InProcessStack
from devstack.tokens import SignedInUser
from finpulse.config import settings
from finpulse.data import cursors
from finpulse.data.keys import tx_pk, user_pk
from finpulse.data.txbuckets import decode_lines
from finpulse.storage.dynamo import query_items, table

BANKS = ("vbank", "abank", "sbank")


def connect(
    api_client: Any,
    user: SignedInUser,
    sandbox: Any,
    *,
    customer: str = "team200-1",
    banks: Iterable[str] = BANKS,
    products: bool = True,
    product_options: dict[str, Any] | None = None,
) -> None:
    """Identity + account (and product) consents at each bank, approved (manual banks included)."""
    banks = list(banks)
    for bank in banks:
        r = api_client.put(f"/api/me/banks/{bank}", json={"customer_id": customer}, headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
    body: dict[str, Any] = {"banks": banks, "include_products": products}
    if product_options is not None:
        body["products"] = product_options
    r = api_client.post("/api/consents/init", json=body, headers=user.auth_header)
    assert r.status_code == 200, r.get_json()
    pending = [
        x for x in r.get_json()["results"] if x["outcome"] != "failed" and x["consent"]["status"] == "pending"
    ]
    for result in pending:
        consent = result["consent"]
        sandbox.admin(result["bank_id"]).approve(consent.get("request_id") or consent["consent_id"])
    if pending:
        r = api_client.post("/api/consents/refresh", json={}, headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
    status = api_client.get("/api/consents/status", headers=user.auth_header).get_json()
    assert status, status


def start_refresh(api_client: Any, user: SignedInUser, **params: Any) -> Any:
    query = "&".join(f"{k}={str(v).lower()}" for k, v in params.items())
    return api_client.post(f"/api/sync/full-refresh?{query}", headers=user.auth_header)


def wait_sync(api_client: Any, user: SignedInUser, sync_id: str, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        r = api_client.get(f"/api/sync/{sync_id}", headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
        body: dict[str, Any] = r.get_json()
        if body["state"] != "running":
            return body
        assert time.monotonic() < deadline, f"sync {sync_id} still running: {body}"
        time.sleep(0.2)


def refresh(api_client: Any, user: SignedInUser, **params: Any) -> dict[str, Any]:
    r = start_refresh(api_client, user, **params)
    assert r.status_code == 202, r.get_json()
    return wait_sync(api_client, user, r.get_json()["sync_id"])


def wait_lock_free(stack: InProcessStack, user_id: str, timeout: float = 30.0) -> None:
    """The execution releases the lock in its last step, just after the record turns final."""
    from finpulse.sync.refresh import lock

    deadline = time.monotonic() + timeout
    while lock.current(user_id) is not None:
        assert time.monotonic() < deadline, "lock never released"
        time.sleep(0.1)


def tx_parts(user_id: str, bank_id: str | None = None) -> list[dict[str, Any]]:
    """The stored transaction parts (DynamoDB items) of the user's accounts, of one bank or all."""
    out: list[dict[str, Any]] = []
    for bank, account in cursors.accounts(user_id, bank_id):
        out += query_items(
            table(settings().data_table),
            KeyConditionExpression=Key("pk").eq(tx_pk(user_id, bank, account)),
            ConsistentRead=True,
        )
    return out


def part_keys(user_id: str, bank_id: str | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """(pk, sk) → (content hash, the sync that wrote it) of every stored part."""
    return {(str(i["pk"]), str(i["sk"])): (str(i["h"]), str(i["w"])) for i in tx_parts(user_id, bank_id)}


def tx_items(user_id: str, bank_id: str | None = None) -> list[dict[str, Any]]:
    """Every stored transaction (its domain JSON, as a dict) of the user, of one bank or all."""
    return [
        json.loads(line.split("\t", 2)[2])
        for part in tx_parts(user_id, bank_id)
        for line in decode_lines(bytes(part["z"].value if hasattr(part["z"], "value") else part["z"]))
    ]


def item_size(item: dict[str, Any]) -> int:
    """An item's size as DynamoDB counts it toward the 400 KB limit (names + values)."""
    size = 0
    for name, value in item.items():
        raw = value.value if hasattr(value, "value") else value
        size += len(name.encode()) + (len(raw) if isinstance(raw, bytes) else len(str(raw).encode()))
    return size


def entity_items(user_id: str, bank_id: str) -> list[dict[str, Any]]:
    page = table(settings().data_table).query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(f"BANK#{bank_id}#")
    )
    return list(page["Items"])


def body_of(item: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(str(item["d"]))
    return loaded


def emf_metrics(out: str) -> list[tuple[str, dict[str, Any]]]:
    """(metric name, its EMF document) of every metric the functions printed (Powertools Metrics)."""
    found = []
    for line in out.splitlines():
        if '"_aws"' not in line:
            continue
        doc = json.loads(line[line.index("{") :])
        for directive in doc["_aws"]["CloudWatchMetrics"]:
            found += [(m["Name"], doc) for m in directive["Metrics"]]
    return found
