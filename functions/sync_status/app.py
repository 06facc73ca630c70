"""GET /api/sync/status — the caller's latest sync: state, per-bank progress, counts, timings."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.data import sync_records as records
from finpulse.sync.api.models import SyncStatus

app = create_app()


@app.get("/api/sync/status", summary="The caller's latest sync", tags=["sync"])
def sync_status() -> SyncStatus:
    return SyncStatus(sync=records.latest(current_caller(app).user_id))


lambda_handler = lambda_entry(app)
