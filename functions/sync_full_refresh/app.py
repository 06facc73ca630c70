"""POST /api/sync/full-refresh?force=&include_dashboard= — start the caller's full refresh."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Query

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import error_response, openapi_error_responses
from finpulse.sync.api.models import RefreshAccepted
from finpulse.sync.refresh.lock import LockHeld
from finpulse.sync.refresh.start import start_full_refresh

app = create_app()


@app.post(
    "/api/sync/full-refresh",
    summary="Start a full refresh of every connected bank",
    description=(
        "Takes the caller's sync lock and starts the refresh state machine; 202 with the sync id to "
        "poll (`GET /api/sync/{sync_id}`). 409 with the running sync id when one is running. Banks "
        "synced in the last minutes are skipped unless `force`; `include_dashboard` also recomputes "
        "analytics at the end."
    ),
    tags=["sync"],
    status_code=202,
    responses={
        202: {
            "description": "Started: poll `status_url`",
            "content": {content_types.APPLICATION_JSON: {"model": RefreshAccepted}},
        },
        **openapi_error_responses(409),
    },
)
def full_refresh(
    force: Annotated[bool, Query()] = False,
    include_dashboard: Annotated[bool, Query()] = False,
) -> Response[str]:
    user_id = current_caller(app).user_id
    try:
        started = start_full_refresh(user_id, force=force, include_dashboard=include_dashboard)
    except LockHeld as held:
        return error_response(
            409,
            "SYNC_RUNNING",
            "A sync is already running",
            details=[{"field": "sync_id", "message": held.owner}],
            request_id=app.current_event.request_context.request_id,
            headers={"Location": f"/api/sync/{held.owner}"},
        )
    body = RefreshAccepted(sync_id=started.sync_id, status_url=f"/api/sync/{started.sync_id}")
    return Response(
        status_code=202,
        content_type=content_types.APPLICATION_JSON,
        body=body.model_dump_json(),
        headers={"Location": body.status_url},
    )


lambda_handler = lambda_entry(app)
