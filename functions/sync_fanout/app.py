"""Scheduled refresh (state machine Task on `{"source": "schedule"}`): one page of users with live
consents, their refreshes started at a bounded rate."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.sync.refresh.fanout import fan_out


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    # The state machine passes its own ARN: the per-user refreshes run on the same machine.
    return fan_out(event["input"], state_machine_arn=str(event["state_machine_arn"]))
