"""docs/openapi.json is generated from the handlers and must be current."""

from __future__ import annotations

import json

from devstack.openapi import OUTPUT, render
from devstack.template import functions


def test_committed_openapi_document_is_current() -> None:
    assert OUTPUT.read_text() == render(), "docs/openapi.json is stale: run `make openapi`"


def test_every_templated_route_is_documented_with_the_error_envelope() -> None:
    document = json.loads(OUTPUT.read_text())
    for spec in functions().values():
        for method, path in spec.routes:
            operation = document["paths"][path][method.lower()]
            for status in ("403", "422", "500"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    health = document["paths"]["/api/health"]["get"]
    assert health.get("security") == []


def test_every_success_is_declared_with_its_model_and_401_in_the_gateways_shape() -> None:
    document = json.loads(OUTPUT.read_text())
    schemas = document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                schema = answer["content"]["application/json"]["schema"]
                assert "$ref" in schema, (method, path, status, schema)
            assert operation["responses"]["401"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/GatewayMessage"
            }
    assert schemas["GatewayMessage"]["required"] == ["message"]
    # The dashboard's `Health` is not what GET /api/health answers.
    health = document["paths"]["/api/health"]["get"]["responses"]["200"]["content"]["application/json"]
    assert health["schema"]["$ref"].endswith("/Liveness")
