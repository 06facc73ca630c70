"""Full refresh, last step (state machine Task, also reached from the flow's Catch): the summary,
the new data version (and with `include_dashboard` the dashboard computed for it), the lock released."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.observability import logger
from finpulse.sync.refresh.finalise import finalise


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return finalise(event, on_new_version=_recompute_dashboard)


def _recompute_dashboard(user_id: str) -> None:
    from finpulse.dashboard.service import recompute  # deferred: the engine is only needed here

    recompute(user_id)
