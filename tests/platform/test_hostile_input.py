"""No input gets a 5xx: the bodies that once did, sent to every route that reads a body (from the
published contract), answered with the envelope and the right 4xx; and every request has its own id.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from devstack.openapi import OUTPUT
from tests.consents.support import assert_envelope

CONTRACT = json.loads(OUTPUT.read_text())
BODY_ROUTES = sorted(
    (method.upper(), path.replace("{bank_id}", "vbank"))
    for path, operations in CONTRACT["paths"].items()
    for method, operation in operations.items()
    if "requestBody" in operation
)
JSON = "application/json"

HOSTILE: list[tuple[str, bytes, str, int, str]] = [
    ("invalid UTF-8", b'{"customer_id": "\xff\xfe"}', JSON, 400, "MALFORMED_BODY"),
    ("not JSON", b"{not json", JSON, 400, "MALFORMED_BODY"),
    ("nested 5,000 deep", b"[" * 5000 + b"]" * 5000, JSON, 400, "MALFORMED_BODY"),
    ("nested 40 deep", b'{"a":' * 40 + b"1" + b"}" * 40, JSON, 400, "MALFORMED_BODY"),
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, JSON, 413, "PAYLOAD_TOO_LARGE"),
    ("5,000-digit integer", b'{"banks": ["vbank"], "x": ' + b"9" * 5000 + b"}", JSON, 400, "MALFORMED_BODY"),
    ("huge float", b'{"x": 1e999999}', JSON, 400, "MALFORMED_BODY"),
    ("NaN", b'{"x": NaN}', JSON, 400, "MALFORMED_BODY"),
    ("unpaired surrogate", b'{"customer_id": "\\ud800"}', JSON, 400, "MALFORMED_BODY"),
    ("1 MB body", b'{"x": "' + b"a" * 1_000_000 + b'"}', JSON, 413, "PAYLOAD_TOO_LARGE"),
    ("text/plain", b'{"banks": ["vbank"]}', "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"),
    ("a form", b"banks=vbank", "application/x-www-form-urlencoded", 415, "UNSUPPORTED_MEDIA_TYPE"),
    ("multipart", b"--x\r\n\r\n--x--", "multipart/form-data; boundary=x", 415, "UNSUPPORTED_MEDIA_TYPE"),
    (
        "latin-1 charset",
        b'{"banks": ["vbank"]}',
        "application/json; charset=latin-1",
        415,
        "UNSUPPORTED_MEDIA_TYPE",
    ),
    (
        "an unknown field",
        b'{"no_such_field": 1, "customer_id": "team200-1", "banks": []}',
        JSON,
        422,
        "VALIDATION_ERROR",
    ),
    ("not an object", b'"just a string"', JSON, 422, "VALIDATION_ERROR"),
]


@pytest.fixture(scope="module")
def user(aws_stack: Any) -> Any:
    from devstack.tokens import new_user

    return new_user(aws_stack.clients, aws_stack.resources, None)  # claims nothing


def test_the_contract_lists_the_body_routes() -> None:
    assert ("POST", "/api/consents/init") in BODY_ROUTES
    assert ("PUT", "/api/me/banks/vbank") in BODY_ROUTES


@pytest.mark.parametrize(("method", "path"), BODY_ROUTES)
@pytest.mark.parametrize(
    ("case", "body", "content_type", "status", "code"), HOSTILE, ids=[h[0] for h in HOSTILE]
)
def test_hostile_bodies_get_a_4xx_in_the_envelope(
    api_client: Any,
    user: Any,
    method: str,
    path: str,
    case: str,
    body: bytes,
    content_type: str,
    status: int,
    code: str,
) -> None:
    response = api_client.open(
        path, method=method, data=body, headers={**user.auth_header, "content-type": content_type}
    )
    assert_envelope(response.status_code, response.json, status)
    assert response.json["error"]["code"] == code, (case, response.json)


def test_every_request_gets_its_own_request_id(api_client: Any, user: Any) -> None:
    ids = set()
    for _ in range(3):
        response = api_client.post(
            "/api/consents/init", data=b"{", headers={**user.auth_header, "content-type": JSON}
        )
        assert response.headers["apigw-requestid"] == response.json["error"]["request_id"]
        ids.add(response.json["error"]["request_id"])
    assert len(ids) == 3


@pytest.mark.parametrize("path", ["/api/spending", "/api/transactions"])
@pytest.mark.parametrize("value", ["0", "1700000000", "1999-12-31", "2100-01-01", "2026-02-30", "26-01-01"])
def test_dates_are_calendar_dates_in_a_sensible_range(
    api_client: Any, user: Any, path: str, value: str
) -> None:
    response = api_client.get(path, query_string={"to": value}, headers=user.auth_header)
    assert_envelope(response.status_code, response.json, 422)
    assert response.json["error"]["details"][0]["field"] == "query.to"
