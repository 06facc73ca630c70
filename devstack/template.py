"""template.yaml, loaded and transformed to plain CloudFormation offline.

The local stack and the tests read resources from the transformed template, so what runs locally
is what `sam deploy` would create: the same tables, functions, routes, state machine and schedule.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"
_PLACEHOLDER_URI = "s3://finpulse-local/placeholder.zip"


class _NoManagedPolicies:
    """samtranslator asks IAM for managed policy ARNs; offline there are none to look up."""

    def load(self) -> dict[str, str]:
        return {}


def load_source(path: Path = TEMPLATE) -> dict[str, Any]:
    from samcli.yamlhelper import yaml_parse

    parsed: dict[str, Any] = yaml_parse(path.read_text())
    return parsed


def _prepare_for_transform(source: dict[str, Any], base: Path) -> dict[str, Any]:
    # As `sam validate` does: local code paths become S3 URIs, DefinitionUri is inlined.
    template = copy.deepcopy(source)
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties", {})
        for key in ("CodeUri", "ContentUri"):
            if isinstance(props.get(key), str) and not props[key].startswith("s3://"):
                props[key] = _PLACEHOLDER_URI
        uri = props.get("DefinitionUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            props["Definition"] = json.loads((base / uri).read_text())
            del props["DefinitionUri"]
    return template


@cache
def transformed(path: Path = TEMPLATE, region: str = "eu-central-1") -> dict[str, Any]:
    """The CloudFormation template `sam deploy` would submit (code locations aside)."""
    import os

    from samtranslator.translator.transform import transform

    os.environ.setdefault("AWS_DEFAULT_REGION", region)
    prepared = _prepare_for_transform(load_source(path), path.parent)
    result: dict[str, Any] = transform(prepared, {}, _NoManagedPolicies())  # type: ignore[arg-type]
    return result


@dataclass(frozen=True)
class FunctionSpec:
    logical_id: str
    code_dir: Path
    handler: str
    timeout: int
    memory: int
    environment: dict[str, Any]
    routes: tuple[tuple[str, str], ...]  # (METHOD, path)


def functions(path: Path = TEMPLATE) -> dict[str, FunctionSpec]:
    """Every AWS::Serverless::Function with Globals applied, from the SAM source."""
    source = load_source(path)
    glob = source.get("Globals", {}).get("Function", {})
    specs: dict[str, FunctionSpec] = {}
    for logical_id, resource in source["Resources"].items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        props = {**glob, **resource.get("Properties", {})}
        env = {
            **glob.get("Environment", {}).get("Variables", {}),
            **resource.get("Properties", {}).get("Environment", {}).get("Variables", {}),
        }
        routes = tuple(
            (str(e["Properties"]["Method"]).upper(), str(e["Properties"]["Path"]))
            for e in resource.get("Properties", {}).get("Events", {}).values()
            if e.get("Type") == "HttpApi"
        )
        specs[logical_id] = FunctionSpec(
            logical_id=logical_id,
            code_dir=path.parent / props["CodeUri"],
            handler=props["Handler"],
            timeout=int(props.get("Timeout", 3)),
            memory=int(props.get("MemorySize", 128)),
            environment=env,
            routes=routes,
        )
    return specs


def public_routes(path: Path = TEMPLATE) -> set[tuple[str, str]]:
    """(METHOD, path) of the routes that opt out of the JWT authorizer."""
    return {
        (str(e["Properties"]["Method"]).upper(), str(e["Properties"]["Path"]))
        for r in load_source(path)["Resources"].values()
        if r["Type"] == "AWS::Serverless::Function"
        for e in r.get("Properties", {}).get("Events", {}).values()
        if e.get("Type") == "HttpApi" and e["Properties"].get("Auth", {}).get("Authorizer") == "NONE"
    }
