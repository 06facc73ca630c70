"""What the agreement handlers share: the documented answers and the Idempotency-Key rules."""

from __future__ import annotations

from typing import Any

from finpulse.agreements.views import AgreementActionView
from finpulse.api.envelope import openapi_error_responses
from finpulse.payments.http import documented

RULES = (
    " Every check runs before the bank is asked, each failure with its own code and status (see the "
    "quote): 403 for what the product consent lacks, 404 for an unknown product or agreement, 422 "
    "for amounts, terms and funds. 201: done (`completed`, with the bank re-synced) or refused by the "
    "bank (`rejected`/`failed`); 202: `unknown` (the bank did not answer; FinPulse settles it from the "
    "bank's list and never sends it again — retry with the same key to check). The same "
    "Idempotency-Key with the same body returns the same action; with another body 422 "
    "`IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_IN_PROGRESS`."
)


def action_responses() -> dict[int, Any]:
    return {
        **documented(AgreementActionView, 201, description="Done at the bank, or refused by it"),
        **documented(AgreementActionView, 202, description="Sent; the outcome is not known yet"),
        **openapi_error_responses(403, 404, 409, 503),
    }
