"""Pytest fixtures that run the sandbox banks for any test suite in the repo.

``sandbox_banks`` (session): starts vbank, abank and sbank on free loopback ports in ``test`` mode
with fresh data in a temporary directory; yields a :class:`sandbox.client.SandboxBanks`::

    def test_something(sandbox):                 # function scope: faults and request log cleared
        url = sandbox.url("vbank")               # base URL
        team, secret = sandbox.team, sandbox.secret
        sandbox.admin("sbank").approve(request_id)
        sandbox.admin("vbank").set_faults(error_rate=1.0, count=2, seed=7)
        assert sandbox.admin("vbank").count("GET /accounts") == 1

Data changes (payments, consents) persist across tests in a session; call ``sandbox.reset()`` to
restore the seed when a test needs pristine data. The banks' settings (approval mode, token mode,
token lifetime) can be changed with ``admin(...).set_settings(...)``; ``sandbox`` restores them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.client import SandboxBanks
from sandbox.config import load
from sandbox.runner import start_banks

TEST_TODAY = "2026-11-20"
"""The reference date the test banks' data is generated for. Pinned, so that every figure computed
from it (the dashboard golden tests in tests/dashboard/) is the same on every run and every day;
nothing else in the data depends on the wall clock (consents and tokens still use real time)."""

_DEFAULT_SETTINGS = (
    "approval",
    "token_mode",
    "token_ttl",
    "key_grace",
    "consent_days",
    "limit_cap",
    "limit_cap_mode",
    "payment_settle_seconds",
    "variants",
)


@pytest.fixture(scope="session")
def sandbox_banks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxBanks]:
    """The three sandbox banks, started once per test session (per xdist worker)."""
    data_dir = tmp_path_factory.mktemp("sandbox-banks")
    config = load(env={}, mode="test", base_port=0, data_dir=data_dir, today=TEST_TODAY)
    handle = start_banks(config, quiet=True)
    banks = SandboxBanks(handle)
    banks.defaults = {
        b.id: {k: v for k, v in b.admin.info().items() if k in _DEFAULT_SETTINGS} for b in banks
    }
    try:
        yield banks
    finally:
        banks.close()
        handle.stop()


@pytest.fixture
def sandbox(sandbox_banks: SandboxBanks) -> Iterator[SandboxBanks]:
    """``sandbox_banks`` with faults and request logs cleared before, and settings restored after."""
    sandbox_banks.clean()
    yield sandbox_banks
    for bank in sandbox_banks:
        bank.admin.clear_faults()
        bank.admin.clear_payment_knobs()
        current = {k: v for k, v in bank.admin.info().items() if k in _DEFAULT_SETTINGS}
        wanted = sandbox_banks.defaults[bank.id]
        if current != wanted:
            bank.admin.set_settings(**wanted)
