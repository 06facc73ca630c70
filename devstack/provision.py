"""Create every AWS resource of the transformed template in moto, and describe them for the runners.

Resources are created on first reference (a Ref/GetAtt of a resource provisions it), which gives
CloudFormation's dependency order without a graph. Types the local stack does not emulate
(CloudFront, log groups, API Gateway itself, permissions) resolve to placeholders and are listed in
`LocalResources.skipped`.

    clients = boto_clients("eu-central-1")            # inside mock_aws, or with endpoint_url
    resources = provision(clients, region="eu-central-1")
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from devstack import creators
from devstack.creators import Clients, Context, Created
from devstack.intrinsics import Resolver, parameter_values
from devstack.localenv import LocalBanks, local_overrides
from devstack.resources import DemoUser, LocalFunction, LocalResources, ScheduleSpec
from devstack.template import TEMPLATE, functions, load_source, transformed

DEFAULT_STACK = "finpulse-local"
_DEMO = DemoUser()


def boto_clients(region: str, endpoint_url: str | None = None, dynamodb_url: str | None = None) -> Clients:
    """A cached boto3 client per service, for moto in-process (no endpoint) or a moto server;
    DynamoDB at `dynamodb_url` (DynamoDB Local) when given."""
    import boto3
    from botocore.config import Config

    session = boto3.session.Session(
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - moto's dummy credentials
        region_name=region,
    )
    config = Config(retries={"max_attempts": 2, "mode": "standard"})

    @cache
    def client(service: str) -> Any:
        url = dynamodb_url if service == "dynamodb" and dynamodb_url else endpoint_url
        return session.client(service, endpoint_url=url, config=config)  # type: ignore[call-overload]

    return client


class _Provisioner:
    def __init__(self, template: dict[str, Any], ctx: Context, parameters: dict[str, Any]) -> None:
        self.template = template
        self.resources: dict[str, Any] = template.get("Resources", {})
        self.ctx = ctx
        self.created: dict[str, Created] = {}
        self.skipped: list[str] = []
        self._in_progress: set[str] = set()
        self.resolver = Resolver(
            parameters=parameters,
            pseudo={
                "AWS::Region": ctx.region,
                "AWS::AccountId": ctx.account_id,
                "AWS::Partition": ctx.partition,
                "AWS::StackName": ctx.stack_name,
                "AWS::StackId": ctx.arn("cloudformation", f"stack/{ctx.stack_name}/local"),
                "AWS::URLSuffix": "amazonaws.com",
                "AWS::NotificationARNs": [],
            },
            conditions=template.get("Conditions"),
            mappings=template.get("Mappings"),
            resource_ref=lambda name: self.ensure(name).ref,
            resource_getatt=self._getatt,
        )

    def _getatt(self, logical_id: str, attr: str) -> Any:
        created = self.ensure(logical_id)
        if attr not in created.attrs:
            raise KeyError(f"Fn::GetAtt {logical_id}.{attr} is not known to the local stack")
        return created.attrs[attr]

    def ensure(self, logical_id: str) -> Created:
        if logical_id in self.created:
            return self.created[logical_id]
        if logical_id not in self.resources:
            raise KeyError(f"Ref to unknown resource {logical_id}")
        if logical_id in self._in_progress:
            raise RuntimeError(f"circular reference through {logical_id}")
        self._in_progress.add(logical_id)
        try:
            resource = self.resources[logical_id]
            rtype = resource["Type"]
            condition = resource.get("Condition")
            creator = creators.CREATORS.get(rtype)
            if condition and not self.resolver.condition(condition):
                created = Created(ref="")
            elif creator is None:
                created = creators.placeholder(self.ctx, logical_id, rtype)
                self.skipped.append(logical_id)
            else:
                props = self.resolver.resolve(resource.get("Properties", {})) or {}
                created = creator(self.ctx, logical_id, props)
        finally:
            self._in_progress.discard(logical_id)
        self.created[logical_id] = created
        return created

    def run(self) -> None:
        for logical_id in self.resources:
            self.ensure(logical_id)

    def of_type(self, rtype: str) -> dict[str, Created]:
        return {
            lid: self.created[lid]
            for lid, res in self.resources.items()
            if res["Type"] == rtype and self.created[lid].ref
        }


def _layer_dirs(source: dict[str, Any], function_id: str, base: Path) -> tuple[Path, ...]:
    """Each layer's `python/` dir: where Lambda puts a Python layer on sys.path (/opt/python)."""
    res = source["Resources"]
    layers = (
        res[function_id]
        .get("Properties", {})
        .get("Layers", source.get("Globals", {}).get("Function", {}).get("Layers", []))
    )
    dirs = []
    for layer in layers:
        ref = layer.get("Ref") if isinstance(layer, dict) else None
        if ref and res.get(ref, {}).get("Type") == "AWS::Serverless::LayerVersion":
            dirs.append(base / res[ref]["Properties"]["ContentUri"] / "python")
    return tuple(dirs)


