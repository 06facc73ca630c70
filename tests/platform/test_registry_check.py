"""The deployment refuses an unsafe bank registry: template.yaml's Custom::BankRegistryCheck, its
properties resolved from the template's parameters, answered over real HTTP the way CloudFormation
reads a custom resource's answer (a PUT to the pre-signed ResponseURL)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from devstack.intrinsics import Resolver, parameter_values
from devstack.template import transformed
from finpulse.banks.registry_check import handle

TEMPLATE = transformed()
SANDBOX_ONLY = json.dumps(
    [{"bank_id": "realbank", "name": "Real", "base_url": "https://api.real.example", "approval": "auto"}]
)


class _CloudFormation(BaseHTTPRequestHandler):
    answers: ClassVar[list[dict[str, Any]]] = []

    def do_PUT(self) -> None:
        length = int(self.headers["Content-Length"])
        self.answers.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def response_url() -> Iterator[str]:
    _CloudFormation.answers = []
    server = HTTPServer(("127.0.0.1", 0), _CloudFormation)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/cfn-response?signature=abc"
    server.shutdown()
    server.server_close()


def _deploy(response_url: str, request_type: str = "Create", **overrides: str) -> dict[str, Any]:
    """What CloudFormation sends the check for a stack with these parameters, and what it answered."""
    resource = TEMPLATE["Resources"]["BankRegistryCheck"]
    assert resource["Type"] == "Custom::BankRegistryCheck"
    resolver = Resolver(
        parameters=parameter_values(TEMPLATE["Parameters"], overrides),
        pseudo={"AWS::Region": "eu-central-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"},
        conditions=TEMPLATE.get("Conditions"),
        resource_ref=lambda name: name,
        resource_getatt=lambda name, attr: f"arn:aws:lambda:::function:{name}",
    )
    props = resolver.resolve(resource["Properties"])
    assert props["ServiceToken"].endswith("RegistryCheckFunction")
    event = {
        "RequestType": request_type,
        "ResponseURL": response_url,
        "StackId": "arn:aws:cloudformation:eu-central-1:123456789012:stack/finpulse-prod/1",
        "RequestId": "req-1",
        "LogicalResourceId": "BankRegistryCheck",
        "ResourceType": resource["Type"],
        "ResourceProperties": props,
    }
    handle(event)
    (answer,) = _CloudFormation.answers
    _CloudFormation.answers.clear()
    assert (answer["RequestId"], answer["LogicalResourceId"]) == ("req-1", "BankRegistryCheck")
    return answer


def test_a_prod_stack_with_trusted_auto_banks_fails(response_url: str) -> None:
    answer = _deploy(response_url, EnvName="prod")
    assert answer["Status"] == "FAILED"
    assert "trusted_auto at vbank, abank" in answer["Reason"]


def test_prod_passes_with_bank_approval_banks_or_the_operators_explicit_say_so(response_url: str) -> None:
    assert _deploy(response_url, EnvName="prod", BankRegistry=SANDBOX_ONLY)["Status"] == "SUCCESS"
    assert _deploy(response_url, EnvName="prod", AllowTrustedAutoIdentity="true")["Status"] == "SUCCESS"
    assert _deploy(response_url)["Status"] == "SUCCESS"  # dev, the default registry of sandbox banks


def test_an_invalid_registry_fails_any_deployment_but_never_a_deletion(response_url: str) -> None:
    broken = json.dumps([{"bank_id": "x", "name": "X"}])
    answer = _deploy(response_url, BankRegistry=broken)
    assert answer["Status"] == "FAILED"
    assert "not a valid bank registry" in answer["Reason"]
    assert _deploy(response_url, "Delete", BankRegistry=broken)["Status"] == "SUCCESS"
