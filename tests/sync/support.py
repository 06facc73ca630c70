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
from finpulse.data.keys import tx_pk, user_pk
from finpulse.storage.dynamo import table

BANKS = ("vbank", "abank", "sbank")


def connect(
    api_client: Any,
    user: SignedInUser,
    sandbox: Any,
    *,
    customer: str = "team200-1",
    banks: Iterable[str] = BANKS,
    products: bool = True,
) -> None:
    """Identity + account (and product) consents at each bank, approved (manual banks included)."""
    banks = list(banks)
    for bank in banks:
        r = api_client.put(f"/api/me/banks/{bank}", json={"customer_id": customer}, headers=user.auth_header)
        assert r.status_code == 200, r.get_json()
    r = api_client.post(
        "/api/consents/init", json={"banks": banks, "include_products": products}, headers=user.auth_header
    )
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


def tx_items(user_id: str, bank_id: str | None = None) -> list[dict[str, Any]]:
    data = table(settings().data_table)
    kwargs: dict[str, Any] = {"KeyConditionExpression": Key("pk").eq(tx_pk(user_id))}
    items: list[dict[str, Any]] = []
    while True:
        page = data.query(**kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return [i for i in items if bank_id is None or f"#{bank_id}#" in str(i["sk"])]


def entity_items(user_id: str, bank_id: str) -> list[dict[str, Any]]:
    page = table(settings().data_table).query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(f"BANK#{bank_id}#")
    )
    return list(page["Items"])


def body_of(item: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(str(item["d"]))
    return loaded


def stored_items(stack: InProcessStack, pk: str) -> list[tuple[str, int]]:
    """(sort key, size in bytes as DynamoDB counts it) of a partition, read inside the emulator."""
    from moto.dynamodb.models import dynamodb_backends

    backend = dynamodb_backends[stack.resources.account_id][stack.resources.region]
    table_ = backend.get_table(settings().data_table)
    partition = next((p for key, p in table_.items.items() if key.value == pk), {})
    return [(str(sk.value), int(item.size())) for sk, item in partition.items()]
