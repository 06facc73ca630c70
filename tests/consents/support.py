"""A signed-in user's view of the consent API (through the local API Gateway emulator)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from devstack.inprocess_stack import InProcessStack


@dataclass
class Api:
    client: Any
    user: Any

    def call(
        self, method: str, path: str, json: Any = None, query: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        response = self.client.open(
            path, method=method, json=json, query_string=query or {}, headers=self.user.auth_header
        )
        return response.status_code, response.json

    def ok(self, method: str, path: str, json: Any = None, query: dict[str, str] | None = None) -> Any:
        status, body = self.call(method, path, json, query)
        assert status == 200, body
        return body

    def identify(self, **customers: str) -> None:
        for bank_id, customer_id in customers.items():
            self.ok("PUT", f"/api/me/banks/{bank_id}", {"customer_id": customer_id})

    def init(self, **body: Any) -> dict[tuple[str, str], dict[str, Any]]:
        results = self.ok("POST", "/api/consents/init", body)["results"]
        return {(r["bank_id"], r["kind"]): r for r in results}

    def status(self) -> dict[str, dict[str, Any]]:
        return {b["bank_id"]: b for b in self.ok("GET", "/api/consents/status")["banks"]}

    def refresh(self, banks: list[str] | None = None) -> dict[str, dict[str, Any]]:
        body = {"banks": banks} if banks else {}
        return {b["bank_id"]: b for b in self.ok("POST", "/api/consents/refresh", body)["banks"]}


def customer_page(approval_url: str, action: str) -> None:
    """The customer signs in their bank and presses a button: a real HTTP form post."""
    page = httpx.get(approval_url, timeout=10)
    assert page.status_code == 200
    assert 'name="action"' in page.text
    answer = httpx.post(approval_url, data={"action": action}, timeout=10)
    assert answer.status_code == 200


def release_bank_identities(stack: Any, user_ids: list[str]) -> None:
    """Free the customer ids test users claimed: the sandbox has ten customers per bank, and a
    customer id belongs to one user at a time. Only the claims are removed (the users are done)."""
    import boto3
    from boto3.dynamodb.conditions import Key

    from finpulse.storage.keys import IDENTITY_PREFIX, identity_claim_key, user_pk

    table = boto3.resource("dynamodb", region_name=stack.resources.region).Table(
        stack.resources.tables["ConsentsTable"]
    )
    for user_id in user_ids:
        page = table.query(
            KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(IDENTITY_PREFIX)
        )
        for item in page.get("Items", []):
            table.delete_item(
                Key=identity_claim_key(str(item["bank_id"]), str(item["customer_id"])),
                ConditionExpression="attribute_not_exists(pk) OR #owner = :me",
                ExpressionAttributeNames={"#owner": "owner"},
                ExpressionAttributeValues={":me": user_pk(user_id)},
            )


@contextmanager
def registry_changed(stack: Any, bank_id: str, **fields: Any) -> Iterator[None]:
    """The bank registry (template parameter BankRegistry → env BANKS) with one bank's entry changed,
    for every function and for layer code the test calls itself."""
    from finpulse.config import settings

    def changed(raw: str) -> str:
        banks = json.loads(raw)
        for bank in banks:
            if bank["bank_id"] == bank_id:
                bank.update(fields)
        return json.dumps(banks)

    functions = stack.resources.functions.values()
    saved = [(f, f.environment["BANKS"]) for f in functions]
    saved_env = os.environ.get("BANKS")
    for function, raw in saved:
        function.environment["BANKS"] = changed(raw)
    if saved_env is not None:
        os.environ["BANKS"] = changed(saved_env)
    settings.cache_clear()
    try:
        yield
    finally:
        for function, raw in saved:
            function.environment["BANKS"] = raw
        if saved_env is not None:
            os.environ["BANKS"] = saved_env
        settings.cache_clear()


def checking_account(sandbox: Any, bank_id: str, customer_id: str) -> str:
    """The number of the customer's current account at a sandbox bank (a payment's debtor)."""
    customer = next(c for c in sandbox.admin(bank_id).customers() if c["customer_id"] == customer_id)
    return str(next(a["number"] for a in customer["accounts"] if a["kind"] == "checking"))


def assert_envelope(status: int, body: Any, expected: int) -> None:
    assert status == expected, body
    error = body["error"]
    assert error["status"] == expected
    assert error["code"]
    assert error["message"]
    assert "request_id" in error


@pytest.fixture
def api(api_client: Any, make_user: Any, live: Any) -> Api:
    return Api(api_client, make_user())


@pytest.fixture
def other_api(api_client: Any, make_user: Any, live: Any) -> Api:
    return Api(api_client, make_user())


@pytest.fixture
def vbank_untrusted(live: InProcessStack) -> Iterator[None]:
    """vbank (auto-approving) configured as a real bank would be: `identity: bank_approval`."""
    with registry_changed(live, "vbank", identity="bank_approval"):
        yield
