"""PUT /api/me/financial-inputs — replace the caller's inputs; the dashboard is recomputed."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.dashboard.inputs import FinancialInputsBody, FinancialInputsResponse, save

app = create_app()


@app.put(
    "/api/me/financial-inputs",
    summary="Replace the caller's financial inputs (salary, paydays, overrides, goal, strategy, buffer)",
    description=(
        "The whole set is replaced (omitted fields return to their defaults). Stored together with a "
        "bump of the data version, so the next dashboard read recomputes with the new inputs."
    ),
    tags=["analytics"],
)
def put_inputs(body: FinancialInputsBody) -> FinancialInputsResponse:
    return save(current_caller(app).user_id, body)


lambda_handler = lambda_entry(app)
