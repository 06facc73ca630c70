"""GET /api/me — who the verified token says the caller is."""

from finpulse.api import Caller, create_app, current_caller, lambda_entry

app = create_app()


@app.get("/api/me", summary="The signed-in user", tags=["platform"])
def me() -> Caller:
    return current_caller(app)


lambda_handler = lambda_entry(app)
