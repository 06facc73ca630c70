"""GET /api/banks/{bank_id}/bootstrap — sync one bank now and return its stored data."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.sync.api.models import BootstrapResponse
from finpulse.sync.refresh.bootstrap import bootstrap

app = create_app()


@app.get(
    "/api/banks/<bank_id>/bootstrap",
    summary="Sync one bank now; its accounts, balances, agreements, latest transactions and status",
    description=(
        "Bounded by the function's timeout. When the bank fails, the stored data comes back flagged "
        "stale with the error; when a full refresh is running, the stored data with its sync id."
    ),
    tags=["sync"],
    responses=openapi_error_responses(404),
)
def bank_bootstrap(bank_id: Annotated[str, Path(pattern=r"^[a-z][a-z0-9-]{1,31}$")]) -> BootstrapResponse:
    return bootstrap(current_caller(app).user_id, bank_id, app.lambda_context.get_remaining_time_in_millis())


lambda_handler = lambda_entry(app)
