"""Payment tests: sandbox banks over real HTTP, AWS emulated from template.yaml, the real handlers.

Payments move money at the banks: each module that pays marks itself with `restore_bank_data`,
which restores the banks' seed data when the module is done, so the tests after it see the data
they would have seen without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from finpulse.payments import tuning
from sandbox.client import SandboxBanks
from tests.payments.support import Payer, connected_payer
from tests.sync.conftest import live, no_retry_sleep

__all__ = ["live", "no_retry_sleep"]

# The production code path with shorter waits (see finpulse.payments.tuning).
FAST = {
    "PAYMENT_POLL_INTERVAL": "0",
    "PAYMENT_UNKNOWN_GRACE": "2",
    "PAYMENT_IN_FLIGHT_WAIT": "8",
    "PAYMENT_RESYNC_LOCK_WAIT": "2",
}


@pytest.fixture(autouse=True)
def fast_payments(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)
    tuning.tuning.cache_clear()
    yield
    tuning.tuning.cache_clear()


@pytest.fixture(scope="module")
def restore_bank_data(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    banks: Any = request.getfixturevalue("sandbox_banks")
    assert isinstance(banks, SandboxBanks)
    banks.reset()


_payers: dict[str, Payer] = {}


@pytest.fixture
def payer(request: pytest.FixtureRequest, live: Any, api_client: Any, make_user: Any, sandbox: Any) -> Payer:
    """The module's user: its `CUSTOMER` at its `BANKS` (product consent: its `PRODUCTS` options, if
    any), connected and synced once per module."""
    module = request.module
    if module.__name__ not in _payers:
        _payers[module.__name__] = connected_payer(
            api_client,
            make_user,
            sandbox,
            live,
            module.CUSTOMER,
            tuple(module.BANKS),
            getattr(module, "PRODUCTS", None),
        )
    found = _payers[module.__name__]
    found.api_client, found.sandbox = api_client, sandbox
    return found