def seed_demo_user(clients: Clients, pool_id: str, user: DemoUser) -> DemoUser:
    """The demo login: email as username, verified, permanent password (no first-login challenge)."""
    idp = clients("cognito-idp")
    created = idp.admin_create_user(
        UserPoolId=pool_id,
        Username=user.email,
        UserAttributes=[
            {"Name": "email", "Value": user.email},
            {"Name": "email_verified", "Value": "true"},
        ],
        MessageAction="SUPPRESS",
    )["User"]
    idp.admin_set_user_password(
        UserPoolId=pool_id, Username=user.email, Password=user.password, Permanent=True
    )
    attrs = {a["Name"]: a["Value"] for a in created.get("Attributes", [])}
    return DemoUser(email=user.email, password=user.password, sub=attrs.get("sub", created["Username"]))


def provision(
    clients: Clients,
    *,
    region: str,
    endpoint_url: str | None = None,
    dynamodb_url: str | None = None,
    parameter_overrides: Mapping[str, Any] | None = None,
    banks: LocalBanks | None = None,
    demo_user: DemoUser | None = _DEMO,
    template_path: Path = TEMPLATE,
    stack_name: str = DEFAULT_STACK,
) -> LocalResources:
    """Provision the template into the moto behind `clients` and describe what was created.

    `endpoint_url` is the moto server the *functions* will talk to (None for in-process moto),
    `dynamodb_url` the DynamoDB Local they send DynamoDB to (None: moto's).
    `banks` says where the sandbox banks listen (default: the standard local ports).
    """
    banks = banks or LocalBanks.on_ports()
    template = transformed(template_path, region)
    account_id = clients("sts").get_caller_identity()["Account"]
    params = parameter_values(template.get("Parameters", {}), parameter_overrides)
    registry_param = _env_ref(template, "BANKS")
    credentials_secret = _env_ref(template, "BANK_CREDENTIALS_SECRET")
    secret_values = {}
    if registry_param and credentials_secret:
        # The template ships "{}"; locally the secret holds the sandbox team's credentials.
        secret_values[credentials_secret] = banks.credentials_secret(str(params[registry_param]))
    ctx = Context(
        clients=clients,
        region=region,
        account_id=account_id,
        stack_name=stack_name,
        secret_values=secret_values,
    )
    prov = _Provisioner(template, ctx, params)
    prov.run()

    pools = prov.of_type("AWS::Cognito::UserPool")
    app_clients = prov.of_type("AWS::Cognito::UserPoolClient")
    pool_id = next(iter(pools.values())).ref if pools else ""
    issuer = f"https://cognito-idp.{region}.amazonaws.com/{pool_id}"
    # In-process, moto intercepts requests to the AWS URL; a server serves the same path.
    jwks_base = endpoint_url.rstrip("/") + f"/{pool_id}" if endpoint_url else issuer
    seeded = seed_demo_user(clients, pool_id, demo_user) if (demo_user and pool_id) else DemoUser()

    registry = banks.registry(str(params[registry_param])) if registry_param else None
    overrides = local_overrides(
        region=region, endpoint_url=endpoint_url, dynamodb_url=dynamodb_url, banks_registry=registry
    )
    source = load_source(template_path)
    specs = functions(template_path)
    local_functions: dict[str, LocalFunction] = {}
    for lid, created in prov.of_type("AWS::Lambda::Function").items():
        props = template["Resources"][lid]["Properties"]
        env_vars = prov.resolver.resolve(props.get("Environment", {}).get("Variables", {})) or {}
        env = {k: str(v) for k, v in env_vars.items()}
        env.setdefault("POWERTOOLS_METRICS_NAMESPACE", "FinPulse")
        env.update(overrides)
        spec = specs[lid]
        local_functions[lid] = LocalFunction(
            logical_id=lid,
            name=created.ref,
            arn=created.attrs["Arn"],
            code_dir=spec.code_dir,
            handler=str(props.get("Handler", spec.handler)),
            timeout=int(props.get("Timeout", spec.timeout)),
            memory=int(props.get("MemorySize", spec.memory)),
            layer_dirs=_layer_dirs(source, lid, template_path.parent),
            environment=env,
        )

    return LocalResources(
        region=region,
        account_id=account_id,
        stack_name=stack_name,
        endpoint_url=endpoint_url,
        physical_ids={lid: c.ref for lid, c in prov.created.items()},
        tables={lid: c.ref for lid, c in prov.of_type("AWS::DynamoDB::Table").items()},
        user_pool_id=pool_id,
        user_pool_client_id=next(iter(app_clients.values())).ref if app_clients else "",
        issuer=issuer,
        jwks_url=f"{jwks_base}/.well-known/jwks.json",
        secrets={lid: c.ref for lid, c in prov.of_type("AWS::SecretsManager::Secret").items()},
        buckets={lid: c.ref for lid, c in prov.of_type("AWS::S3::Bucket").items()},
        state_machines={lid: c.ref for lid, c in prov.of_type("AWS::StepFunctions::StateMachine").items()},
        schedules=tuple(_schedules(prov)),
        functions=local_functions,
        outputs={k: prov.resolver.resolve(v.get("Value")) for k, v in template.get("Outputs", {}).items()},
        parameters=params,
        http_apis={
            lid: prov.resolver.resolve(res["Properties"].get("Body", {}))
            for lid, res in template["Resources"].items()
            if res["Type"] == "AWS::ApiGatewayV2::Api"
        },
        demo_user=seeded,
        skipped=tuple(prov.skipped),
    )


