"""The local stack provisions what template.yaml declares, and runs the real handlers for Invoke
and for Step Functions (moto in-process, state machines executed)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from devstack.inprocess_stack import InProcessStack
from devstack.template import ROOT, transformed


def _resources_of(rtype: str) -> dict[str, Any]:
    return {k: v for k, v in transformed()["Resources"].items() if v["Type"] == rtype}


def _wait(stack: InProcessStack, execution_arn: str, timeout: float = 20) -> dict[str, Any]:
    sfn = stack.client("stepfunctions")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        described: dict[str, Any] = sfn.describe_execution(executionArn=execution_arn)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError(f"execution still running after {timeout}s")


def test_every_table_is_created_in_dynamodb_local_with_keys_indexes_and_ttl(
    aws_stack: InProcessStack,
) -> None:
    """DynamoDB Local keeps no backups and does not report encryption: point-in-time recovery and
    SSE are the template's, checked there (test_template.py)."""
    ddb = aws_stack.client("dynamodb")
    declared = _resources_of("AWS::DynamoDB::Table")
    assert set(aws_stack.resources.tables) == set(declared)
    for logical_id, resource in declared.items():
        props = resource["Properties"]
        name = aws_stack.resources.tables[logical_id]
        table = ddb.describe_table(TableName=name)["Table"]
        assert table["KeySchema"] == props["KeySchema"]
        assert {i["IndexName"] for i in table.get("GlobalSecondaryIndexes", [])} == {
            i["IndexName"] for i in props.get("GlobalSecondaryIndexes", [])
        }
        assert table["BillingModeSummary"]["BillingMode"] == props["BillingMode"]
        ttl = ddb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        assert ttl["TimeToLiveStatus"] == "ENABLED"
        assert ttl["AttributeName"] == props["TimeToLiveSpecification"]["AttributeName"]


def test_user_pool_client_and_demo_user(aws_stack: InProcessStack) -> None:
    res = aws_stack.resources
    idp = aws_stack.client("cognito-idp")
    client = idp.describe_user_pool_client(UserPoolId=res.user_pool_id, ClientId=res.user_pool_client_id)
    assert "ALLOW_USER_PASSWORD_AUTH" in client["UserPoolClient"]["ExplicitAuthFlows"]
    assert "ClientSecret" not in client["UserPoolClient"]
    assert res.issuer == f"https://cognito-idp.{res.region}.amazonaws.com/{res.user_pool_id}"
    user = idp.admin_get_user(UserPoolId=res.user_pool_id, Username="demo@finpulse.dev")
    assert user["UserStatus"] == "CONFIRMED"
    attrs = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attrs["email"] == "demo@finpulse.dev"
    assert attrs["sub"] == res.demo_user.sub


def test_bank_credentials_secret_holds_the_sandbox_team_per_bank(aws_stack: InProcessStack) -> None:
    (arn,) = aws_stack.resources.secrets.values()
    value = json.loads(aws_stack.client("secretsmanager").get_secret_value(SecretId=arn)["SecretString"])
    assert set(value) == {"vbank", "abank", "sbank"}
    assert all(v == {"client_id": "team200", "client_secret": "team200-secret"} for v in value.values())


