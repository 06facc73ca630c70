"""One function per CloudFormation resource type: create it through boto3, return its Ref and attributes.

Each creator receives the resource's *resolved* properties (intrinsics already evaluated) and maps
CloudFormation property names to the service API, as CloudFormation itself would. Physical names
are deterministic (`<stack>-<LogicalId>`) where CloudFormation would generate one, so a restarted
local stack gets the same names.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Clients = Callable[[str], Any]


@dataclass
class Created:
    ref: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    clients: Clients
    region: str
    account_id: str
    stack_name: str
    partition: str = "aws"
    # Local replacement values for secrets, by logical id (the template ships placeholders).
    secret_values: dict[str, str] = field(default_factory=dict)

    def name(self, logical_id: str, limit: int = 64) -> str:
        return f"{self.stack_name}-{logical_id}"[:limit]

    def arn(self, service: str, resource: str, *, region: bool = True) -> str:
        reg = self.region if region else ""
        return f"arn:{self.partition}:{service}:{reg}:{self.account_id}:{resource}"


def _placeholder_zip() -> bytes:
    # moto stores the code; the local runners execute the source tree, never this archive.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("README.txt", "FinPulse local stack: code runs from the source tree.\n")
    return buf.getvalue()


def _tags_list(tags: Any) -> list[dict[str, str]]:
    if isinstance(tags, dict):
        return [{"Key": k, "Value": str(v)} for k, v in tags.items()]
    return list(tags or [])


def _pick(props: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: props[k] for k in keys if k in props}


# ---------------------------------------------------------------------------------------- IAM
def iam_role(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    iam = ctx.clients("iam")
    name = props.get("RoleName") or ctx.name(logical_id)
    role = iam.create_role(
        RoleName=name,
        Path=props.get("Path", "/"),
        AssumeRolePolicyDocument=json.dumps(props.get("AssumeRolePolicyDocument", {})),
    )["Role"]
    for policy in props.get("Policies", []):
        # CloudFormation accepts SAM's policy documents without a Version; IAM's API does not.
        document = {"Version": "2012-10-17", **policy["PolicyDocument"]}
        iam.put_role_policy(
            RoleName=name, PolicyName=policy["PolicyName"], PolicyDocument=json.dumps(document)
        )
    for arn in props.get("ManagedPolicyArns", []):
        # moto does not preload AWS managed policies unless told to; they grant nothing locally.
        with contextlib.suppress(iam.exceptions.NoSuchEntityException):
            iam.attach_role_policy(RoleName=name, PolicyArn=arn)
    return Created(ref=name, attrs={"Arn": role["Arn"], "RoleId": role["RoleId"]})


# ------------------------------------------------------------------------------------ Cognito
_POOL_KEYS = (
    "Policies",
    "DeletionProtection",
    "LambdaConfig",
    "AutoVerifiedAttributes",
    "AliasAttributes",
    "UsernameAttributes",
    "MfaConfiguration",
    "DeviceConfiguration",
    "EmailConfiguration",
    "SmsConfiguration",
    "AdminCreateUserConfig",
    "Schema",
    "UsernameConfiguration",
    "AccountRecoverySetting",
    "UserAttributeUpdateSettings",
    "VerificationMessageTemplate",
)


def cognito_user_pool(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    kwargs = _pick(props, *_POOL_KEYS)
    if "UserPoolTags" in props:
        kwargs["UserPoolTags"] = props["UserPoolTags"]
    pool = ctx.clients("cognito-idp").create_user_pool(
        PoolName=props.get("UserPoolName") or ctx.name(logical_id, 128), **kwargs
    )["UserPool"]
    pool_id = pool["Id"]
    provider = f"cognito-idp.{ctx.region}.amazonaws.com/{pool_id}"
    return Created(
        ref=pool_id,
        attrs={"Arn": pool["Arn"], "ProviderName": provider, "ProviderURL": f"https://{provider}"},
    )


_CLIENT_KEYS = (
    "GenerateSecret",
    "RefreshTokenValidity",
    "AccessTokenValidity",
    "IdTokenValidity",
    "TokenValidityUnits",
    "ReadAttributes",
    "WriteAttributes",
    "ExplicitAuthFlows",
    "SupportedIdentityProviders",
    "CallbackURLs",
    "LogoutURLs",
    "DefaultRedirectURI",
    "AllowedOAuthFlows",
    "AllowedOAuthScopes",
    "AllowedOAuthFlowsUserPoolClient",
    "PreventUserExistenceErrors",
    "EnableTokenRevocation",
)


def cognito_user_pool_client(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    client = ctx.clients("cognito-idp").create_user_pool_client(
        UserPoolId=props["UserPoolId"],
        ClientName=props.get("ClientName") or ctx.name(logical_id, 128),
        **_pick(props, *_CLIENT_KEYS),
    )["UserPoolClient"]
    return Created(ref=client["ClientId"], attrs={"Name": client["ClientName"]})


# ------------------------------------------------------------------------------------ secrets
def secret(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    value = ctx.secret_values.get(logical_id, props.get("SecretString"))
    if value is None:  # GenerateSecretString: any random value does locally
        import secrets

        value = secrets.token_urlsafe(32)
    created = ctx.clients("secretsmanager").create_secret(
        Name=props.get("Name") or ctx.name(logical_id, 256),
        Description=props.get("Description", ""),
        SecretString=value,
    )
    return Created(ref=created["ARN"], attrs={"Id": created["ARN"]})


# ----------------------------------------------------------------------------------- DynamoDB
def dynamodb_table(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    ddb = ctx.clients("dynamodb")
    name = props.get("TableName") or ctx.name(logical_id, 255)
    kwargs: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PROVISIONED"),
        **_pick(props, "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "ProvisionedThroughput"),
    }
    if "StreamSpecification" in props:
        kwargs["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    sse = props.get("SSESpecification")
    if sse:
        kwargs["SSESpecification"] = {
            "Enabled": bool(sse.get("SSEEnabled")),
            **_pick(sse, "SSEType", "KMSMasterKeyId"),
        }
    if props.get("Tags"):
        kwargs["Tags"] = _tags_list(props["Tags"])
    table = ddb.create_table(**kwargs)["TableDescription"]
    ttl = props.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        ddb.update_time_to_live(
            TableName=name,
            TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
        )
    pitr = props.get("PointInTimeRecoverySpecification")
    if pitr and pitr.get("PointInTimeRecoveryEnabled"):
        try:
            ddb.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
            )
        except ddb.exceptions.ClientError as exc:
            # DynamoDB Local keeps no backups (it answers UnknownOperation); nothing reads them here.
            if exc.response.get("Error", {}).get("Code") != "UnknownOperationException":
                raise
    return Created(ref=name, attrs={"Arn": table["TableArn"], "StreamArn": table.get("LatestStreamArn", "")})


# ----------------------------------------------------------------------------------------- S3
def s3_bucket(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    s3 = ctx.clients("s3")
    name = props.get("BucketName") or ctx.name(logical_id, 63).lower()
    if ctx.region == "us-east-1":
        s3.create_bucket(Bucket=name)
    else:
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": ctx.region})
    if "PublicAccessBlockConfiguration" in props:
        s3.put_public_access_block(
            Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
        )
    if "OwnershipControls" in props:
        s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls=props["OwnershipControls"])
    enc = props.get("BucketEncryption")
    if enc:
        rules = [
            {"ApplyServerSideEncryptionByDefault": r["ServerSideEncryptionByDefault"]}
            for r in enc.get("ServerSideEncryptionConfiguration", [])
        ]
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
    if "VersioningConfiguration" in props:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration=props["VersioningConfiguration"])
    return Created(
        ref=name,
        attrs={
            "Arn": f"arn:{ctx.partition}:s3:::{name}",
            "DomainName": f"{name}.s3.amazonaws.com",
            "RegionalDomainName": f"{name}.s3.{ctx.region}.amazonaws.com",
            "WebsiteURL": f"http://{name}.s3-website.{ctx.region}.amazonaws.com",
        },
    )


# ------------------------------------------------------------------------------------- Lambda
def lambda_layer(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    layer = ctx.clients("lambda").publish_layer_version(
        LayerName=props.get("LayerName") or ctx.name(logical_id, 140),
        Description=props.get("Description", ""),
        Content={"ZipFile": _placeholder_zip()},
        **_pick(props, "CompatibleRuntimes", "CompatibleArchitectures"),
    )
    return Created(ref=layer["LayerVersionArn"], attrs={})


def lambda_function(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    name = props.get("FunctionName") or ctx.name(logical_id)
    fn = ctx.clients("lambda").create_function(
        FunctionName=name,
        Role=props["Role"],
        Code={"ZipFile": _placeholder_zip()},
        Environment={
            "Variables": {k: str(v) for k, v in props.get("Environment", {}).get("Variables", {}).items()}
        },
        **_pick(
            props, "Runtime", "Handler", "Timeout", "MemorySize", "Layers", "Architectures", "Description"
        ),
    )
    return Created(ref=name, attrs={"Arn": fn["FunctionArn"]})


# ----------------------------------------------------------------------------- Step Functions
def substitute_definition(definition: str, substitutions: dict[str, Any]) -> str:
    """DefinitionSubstitutions: `${Key}` placeholders in the ASL text, as CloudFormation applies them."""
    for key, value in substitutions.items():
        definition = definition.replace("${" + key + "}", str(value))
    return definition


def state_machine(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    if "DefinitionString" in props:
        definition = str(props["DefinitionString"])
    else:
        definition = json.dumps(props["Definition"])
    definition = substitute_definition(definition, props.get("DefinitionSubstitutions", {}))
    name = props.get("StateMachineName") or ctx.name(logical_id, 80)
    kwargs: dict[str, Any] = {
        "name": name,
        "definition": definition,
        "roleArn": props["RoleArn"],
        "type": props.get("StateMachineType", "STANDARD"),
    }
    if "TracingConfiguration" in props:
        kwargs["tracingConfiguration"] = {"enabled": bool(props["TracingConfiguration"].get("Enabled"))}
    arn = ctx.clients("stepfunctions").create_state_machine(**kwargs)["stateMachineArn"]
    return Created(ref=arn, attrs={"Name": name, "Arn": arn})


# ---------------------------------------------------------------------------------- Scheduler
def schedule(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    name = props.get("Name") or ctx.name(logical_id)
    kwargs: dict[str, Any] = {
        "Name": name,
        "ScheduleExpression": props["ScheduleExpression"],
        "FlexibleTimeWindow": props.get("FlexibleTimeWindow", {"Mode": "OFF"}),
        "Target": props["Target"],
        **_pick(
            props, "GroupName", "ScheduleExpressionTimezone", "Description", "State", "StartDate", "EndDate"
        ),
    }
    arn = ctx.clients("scheduler").create_schedule(**kwargs)["ScheduleArn"]
    return Created(ref=name, attrs={"Arn": arn})


def schedule_group(ctx: Context, logical_id: str, props: dict[str, Any]) -> Created:
    name = props.get("Name") or ctx.name(logical_id)
    arn = ctx.clients("scheduler").create_schedule_group(Name=name)["ScheduleGroupArn"]
    return Created(ref=name, attrs={"Arn": arn})


# ----------------------------------------------------------------------------------- registry
Creator = Callable[[Context, str, dict[str, Any]], Created]

CREATORS: dict[str, Creator] = {
    "AWS::IAM::Role": iam_role,
    "AWS::Cognito::UserPool": cognito_user_pool,
    "AWS::Cognito::UserPoolClient": cognito_user_pool_client,
    "AWS::SecretsManager::Secret": secret,
    "AWS::DynamoDB::Table": dynamodb_table,
    "AWS::S3::Bucket": s3_bucket,
    "AWS::Lambda::LayerVersion": lambda_layer,
    "AWS::Lambda::Function": lambda_function,
    "AWS::StepFunctions::StateMachine": state_machine,
    "AWS::Scheduler::Schedule": schedule,
    "AWS::Scheduler::ScheduleGroup": schedule_group,
}


def placeholder(ctx: Context, logical_id: str, resource_type: str) -> Created:
    """A resource the local stack does not create (CloudFront, log groups, API Gateway, permissions):
    Refs and attributes still resolve, to recognisable fake values."""
    ref = f"local-{logical_id.lower()}"
    service = resource_type.split("::")[1].lower() if "::" in resource_type else "local"
    attrs = {
        "Arn": ctx.arn(service, f"{logical_id}/{ref}"),
        "Id": ref,
        "DomainName": f"{ref}.local.invalid",
        "ApiEndpoint": "http://127.0.0.1",
    }
    return Created(ref=ref, attrs=attrs)
