"""Full refresh, last step (state machine Task, also reached from the flow's Catch): the summary,
derived caches invalidated, the lock released."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.sync.finalise import finalise


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return finalise(event)
