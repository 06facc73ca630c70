"""GET /api/me/banks — the caller's customer ids at each bank."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.consents.identity import BankIdentities, list_identities

app = create_app()


@app.get("/api/me/banks", summary="The caller's customer ids at the banks", tags=["consents"])
def identities() -> BankIdentities:
    return list_identities(current_caller(app).user_id)


lambda_handler = lambda_entry(app)
