"""GET /api/health — liveness for load balancers and the local stack; no auth, no I/O."""

from pydantic import BaseModel

from finpulse.api import create_app, lambda_entry
from finpulse.config import settings

app = create_app()


class Liveness(BaseModel):
    status: str
    env: str


@app.get("/api/health", summary="Liveness check", tags=["platform"], security=[])
def health() -> Liveness:
    return Liveness(status="ok", env=settings().env)


lambda_handler = lambda_entry(app)
