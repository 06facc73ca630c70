"""GET /api/me/financial-inputs — the caller's inputs (defaults until they save any)."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.dashboard.inputs import FinancialInputsResponse, view

app = create_app()


@app.get("/api/me/financial-inputs", summary="The caller's financial inputs", tags=["analytics"])
def get_inputs() -> FinancialInputsResponse:
    return view(current_caller(app).user_id)


lambda_handler = lambda_entry(app)
