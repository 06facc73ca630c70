"""Full refresh step (state machine Task): follow up every open payment of the user."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.payments.reconcile import open_for_user


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return open_for_user(str(event["user_id"]), str(event["sync_id"]), context.get_remaining_time_in_millis())
