"""The whole AWS side in the test process: moto (`mock_aws`, state machines executed) and
DynamoDB Local (AWS's engine: real conditional writes), every template resource provisioned,
Lambda Invoke routed to the real handlers run in-process.

    with inprocess_stack() as stack:
        stack.invoke("HealthFunction", event)        # → InvokeResult
        stack.client("stepfunctions").start_execution(stateMachineArn=stack.resources.state_machine_arn)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from devstack import moto_bridge, moto_patches
from devstack.creators import Clients
from devstack.dynamodb import ENDPOINT_VARIABLE
from devstack.lambdas.base import InvokeResult
from devstack.lambdas.inprocess import InProcessRunner
from devstack.localenv import LocalBanks
from devstack.provision import boto_clients, provision
from devstack.resources import LocalResources

DEFAULT_REGION = "eu-central-1"
# State machines really execute; Lambda never needs Docker (invokes go through moto_bridge).
MOTO_CONFIG: dict[str, Any] = {
    "stepfunctions": {"execute_state_machine": True},
    "lambda": {"use_docker": False},
}


@dataclass
class InProcessStack:
    resources: LocalResources
    clients: Clients
    runner: InProcessRunner
    # The env every function shares (template Globals, resolved, with local overrides).
    env: dict[str, str] = field(default_factory=dict)

    def client(self, service: str) -> Any:
        return self.clients(service)

    def invoke(self, function: str, event: Any) -> InvokeResult:
        """Invoke a function by logical id, name or ARN with an event (dict, or raw bytes)."""
        fn = self.resources.function_for(function)
        if fn is None:
            raise KeyError(f"no function {function!r} in the template")
        payload = event if isinstance(event, bytes) else json.dumps(event).encode()
        return self.runner.invoke(fn, payload)


def common_env(resources: LocalResources) -> dict[str, str]:
    """Variables with the same value in every function (in practice: the Globals)."""
    envs = [fn.environment for fn in resources.functions.values()]
    if not envs:
        return {}
    return {k: v for k, v in envs[0].items() if all(e.get(k) == v for e in envs[1:])}


@contextmanager
def inprocess_stack(
    *,
    region: str = DEFAULT_REGION,
    parameter_overrides: Mapping[str, Any] | None = None,
    banks: LocalBanks | None = None,
    apply_env: bool = True,
    dynamodb_url: str | None = None,
) -> Iterator[InProcessStack]:
    """Start moto in-process, provision the template, route Lambda invokes to the handlers.

    DynamoDB goes to the DynamoDB Local at `dynamodb_url` (moto's in-process mock passes requests
    for non-AWS hosts through); without one, to moto's own DynamoDB (pure tests).

    With `apply_env`, the functions' shared env (table names, BANKS, secret ARN, region, dummy
    credentials) is also set in this process for the duration, so layer code called directly from a
    test reads the same configuration as the handlers. The environment is restored afterwards.
    """
    from moto import mock_aws

    moto_patches.install()
    saved = dict(os.environ)
    os.environ["AWS_DEFAULT_REGION"] = region
    os.environ.pop("AWS_ENDPOINT_URL", None)  # in-process moto intercepts only AWS's own URLs
    os.environ.pop(ENDPOINT_VARIABLE, None)
    if dynamodb_url:
        os.environ[ENDPOINT_VARIABLE] = dynamodb_url
    try:  # (restored wholesale at the end: the stack's own threads are gone by then)
        with mock_aws(config=MOTO_CONFIG):  # type: ignore[call-overload]
            clients = boto_clients(region, dynamodb_url=dynamodb_url)
            resources = provision(
                clients,
                region=region,
                dynamodb_url=dynamodb_url,
                parameter_overrides=parameter_overrides,
                banks=banks,
            )
            runner = InProcessRunner()
            env = common_env(resources)
            if apply_env:
                os.environ.update(env)
            with moto_bridge.bridged(resources.function_for, runner):
                yield InProcessStack(resources=resources, clients=clients, runner=runner, env=env)
    finally:
        os.environ.clear()
        os.environ.update(saved)
