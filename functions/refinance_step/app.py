"""The refinance state machine's Task: one step of one refinance, from its record (no HTTP route)."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.refinance.saga import interrupted, run_step


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    user_id, refinance_id, step = str(event["user_id"]), str(event["refinance_id"]), str(event["step"])
    if step == "interrupted":
        return interrupted(user_id, refinance_id, str(event.get("error") or "error"))
    return run_step(user_id, refinance_id, step, context.get_remaining_time_in_millis())  # type: ignore[arg-type]
