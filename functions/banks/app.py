"""GET /api/banks — configured banks and the caller's connection state at each."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.banks.overview import BanksOverview, banks_overview

app = create_app()


@app.get("/api/banks", summary="Banks and the caller's connections", tags=["banks"])
def banks() -> BanksOverview:
    return banks_overview(current_caller(app).user_id)


lambda_handler = lambda_entry(app)
