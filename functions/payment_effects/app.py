"""After a completed payment (invoked asynchronously): re-sync the banks it touched."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.payments.resync import resync_after


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resync_after(
        str(event["user_id"]), str(event["payment_id"]), context.get_remaining_time_in_millis()
    )
