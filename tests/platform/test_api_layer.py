"""The layer's API conventions: one error envelope, 422 names fields, user_id can't be spoofed."""

from __future__ import annotations

import json
from typing import Annotated, Any

import pytest
from aws_lambda_powertools.event_handler.openapi.params import Query
from pydantic import BaseModel, Field

from finpulse.api import create_app, current_caller
from finpulse.errors import Conflict


class _Context:
    function_name = "test"
    memory_limit_in_mb = 128
    invoked_function_arn = "arn:aws:lambda:eu-central-1:123456789012:function:test"
    aws_request_id = "req-1"


def http_event(
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    body: Any = None,
    claims: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An HTTP API payload v2 event as API Gateway sends it after the JWT authorizer."""
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in (query or {}).items()),
        "queryStringParameters": query,
        "headers": {"content-type": "application/json"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api",
            "domainName": "localhost",
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1"},
            "requestId": "rid-123",
            "routeKey": f"{method} {path}",
            "stage": "$default",
            "authorizer": {"jwt": {"claims": claims or {}, "scopes": None}},
        },
        "body": json.dumps(body) if body is not None else None,
        "isBase64Encoded": False,
    }


class Payment(BaseModel):
    amount: float = Field(gt=0)
    account_id: str


app = create_app()


@app.get("/api/probe")
def probe(limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    return {"user": current_caller(app).user_id, "limit": limit}


@app.post("/api/probe")
def probe_post(payment: Payment) -> dict[str, Any]:
    return {"amount": payment.amount}


@app.get("/api/conflict")
def conflict() -> dict[str, Any]:
    raise Conflict("A sync is already running", details=[{"field": None, "message": "sync s-1"}])


@app.get("/api/boom")
def boom() -> dict[str, Any]:
    raise RuntimeError("secret internals")


ALICE = {"sub": "alice-sub", "email": "alice@example.com", "cognito:username": "alice"}


def call(event: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = app.resolve(event, _Context())  # type: ignore[arg-type]
    return response["statusCode"], json.loads(response["body"])


def test_success_uses_the_verified_subject() -> None:
    status, body = call(http_event("GET", "/api/probe", claims=ALICE))
    assert (status, body) == (200, {"user": "alice-sub", "limit": 10})


def test_query_validation_error_names_the_field() -> None:
    status, body = call(http_event("GET", "/api/probe", query={"limit": "0"}, claims=ALICE))
    assert status == 422
    error = body["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["status"] == 422
    assert error["request_id"] == "rid-123"
    assert [d["field"] for d in error["details"]] == ["query.limit"]


def test_body_validation_error_names_each_field() -> None:
    status, body = call(http_event("POST", "/api/probe", body={"amount": -5}, claims=ALICE))
    assert status == 422
    fields = sorted(d["field"] for d in body["error"]["details"])
    assert fields == ["body.account_id", "body.amount"]


@pytest.mark.parametrize("where", ["query", "body"])
def test_foreign_user_id_is_refused(where: str) -> None:
    if where == "query":
        event = http_event("GET", "/api/probe", query={"user_id": "mallory"}, claims=ALICE)
    else:
        body = {"amount": 1, "account_id": "a", "user_id": "x"}
        event = http_event("POST", "/api/probe", body=body, claims=ALICE)
    status, body = call(event)
    assert status == 403
    assert body["error"]["code"] == "FORBIDDEN"
    assert body["error"]["details"][0]["field"] == "user_id"


def test_own_user_id_is_accepted() -> None:
    status, _ = call(http_event("GET", "/api/probe", query={"user_id": "alice-sub"}, claims=ALICE))
    assert status == 200


def test_missing_claims_fail_closed() -> None:
    status, body = call(http_event("GET", "/api/probe"))
    assert status == 401
    assert body["error"]["code"] == "UNAUTHORIZED"


def test_domain_errors_keep_their_status_and_code() -> None:
    status, body = call(http_event("GET", "/api/conflict", claims=ALICE))
    assert status == 409
    assert body["error"]["code"] == "CONFLICT"
    assert body["error"]["message"] == "A sync is already running"


def test_unexpected_errors_hide_internals() -> None:
    status, body = call(http_event("GET", "/api/boom", claims=ALICE))
    assert status == 500
    assert body["error"]["code"] == "INTERNAL_ERROR"
    assert "secret internals" not in json.dumps(body)
    assert body["error"]["request_id"] == "rid-123"


def test_unknown_route_is_a_404_envelope() -> None:
    status, body = call(http_event("GET", "/api/nope", claims=ALICE))
    assert status == 404
    assert body["error"]["code"] == "NOT_FOUND"
