"""Fixtures for tests against the emulated AWS side.

Enabled by `pytest_plugins = ["devstack.pytest_plugin"]` in tests/conftest.py.

dynamodb_local (session) `DynamoDBLocal`: AWS's DynamoDB engine on a free loopback port, in memory.
aws_stack   (session)  `InProcessStack`: moto in-process (`mock_aws`, state machines executed),
                       DynamoDB on `dynamodb_local`,
                       every resource of the transformed template.yaml provisioned, Lambda Invoke
                       (boto3 and Step Functions Tasks) routed to the real handlers in-process.
                       `.resources` (LocalResources: tables, pool/client ids, issuer, state machine
                       ARN, schedules, each function's env), `.client("dynamodb")`,
                       `.invoke("MeFunction", event)` → InvokeResult, `.env` (the functions' shared
                       env, also set in os.environ for the session so layer code reads it).
local_api   (session)  `LocalApi`: SAM's API Gateway emulator over aws_stack with the JWT
                       authorizer; serves frontend/dist and /config.json when dist exists.
api_client  (function) Flask test client of local_api (no socket): `api_client.get("/api/me",
                       headers=demo_user.auth_header)`.
demo_user   (session)  `SignedInUser` for demo@finpulse.dev: `.id_token`, `.access_token`, `.sub`,
                       `.auth_header`.
make_user   (function) factory → a fresh signed-in `SignedInUser` (unique email) per call.
devstack_banks (session) `LocalBanks` the functions' BANKS registry and bank-credentials secret
                       point at: the sandbox banks of the `sandbox_banks` fixture (free loopback
                       ports, started once per session); without the sandbox plugin, the
                       standard ports 8101-8103 (`make sandbox`). Override to change.
dev_stack   (session)  `DevStackProcess`: the whole `make dev` stack (`python -m devstack`) in a
                       child process on free ports, with its own sandbox banks and data:
                       `.api_url`, `.moto_url` (Cognito endpoint), `.started_in`, `.log`.

start_stack (function) `start_stack(*flags)` → a new `DevStackProcess` the test stops itself.
chromium    (session)  Path of Debian's Chromium for browser tests (fails with how to install it).
sam_cli     (session)  Path of the `sam` CLI of the venv (its builds fetch wheels from PyPI).

Tests using any of these (directly or through another fixture) are marked `integration`, and
`chromium` also `browser` (tests/conftest.py): `make unit` leaves them out.

State is shared for the whole session (one moto): use `make_user` for isolation rather than
relying on empty tables. Bank traffic is real HTTP to loopback (moto passes non-AWS URLs through).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devstack.apigw import LocalApi, spa_config
from devstack.banks import local_banks_for
from devstack.dynamodb import DynamoDBLocal
from devstack.dynamodb import dynamodb_local as _dynamodb_local
from devstack.inprocess_stack import InProcessStack, inprocess_stack
from devstack.localenv import LocalBanks
from devstack.process import DevStackProcess, start_dev_stack
from devstack.template import ROOT
from devstack.tokens import SignedInUser, new_user
from devstack.tokens import demo_user as _demo_user

SPA_DIST = ROOT / "frontend" / "dist"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def devstack_banks(request: pytest.FixtureRequest) -> LocalBanks:
    try:
        banks = request.getfixturevalue("sandbox_banks")
    except pytest.FixtureLookupError:
        return LocalBanks.on_ports()
    return local_banks_for(banks.handle.config, banks.urls)


@pytest.fixture(scope="session")
def dynamodb_local() -> Iterator[DynamoDBLocal]:
    with _dynamodb_local() as running:
        yield running


@pytest.fixture(scope="session")
def aws_stack(devstack_banks: LocalBanks, dynamodb_local: DynamoDBLocal) -> Iterator[InProcessStack]:
    with inprocess_stack(banks=devstack_banks, dynamodb_url=dynamodb_local.url) as stack:
        yield stack


@pytest.fixture(scope="session")
def local_api(aws_stack: InProcessStack) -> LocalApi:
    resources = aws_stack.resources
    spa = SPA_DIST if (SPA_DIST / "index.html").is_file() else None
    # In-process there is no moto server: the SPA config names AWS's endpoint, which moto intercepts.
    cognito = f"https://cognito-idp.{resources.region}.amazonaws.com/"
    return LocalApi(resources, aws_stack.runner, spa_dir=spa, config_json=spa_config(resources, cognito))


@pytest.fixture
def api_client(local_api: LocalApi):  # type: ignore[no-untyped-def]
    return local_api.app.test_client()


@pytest.fixture(scope="session")
def dev_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStackProcess]:
    running = start_dev_stack(tmp_path_factory.mktemp("devstack"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def start_stack(tmp_path: Path) -> Callable[..., DevStackProcess]:
    """`start_stack(*flags)`: another whole `make dev` stack, for a test that stops it itself."""
    return lambda *flags: start_dev_stack(tmp_path, extra_args=tuple(flags))


@pytest.fixture(scope="session")
def chromium() -> Path:
    assert CHROMIUM.is_file(), "Chromium is missing: `make chromium` installs Debian's package"
    return CHROMIUM


@pytest.fixture(scope="session")
def sam_cli() -> Path:
    return Path(sys.executable).parent / "sam"


@pytest.fixture(scope="session")
def demo_user(aws_stack: InProcessStack) -> SignedInUser:
    return _demo_user(aws_stack.clients, aws_stack.resources)


@pytest.fixture
def make_user(aws_stack: InProcessStack) -> Callable[..., SignedInUser]:
    def make(email: str | None = None) -> SignedInUser:
        return new_user(aws_stack.clients, aws_stack.resources, email)

    return make
