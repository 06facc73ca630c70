"""Dashboard tests: the real path — sandbox banks over HTTP, consents, sync, stored data, endpoints."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sync.conftest import live, no_retry_sleep

__all__ = ["live", "no_retry_sleep", "seed_data"]


@pytest.fixture(scope="module")
def seed_data(sandbox_banks: Any) -> None:
    """Figures worked out from the seed: undo what earlier tests in the session did to the banks'
    data (payments, added transactions, booked holds), whatever order they ran in."""
    sandbox_banks.reset()