def _env_ref(template: dict[str, Any], variable: str) -> str | None:
    """What a functions' variable is a Ref to: `BANKS` → the `BankRegistry` parameter,
    `BANK_CREDENTIALS_SECRET` → the secret. The variable names are the app's contract (config.py)."""
    for res in template["Resources"].values():
        if res["Type"] == "AWS::Lambda::Function":
            value = res["Properties"].get("Environment", {}).get("Variables", {}).get(variable)
            if isinstance(value, dict) and "Ref" in value:
                return str(value["Ref"])
    return None


def _schedules(prov: _Provisioner) -> list[ScheduleSpec]:
    out = []
    for lid, created in prov.of_type("AWS::Scheduler::Schedule").items():
        props = prov.resolver.resolve(prov.resources[lid]["Properties"])
        target = props["Target"]
        out.append(
            ScheduleSpec(
                logical_id=lid,
                name=created.ref,
                group=props.get("GroupName", "default"),
                expression=props["ScheduleExpression"],
                timezone=props.get("ScheduleExpressionTimezone", "UTC"),
                target_arn=target["Arn"],
                input=target.get("Input"),
                enabled=props.get("State", "ENABLED") == "ENABLED",
            )
        )
    return out


def describe(resources: LocalResources) -> str:
    """A one-screen summary for logs (no secret values)."""
    return json.dumps(
        {
            "tables": resources.tables,
            "user_pool": resources.user_pool_id,
            "client": resources.user_pool_client_id,
            "state_machines": resources.state_machines,
            "schedules": [s.expression for s in resources.schedules],
            "functions": sorted(resources.functions),
        },
        indent=1,
    )
