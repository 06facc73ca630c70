"""GET /api/onboarding — where the caller is in onboarding (the start until they save any)."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.onboarding.progress import OnboardingProgress, load

app = create_app()


@app.get("/api/onboarding", summary="The caller's onboarding progress", tags=["onboarding"])
def get_onboarding() -> OnboardingProgress:
    return load(current_caller(app).user_id)


lambda_handler = lambda_entry(app)
