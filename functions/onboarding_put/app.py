"""PUT /api/onboarding — save the caller's step and choices, so the flow resumes anywhere."""

from finpulse.api import create_app, current_caller, lambda_entry
from finpulse.onboarding.progress import OnboardingBody, OnboardingProgress, save

app = create_app()


@app.put(
    "/api/onboarding",
    summary="Save the caller's onboarding progress",
    description=(
        "Replaces the step and the chosen banks (with the consent kinds wanted beyond accounts) and "
        "the first sync's id. `started_at` and the first `completed_at` (step `done`) are kept."
    ),
    tags=["onboarding"],
)
def put_onboarding(body: OnboardingBody) -> OnboardingProgress:
    return save(current_caller(app).user_id, body)


lambda_handler = lambda_entry(app)
