"""template.yaml is consistent with the code: routes have handlers, policies name real tables."""

from __future__ import annotations

import ast
import json
from typing import Any

import pytest

from devstack.template import ROOT, functions, load_source, transformed

SOURCE = load_source()
RESOURCES: dict[str, Any] = SOURCE["Resources"]
TABLES = {k for k, v in RESOURCES.items() if v["Type"] == "AWS::DynamoDB::Table"}
FUNCTIONS = functions()


def _names_of_module_level(path: Any) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.FunctionDef):
            names.add(node.name)
    return names


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_every_function_has_its_handler(logical_id: str) -> None:
    spec = FUNCTIONS[logical_id]
    module, attribute = spec.handler.rsplit(".", 1)
    source_file = spec.code_dir / f"{module}.py"
    assert source_file.is_file(), f"{logical_id}: {source_file} missing"
    assert attribute in _names_of_module_level(source_file)


def test_every_function_dir_is_in_the_template() -> None:
    on_disk = {p.parent.resolve() for p in (ROOT / "functions").glob("*/app.py")}
    templated = {s.code_dir.resolve() for s in FUNCTIONS.values()}
    assert on_disk == templated


def test_routes_are_unique_and_under_api() -> None:
    routes = [r for s in FUNCTIONS.values() for r in s.routes]
    assert len(routes) == len(set(routes))
    assert all(path.startswith("/api/") for _, path in routes)


def test_only_health_is_public() -> None:
    public = {
        e["Properties"]["Path"]
        for r in RESOURCES.values()
        if r["Type"] == "AWS::Serverless::Function"
        for e in r["Properties"].get("Events", {}).values()
        if e.get("Properties", {}).get("Auth", {}).get("Authorizer") == "NONE"
    }
    assert public == {"/api/health"}
    auth = RESOURCES["HttpApi"]["Properties"]["Auth"]
    assert auth["DefaultAuthorizer"] == "CognitoJwt"
    jwt = auth["Authorizers"]["CognitoJwt"]["JwtConfiguration"]
    assert jwt["audience"] == [{"Ref": "UserPoolClient"}]
    assert "cognito-idp" in jwt["issuer"]["Fn::Sub"]


def _table_refs(policy: Any) -> list[Any]:
    if isinstance(policy, dict):
        found = [policy["TableName"]] if "TableName" in policy else []
        return found + [r for v in policy.values() for r in _table_refs(v)]
    if isinstance(policy, list):
        return [r for v in policy for r in _table_refs(v)]
    return []


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_policies_name_only_existing_tables(logical_id: str) -> None:
    policies = RESOURCES[logical_id]["Properties"].get("Policies", [])
    for ref in _table_refs(policies):
        assert isinstance(ref, dict), f"{logical_id}: table must be a !Ref, got {ref}"
        assert set(ref) == {"Ref"}, f"{logical_id}: table must be a !Ref, got {ref}"
        assert ref["Ref"] in TABLES, f"{logical_id}: policy names unknown table {ref['Ref']}"


def test_no_function_has_wildcard_dynamodb_access() -> None:
    cfn = transformed()
    for logical_id in FUNCTIONS:
        role = cfn["Resources"].get(f"{logical_id}Role")
        assert role is not None
        for policy in role["Properties"].get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                resources = statement.get("Resource")
                resources = resources if isinstance(resources, list) else [resources]
                assert "*" not in resources or not any(
                    str(a).startswith("dynamodb:") for a in statement.get("Action", [])
                ), f"{logical_id} has dynamodb:* on *"


def test_schedule_targets_the_full_refresh_state_machine() -> None:
    cfn = transformed()["Resources"]
    schedules = [r for r in cfn.values() if r["Type"] == "AWS::Scheduler::Schedule"]
    assert len(schedules) == 1
    target = schedules[0]["Properties"]["Target"]
    assert target["Arn"] == {"Ref": "FullRefreshStateMachine"}
    assert '"source": "schedule"' in target["Input"]


def test_state_machine_definition_is_jsonpath() -> None:
    definition = json.loads((ROOT / "statemachines" / "full_refresh.asl.json").read_text())
    assert definition.get("QueryLanguage", "JSONPath") == "JSONPath"
    assert all(s.get("QueryLanguage", "JSONPath") == "JSONPath" for s in definition["States"].values())


def test_user_state_tables_have_pitr_and_every_table_is_encrypted_on_demand() -> None:
    for name in TABLES:
        props = RESOURCES[name]["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert props["SSESpecification"]["SSEEnabled"] is True
        assert props["TimeToLiveSpecification"]["Enabled"] is True
    for name in ("ConsentsTable", "DataTable", "IdempotencyTable"):
        assert RESOURCES[name]["Properties"]["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"]


def test_no_secret_is_a_plain_environment_variable() -> None:
    env = SOURCE["Globals"]["Function"]["Environment"]["Variables"]
    assert env["BANK_CREDENTIALS_SECRET"] == {"Ref": "BankCredentialsSecret"}
    assert not any("SECRET" in k and isinstance(v, str) for k, v in env.items())


def test_spa_bucket_is_private_behind_cloudfront() -> None:
    block = RESOURCES["SpaBucket"]["Properties"]["PublicAccessBlockConfiguration"]
    assert all(block.values())
    origin = RESOURCES["SpaDistribution"]["Properties"]["DistributionConfig"]["Origins"][0]
    assert "OriginAccessControlId" in origin
    outputs = SOURCE["Outputs"]
    assert {"ApiUrl", "SpaUrl", "UserPoolId", "UserPoolClientId"} <= set(outputs)


def test_api_errors_are_not_rewritten_by_cloudfront() -> None:
    # Distribution-wide error pages would turn /api/* 403/404 envelopes into index.html with 200.
    config = RESOURCES["SpaDistribution"]["Properties"]["DistributionConfig"]
    assert "CustomErrorResponses" not in config
    api = next(b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*")
    assert api["TargetOriginId"] == "api"
    assert "POST" in api["AllowedMethods"]
