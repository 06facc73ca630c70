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
            for status in ("401", "422", "500"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    health = document["paths"]["/api/health"]["get"]
    assert health.get("security") == []
