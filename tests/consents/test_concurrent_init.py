"""Two `init` calls at the same moment create one consent at the bank (the create marker)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from finpulse.banks.retry import Deadline
from finpulse.consents.identity_claim import remove_identity, set_identity
from finpulse.consents.init import init_consents
from finpulse.consents.requests import InitRequest


@pytest.mark.usefixtures("live", "atomic_emulator")
def test_concurrent_inits_create_one_consent(sandbox: Any) -> None:
    user = f"user-{uuid.uuid4().hex[:8]}"
    set_identity(user, "abank", "team200-2", Deadline.after(5))
    request = InitRequest.model_validate({"banks": ["abank"]})
    start = threading.Barrier(4)

    def call(_: int) -> str:
        start.wait()
        result = init_consents(user, request, Deadline.after(8)).results[0]
        assert result.consent is not None, result
        return result.consent.id

    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            ids = list(pool.map(call, range(4)))
    finally:
        remove_identity(user, "abank", Deadline.after(5))  # the customer id is free for other tests
    assert len(set(ids)) == 1
    assert sandbox.admin("abank").count("POST /account-consents/request") == 1
