"""Schemathesis against the published contract (docs/openapi.json), in-process (WSGI, no sockets).

Every documented operation is called with generated inputs — valid ones and invalid ones — as a
signed-in user whose three banks are connected and synced, through the same API Gateway emulator,
JWT authorizer, functions, emulated AWS and sandbox banks as every other test. It fails on any 5xx
and on any answer that the contract does not declare: status code, content type or body.

Bounded and reproducible: `FUZZ_EXAMPLES` examples per operation and mode (default 30 in
`make test`) with the fixed seed `FUZZ_SEED`; `make fuzz` runs longer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from devstack.openapi import OUTPUT
from tests.consents.support import release_bank_identities
from tests.sync.conftest import live, no_retry_sleep
from tests.sync.support import connect, refresh, wait_lock_free

__all__ = ["live", "no_retry_sleep"]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_path(str(OUTPUT))
schema.config.generation.update(modes=["positive", "negative"], max_examples=EXAMPLES, database="none")

_fuzzer: dict[str, Any] = {}


@pytest.fixture(scope="module", autouse=True)
def _release(aws_stack: Any) -> Iterator[None]:
    yield
    if "user" in _fuzzer:  # whatever ids the fuzzer claimed are free again for later tests
        release_bank_identities(aws_stack, [_fuzzer["user"].sub])


@pytest.fixture
def fuzzer(live: Any, api_client: Any, sandbox: Any, aws_stack: Any) -> Any:
    """A user with three banks connected and synced (created once for the module)."""
    if "user" not in _fuzzer:
        from devstack.tokens import new_user

        user = new_user(aws_stack.clients, aws_stack.resources, None)
        _fuzzer["user"] = user
        connect(api_client, user, sandbox, customer="team200-10")
        assert refresh(api_client, user)["state"] == "succeeded"
        wait_lock_free(live, user.sub)
    return _fuzzer["user"]


@schema.parametrize()
@seed(SEED)
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_contract(case: Any, fuzzer: Any, local_api: Any) -> None:
    case.call_and_validate(app=local_api.app, headers=fuzzer.auth_header, checks=CHECKS)
