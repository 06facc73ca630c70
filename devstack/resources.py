"""What provisioning produced: names, ids and ARNs of the local resources, and each function's env."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEMO_EMAIL = "demo@finpulse.dev"
DEMO_PASSWORD = "FinPulse-demo-1"  # noqa: S105 - the documented local demo login


@dataclass(frozen=True)
class DemoUser:
    email: str = DEMO_EMAIL
    password: str = DEMO_PASSWORD
    sub: str = ""


@dataclass(frozen=True)
class ScheduleSpec:
    """An EventBridge Scheduler schedule as created in moto (which never fires it)."""

    logical_id: str
    name: str
    group: str
    expression: str
    timezone: str
    target_arn: str
    input: str | None
    enabled: bool


@dataclass(frozen=True)
class LocalFunction:
    """A Lambda function as the local runners execute it."""

    logical_id: str
    name: str
    arn: str
    code_dir: Path
    handler: str
    timeout: int
    memory: int
    layer_dirs: tuple[Path, ...]
    # Template environment with intrinsics resolved, plus the local overrides (endpoint, region,
    # dummy credentials, local bank registry, tracing off).
    environment: dict[str, str]

    @property
    def sys_path(self) -> tuple[Path, ...]:
        """As Lambda builds it: the function's code first, then /opt/python of each layer."""
        return (self.code_dir, *self.layer_dirs)


@dataclass(frozen=True)
class LocalResources:
    region: str
    account_id: str
    stack_name: str
    endpoint_url: str | None  # the moto server; None when moto runs in-process (mock_aws)
    physical_ids: dict[str, str]  # logical id -> what Ref returns
    tables: dict[str, str]  # logical id -> table name
    user_pool_id: str
    user_pool_client_id: str
    issuer: str  # the AWS-style issuer in the tokens' `iss`
    jwks_url: str  # where the local stack fetches the pool's keys
    secrets: dict[str, str]  # logical id -> ARN
    buckets: dict[str, str]  # logical id -> bucket name
    state_machines: dict[str, str]  # logical id -> ARN
    schedules: tuple[ScheduleSpec, ...]
    functions: dict[str, LocalFunction]
    outputs: dict[str, Any]
    parameters: dict[str, Any]
    http_apis: dict[str, dict[str, Any]]  # logical id -> OpenAPI body, resolved (routes, authorizers)
    demo_user: DemoUser
    skipped: tuple[str, ...] = field(default=())  # resources not emulated (CloudFront, logs, ...)

    @property
    def state_machine_arn(self) -> str:
        """The full refresh's state machine (the template's only one, or `FullRefreshStateMachine`)."""
        if "FullRefreshStateMachine" in self.state_machines:
            return self.state_machines["FullRefreshStateMachine"]
        if len(self.state_machines) != 1:
            raise LookupError(f"several state machines: {sorted(self.state_machines)}")
        return next(iter(self.state_machines.values()))

    def function_env(self, logical_id: str) -> dict[str, str]:
        return dict(self.functions[logical_id].environment)

    def function_for(self, name_or_arn: str) -> LocalFunction | None:
        """The function a Lambda `FunctionName` (name, ARN, partial ARN, with qualifier) denotes."""
        wanted = name_or_arn
        if "function:" in wanted:
            wanted = wanted.split("function:", 1)[1]
        wanted = wanted.split(":", 1)[0]  # drop a version or alias qualifier
        for fn in self.functions.values():
            if wanted in (fn.name, fn.logical_id):
                return fn
        return None