def test_spa_bucket_is_private_and_encrypted(aws_stack: InProcessStack) -> None:
    s3 = aws_stack.client("s3")
    (bucket,) = aws_stack.resources.buckets.values()
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    enc = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
    assert enc["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


def test_function_env_is_resolved_and_local(aws_stack: InProcessStack) -> None:
    res = aws_stack.resources
    assert set(res.functions) == set(_resources_of("AWS::Lambda::Function"))
    for fn in res.functions.values():
        env = fn.environment
        assert all(isinstance(v, str) for v in env.values())
        assert env["CONSENTS_TABLE"] == res.tables["ConsentsTable"]
        assert env["BANK_CREDENTIALS_SECRET"] in res.secrets.values()
        assert env["POWERTOOLS_TRACE_DISABLED"] == "true"
        assert env["POWERTOOLS_METRICS_NAMESPACE"]
        assert "AWS_ENDPOINT_URL" not in env  # in-process moto: no endpoint
        banks = json.loads(env["BANKS"])
        assert [b["bank_id"] for b in banks] == ["vbank", "abank", "sbank"]
        assert all(b["base_url"].startswith("http://127.0.0.1:") for b in banks)
        assert fn.layer_dirs == (ROOT / "layers/common/python",)
    assert res.functions["HealthFunction"].timeout == 3


def test_state_machine_definition_comes_from_the_asl_file(aws_stack: InProcessStack) -> None:
    sfn = aws_stack.client("stepfunctions")
    described = sfn.describe_state_machine(stateMachineArn=aws_stack.resources.state_machine_arn)
    asl = json.loads((ROOT / "statemachines/full_refresh.asl.json").read_text())
    deployed = json.loads(described["definition"])
    assert deployed["StartAt"] == asl["StartAt"]
    assert set(deployed["States"]) == set(asl["States"])
    assert "${" not in described["definition"]  # every DefinitionSubstitution resolved


def test_the_schedule_targets_the_state_machine(aws_stack: InProcessStack) -> None:
    (schedule,) = aws_stack.resources.schedules
    assert schedule.target_arn == aws_stack.resources.state_machine_arn
    stored = aws_stack.client("scheduler").get_schedule(Name=schedule.name)
    assert stored["Target"]["Arn"] == aws_stack.resources.state_machine_arn
    assert stored["ScheduleExpression"] == schedule.expression
    assert json.loads(stored["Target"]["Input"]) == {"source": "schedule"}


def test_a_scheduled_execution_succeeds_in_moto_interpreter(aws_stack: InProcessStack) -> None:
    (schedule,) = aws_stack.resources.schedules
    started = aws_stack.client("stepfunctions").start_execution(
        stateMachineArn=schedule.target_arn, input=schedule.input or "{}"
    )
    done = _wait(aws_stack, started["executionArn"])
    assert done["status"] == "SUCCEEDED", done
    assert json.loads(done["output"])["source"] == "schedule"


def _lambda_tasks(definition: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for state in definition.get("States", {}).values():
        if state.get("Type") == "Task" and "lambda" in str(state.get("Resource", "")):
            found.append(state)
        for branch in state.get("Branches", []):
            found += _lambda_tasks(branch)
        for key in ("Iterator", "ItemProcessor"):
            if key in state:
                found += _lambda_tasks(state[key])
    return found


def test_lambda_invoke_runs_the_real_handler(aws_stack: InProcessStack) -> None:
    event = {
        "version": "2.0",
        "routeKey": "GET /api/health",
        "rawPath": "/api/health",
        "rawQueryString": "",
        "headers": {},
        "requestContext": {
            "http": {"method": "GET", "path": "/api/health"},
            "requestId": "r1",
            "stage": "$default",
        },
        "isBase64Encoded": False,
    }
    fn = aws_stack.resources.functions["HealthFunction"]
    out = aws_stack.client("lambda").invoke(FunctionName=fn.arn, Payload=json.dumps(event))
    assert "FunctionError" not in out
    payload = json.loads(out["Payload"].read())
    assert payload["statusCode"] == 200
    assert json.loads(payload["body"])["status"] == "ok"


def test_a_handler_error_is_lambdas_unhandled_error(aws_stack: InProcessStack) -> None:
    out = aws_stack.client("lambda").invoke(
        FunctionName="finpulse-local-MeFunction", Payload=b'"not an event"'
    )
    assert out["FunctionError"] == "Unhandled"
    error = json.loads(out["Payload"].read())
    assert error["errorType"] == "TypeError"
    assert set(error) == {"errorMessage", "errorType", "requestId", "stackTrace"}


def test_state_machine_lambda_tasks_reach_the_real_handlers(aws_stack: InProcessStack) -> None:
    asl = json.loads((ROOT / "statemachines/full_refresh.asl.json").read_text())
    if not _lambda_tasks(asl):
        pytest.skip("the full-refresh ASL has no Lambda Task yet; invoke routing is tested above")
    started = aws_stack.client("stepfunctions").start_execution(
        stateMachineArn=aws_stack.resources.state_machine_arn, input=json.dumps({"source": "test"})
    )
    done = _wait(aws_stack, started["executionArn"], timeout=60)
    history = aws_stack.client("stepfunctions").get_execution_history(executionArn=started["executionArn"])
    kinds = {e["type"] for e in history["events"]}
    assert "LambdaFunctionSucceeded" in kinds or "TaskSucceeded" in kinds, (done, kinds)


def test_unnamed_executions_get_distinct_names(aws_stack: InProcessStack) -> None:
    # As in AWS (and unlike moto 5.2.5 unpatched): every scheduled refresh starts without a name.
    sfn = aws_stack.client("stepfunctions")
    arn = aws_stack.resources.state_machine_arn
    first = sfn.start_execution(stateMachineArn=arn, input='{"source": "schedule"}')["executionArn"]
    second = sfn.start_execution(stateMachineArn=arn, input='{"source": "schedule"}')["executionArn"]
    assert first != second
    # Each fan-out starts a refresh for every due user the session's tests left connected, and
    # in-process those run one invoke at a time: the bound is generous, the names are the point.
    assert _wait(aws_stack, second, timeout=90)["status"] == "SUCCEEDED"


def test_conditional_writes_are_atomic_under_concurrency(aws_stack: InProcessStack) -> None:
    # DynamoDB guarantees it; moto alone does not (devstack.moto_patches serialises writes).
    import threading
    from concurrent.futures import ThreadPoolExecutor

    ddb = aws_stack.client("dynamodb")
    table = aws_stack.resources.tables["LocksTable"]
    key = f"lock-{time.monotonic_ns()}"
    barrier = threading.Barrier(16)

    def attempt(i: int) -> bool:
        barrier.wait()
        try:
            ddb.put_item(
                TableName=table,
                Item={"pk": {"S": key}, "owner": {"S": str(i)}},
                ConditionExpression="attribute_not_exists(pk)",
            )
            return True
        except ddb.exceptions.ConditionalCheckFailedException:
            return False

    for _ in range(3):
        key = f"lock-{time.monotonic_ns()}"
        with ThreadPoolExecutor(16) as pool:
            assert sum(pool.map(attempt, range(16))) == 1
