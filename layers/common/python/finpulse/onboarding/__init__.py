"""The user's onboarding progress, stored with the user so the flow resumes on any device."""
