"""docs/openapi.json: FinPulse's API document, generated from the handlers themselves.

Each function's resolver knows its route, its pydantic models and the error envelope; Powertools
merges them into one document. `--write` refreshes the committed file; without it the command
fails when the committed file is stale (a test runs the same check).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

DESCRIPTION = (
    "Open Banking aggregator API. Every route but /api/health needs a Cognito token "
    "(`Authorization: Bearer <id token>`); the user is always the token's subject, and a `user_id` "
    "sent in a query or body that differs from it is refused with 403. Errors use one envelope: "
    '`{"error": {"status", "code", "message", "details": [{"field", "message"}], "request_id"}}`.'
)
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "openapi.json"
LAYER = ROOT / "layers" / "common" / "python"


def _load_app(code_dir: Path) -> Any:
    import importlib.util

    name = f"finpulse_fn_{code_dir.name}"
    spec = importlib.util.spec_from_file_location(name, code_dir / "app.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


def generate() -> dict[str, Any]:
    """Merge every templated function's own OpenAPI document into one."""
    if str(LAYER) not in sys.path:
        sys.path.insert(0, str(LAYER))
    from devstack.template import functions, public_routes

    public = public_routes()

    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "FinPulse API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/"}],
        "paths": {},
        "components": {
            "schemas": {},
            "securitySchemes": {"CognitoJwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "security": [{"CognitoJwt": []}],
    }
    for spec in sorted(functions().values(), key=lambda s: s.logical_id):
        if not spec.routes:  # Step Functions tasks and other non-HTTP functions
            continue
        own = json.loads(_load_app(spec.code_dir).get_openapi_json_schema())
        for path, operations in own.get("paths", {}).items():
            for method, operation in operations.items():
                if (method.upper(), path) not in spec.routes:
                    raise ValueError(f"{spec.logical_id}: {method.upper()} {path} is not in template.yaml")
                if (method.upper(), path) in public:
                    operation["security"] = []
                document["paths"].setdefault(path, {})[method] = operation
        _merge_schemas(document["components"]["schemas"], own.get("components", {}).get("schemas", {}), spec)
    document["components"]["schemas"] = _referenced(document)
    return document


def _merge_schemas(into: dict[str, Any], schemas: dict[str, Any], spec: Any) -> None:
    """Schemas are merged by name: two different models of one name would document one of them
    for the other's route (as the dashboard's `Health` once described `GET /api/health`)."""
    for name, schema in schemas.items():
        if name in into and _unsplit(into[name]) != _unsplit(schema):
            raise ValueError(f"{spec.logical_id}: schema {name!r} differs from another function's {name!r}")
        into[name] = schema


def _unsplit(schema: Any) -> str:
    """A schema with pydantic's `X-Input`/`X-Output` refs read as `X`: a function that only answers
    with X names it `X`, one that also reads it names the two forms apart; the model is the same."""
    return re.sub(
        r'(#/components/schemas/[^"]+?)-(?:Input|Output)"', r'\1"', json.dumps(schema, sort_keys=True)
    )


def _referenced(document: dict[str, Any]) -> dict[str, Any]:
    """Only the schemas a route reaches (Powertools adds defaults no FinPulse route answers with)."""
    schemas = document["components"]["schemas"]
    prefix = "#/components/schemas/"
    seen: set[str] = set()
    todo: list[Any] = [document["paths"]]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix) :] not in seen:
                seen.add(ref[len(prefix) :])
                todo.append(schemas[ref[len(prefix) :]])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return {name: schemas[name] for name in sorted(seen)}


def render() -> str:
    return json.dumps(generate(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    fresh = render()
    if "--write" in argv:
        OUTPUT.write_text(fresh)
        print(f"wrote {OUTPUT.relative_to(ROOT)}")
        return 0
    if not OUTPUT.exists() or OUTPUT.read_text() != fresh:
        print("docs/openapi.json is stale: run `make openapi`", file=sys.stderr)
        return 1
    print("docs/openapi.json is current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
