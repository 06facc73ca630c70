"""The once-only helper (payments, deposits, refinance) names the action its refusals are about."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from finpulse.banks.retry import Deadline
from finpulse.payments import idem, tuning
from finpulse.payments.errors import IdempotencyKeyReused, PaymentInFlight

pytestmark = pytest.mark.usefixtures("live")


@pytest.mark.parametrize("action", ["payment", "deposit opening", "deposit closing", "refinance"])
def test_a_key_reused_with_another_body_names_the_action(action: str) -> None:
    user, key = f"user-{uuid.uuid4().hex[:8]}", str(uuid.uuid4())
    assert idem.once(user, key, {"n": 1}, lambda: {"id": "first"}, Deadline.after(10), action=action) == {
        "id": "first"
    }
    with pytest.raises(IdempotencyKeyReused) as refused:
        idem.once(user, key, {"n": 2}, lambda: {"id": "second"}, Deadline.after(10), action=action)
    assert refused.value.message == (
        f"This Idempotency-Key was used for another {action}; use a new key for a new {action}"
    )


def test_a_retry_while_the_first_runs_names_the_action(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAYMENT_IN_FLIGHT_WAIT", "0.2")
    tuning.tuning.cache_clear()
    user, key = f"user-{uuid.uuid4().hex[:8]}", str(uuid.uuid4())
    inner: list[Any] = []

    def first() -> dict[str, Any]:
        # The same key asked again while the first request is still running (a double click).
        with pytest.raises(PaymentInFlight) as busy:
            idem.once(user, key, {"n": 1}, lambda: {"id": "x"}, Deadline.after(10), action="refinance")
        inner.append(busy.value.message)
        return {"id": "first"}

    try:
        idem.once(user, key, {"n": 1}, first, Deadline.after(10), action="refinance")
    finally:
        tuning.tuning.cache_clear()
    assert inner == ["A refinance with this Idempotency-Key is still being processed; ask again shortly"]
