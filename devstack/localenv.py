"""Local values that replace production ones: bank URLs, team credentials, endpoints, dummy keys.

Everything else in a function's environment comes from the template, resolved, so handlers see the
same variables they see in AWS plus the few a process on this machine needs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The sandbox banks' team credentials (see sandbox/). Not secrets: they only open local sandboxes.
SANDBOX_TEAM_ID = "team200"
SANDBOX_TEAM_SECRET = "team200-secret"  # noqa: S105 - the public sandbox credential
DEFAULT_BANK_PORTS = {"vbank": 8101, "abank": 8102, "sbank": 8103}
DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


@dataclass(frozen=True)
class LocalBanks:
    """Where the local sandbox banks listen, and registry fields that differ locally.

    `overrides` maps bank id → fields merged into that bank's template registry entry (at least
    `base_url`; the sandbox may also say `token_mode`, `token_issuer`, `token_audience`, ...).
    """

    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    team_id: str = SANDBOX_TEAM_ID
    team_secret: str = SANDBOX_TEAM_SECRET

    @classmethod
    def on_ports(cls, ports: Mapping[str, int] | None = None, host: str = "127.0.0.1") -> LocalBanks:
        ports = ports or DEFAULT_BANK_PORTS
        return cls(overrides={bank: {"base_url": f"http://{host}:{port}"} for bank, port in ports.items()})

    def registry(self, template_registry: str) -> str:
        """The template's bank registry with local URLs; banks without an override keep theirs."""
        banks = json.loads(template_registry)
        local = [{**bank, **self.overrides.get(bank["bank_id"], {})} for bank in banks]
        return json.dumps(local, separators=(",", ":"))

    def credentials_secret(self, template_registry: str) -> str:
        """The bank-credentials secret as the app reads it: one team credential per bank."""
        ids = [bank["bank_id"] for bank in json.loads(template_registry)]
        return json.dumps({b: {"client_id": self.team_id, "client_secret": self.team_secret} for b in ids})


def local_overrides(
    *, region: str, endpoint_url: str | None, banks_registry: str | None, dynamodb_url: str | None = None
) -> dict[str, str]:
    """Variables added on top of a function's template environment when it runs here."""
    env = {
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        **DUMMY_CREDENTIALS,
        # X-Ray has no daemon here; Powertools would otherwise try to emit segments.
        "POWERTOOLS_TRACE_DISABLED": "true",
    }
    if endpoint_url:
        # boto3 honours AWS_ENDPOINT_URL for every service, so handlers need no local code path.
        env["AWS_ENDPOINT_URL"] = endpoint_url
    if dynamodb_url:
        # …except DynamoDB, which is AWS's own engine (DynamoDB Local): the service-specific
        # variable wins over the general one.
        env["AWS_ENDPOINT_URL_DYNAMODB"] = dynamodb_url
    if banks_registry is not None:
        env["BANKS"] = banks_registry
    return env
