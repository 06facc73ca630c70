"""The deploy-time check of the `BankRegistry` parameter (a CloudFormation custom resource).

CloudFormation's own Rules cannot look inside a JSON string, so the stack carries a custom resource
whose function validates the registry with the same model the app reads it with, and refuses a
prod stack that would take a bank's automatic consent approval as proof of who the customer is
(`identity: trusted_auto`) unless the operator set `AllowTrustedAutoIdentity=true`. A refused
check fails the stack's create or update, which CloudFormation then rolls back.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from pydantic import ValidationError

from finpulse.banks import registry


def registry_problems(raw: str, env: str, allow_trusted_auto: bool) -> list[str]:
    """Why this registry may not be deployed to `env`; empty when it may."""
    try:
        banks = registry.parse(raw)
    except (ValidationError, ValueError) as exc:
        return [f"BankRegistry is not a valid bank registry: {str(exc)[:500]}"]
    trusted = [b.bank_id for b in banks if b.identity == "trusted_auto"]
    if env == "prod" and trusted and not allow_trusted_auto:
        return [
            f"EnvName=prod with identity trusted_auto at {', '.join(trusted)}: an automatic consent "
            "approval authenticates nobody at a real bank. Set identity bank_approval, or "
            "AllowTrustedAutoIdentity=true if these are sandbox banks on purpose."
        ]
    return []


def _respond(event: dict[str, Any], status: str, reason: str) -> None:
    body = {
        "Status": status,
        "Reason": reason[:1000] or status,
        "PhysicalResourceId": event.get("PhysicalResourceId") or "bank-registry-check",
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
    }
    request = urllib.request.Request(  # noqa: S310 - CloudFormation's pre-signed https URL
        event["ResponseURL"],
        data=json.dumps(body).encode(),
        method="PUT",
        headers={"Content-Type": ""},  # the pre-signed URL is signed without a content type
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass


def handle(event: dict[str, Any]) -> str:
    """Answer CloudFormation (SUCCESS or FAILED with the reason); returns the status sent."""
    if event.get("RequestType") == "Delete":
        status, reason = "SUCCESS", "nothing to clean up"
    else:
        props = event.get("ResourceProperties") or {}
        problems = registry_problems(
            str(props.get("Registry", "")),
            str(props.get("EnvName", "")),
            str(props.get("AllowTrustedAutoIdentity", "false")).lower() == "true",
        )
        status, reason = ("FAILED", " ".join(problems)) if problems else ("SUCCESS", "registry ok")
    _respond(event, status, reason)
    return status
