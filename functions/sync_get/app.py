"""GET /api/sync/{sync_id} — one of the caller's syncs (another user's id is simply not found)."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.api.envelope import openapi_error_responses
from finpulse.data import sync_records as records
from finpulse.data.sync_records import SyncRecord
from finpulse.errors import NotFound

app = create_app()


@app.get(
    "/api/sync/<sync_id>",
    summary="One sync: state, per-bank progress and result, counts, timings",
    tags=["sync"],
    responses=openapi_error_responses(404),
)
def sync_get(sync_id: Annotated[str, Path(pattern=records.SYNC_ID_PATTERN)]) -> SyncRecord:
    record = records.get(current_caller(app).user_id, sync_id)
    if record is None:
        raise NotFound("No such sync", details=[{"field": "sync_id", "message": "unknown sync"}])
    return record


lambda_handler = lambda_entry(app)
