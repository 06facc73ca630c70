"""Full refresh, step 2 (state machine Map item): sync one bank.

Raises BankTemporarilyUnavailable when the bank is down, so the state machine's Retry (backoff
with jitter) tries again; consent trouble and partial failures return normally (recorded).
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.sync.refresh.steps import sync_bank


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return sync_bank(event, context.get_remaining_time_in_millis())
