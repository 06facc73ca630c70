"""Powertools Idempotency on the template's IdempotencyTable, keyed by user and Idempotency-Key.

The same key with the same body returns the first answer's payment (as it is now: a retried
request learns that a pending payment completed); another body under the key is 422
`IDEMPOTENCY_KEY_REUSED`; while the first request is still running, a retry waits for its answer
(`PAYMENT_IN_FLIGHT_WAIT`) and then gets 409 `IDEMPOTENCY_IN_PROGRESS`. Keys are kept 30 days.
The payments table's key item is the second lock on the same door: even after Powertools' record
expired (a request killed mid-way), a key never creates a second payment.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from finpulse.banks.retry import Deadline
from finpulse.config import settings
from finpulse.errors import UpstreamUnavailable
from finpulse.payments.errors import IdempotencyKeyReused, PaymentInFlight
from finpulse.payments.tuning import tuning

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

KEY_PREFIX = "finpulse.payments"
KEEP_SECONDS = 30 * 24 * 3600
_RETRY_SLEEP = 0.1


@cache
def _persistence() -> DynamoDBPersistenceLayer:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    return DynamoDBPersistenceLayer(table_name=settings().idempotency_table)


class _Remaining:
    """What Powertools reads from a Lambda context: an in-progress record expires with the request."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline

    def get_remaining_time_in_millis(self) -> int:
        return int(self.deadline.remaining() * 1000)


def _run(*, request: dict[str, Any], work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    return work()


def once(
    user_id: str,
    key: str,
    payment: dict[str, Any],
    work: Callable[[], dict[str, Any]],
    deadline: Deadline,
    *,
    action: str = "payment",
) -> dict[str, Any]:
    """`work()` at most once per (user, key); its stored answer otherwise. `action` names what is
    done once in the messages ("payment", "deposit opening", …): payments share this with
    agreements and refinance."""
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig, idempotent_function
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyPersistenceLayerError,
        IdempotencyValidationError,
    )

    config = IdempotencyConfig(
        event_key_jmespath="[user, key]",
        payload_validation_jmespath="payment",
        raise_on_no_idempotency_key=True,
        expires_after_seconds=KEEP_SECONDS,
        lambda_context=_Remaining(deadline),  # type: ignore[arg-type]
    )
    run = idempotent_function(
        _run,
        data_keyword_argument="request",
        persistence_store=_persistence(),
        config=config,
        key_prefix=KEY_PREFIX,
    )
    request = {"user": user_id, "key": key, "payment": payment}
    wait_until = time.monotonic() + min(
        tuning().in_flight_wait.total_seconds(), max(0.0, deadline.remaining() - 2)
    )
    while True:
        try:
            result: dict[str, Any] = run(request=request, work=work)
            return result
        except IdempotencyValidationError:
            raise IdempotencyKeyReused(
                f"This Idempotency-Key was used for another {action}; use a new key for a new {action}",
                details=[{"field": "header.idempotency-key", "message": "already used with another body"}],
            ) from None
        except IdempotencyAlreadyInProgressError:
            if time.monotonic() >= wait_until:
                raise PaymentInFlight(
                    f"A {action} with this Idempotency-Key is still being processed; ask again shortly",
                    details=[{"field": "header.idempotency-key", "message": "in flight"}],
                ) from None
            time.sleep(_RETRY_SLEEP)
        except IdempotencyPersistenceLayerError:
            raise UpstreamUnavailable(
                "The idempotency store is unavailable; retry with the same key"
            ) from None
