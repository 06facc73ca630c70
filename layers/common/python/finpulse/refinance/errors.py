"""Why a refinance is refused before anything starts: one class, status and code per check."""

from __future__ import annotations

from finpulse.agreements.errors import BY_CODE as AGREEMENT_CODES
from finpulse.agreements.errors import ActionRefused
from finpulse.errors import NotFound
from finpulse.payments.errors import PaymentRefused


class OfferNotFound(ActionRefused, NotFound):
    status = 404
    code = "OFFER_NOT_FOUND"


class LoanNotFound(ActionRefused, NotFound):
    status = 404
    code = "LOAN_NOT_FOUND"


class NothingOutstanding(ActionRefused):
    code = "NOTHING_OUTSTANDING"


class PayoutAccountMissing(ActionRefused):
    code = "PAYOUT_ACCOUNT_MISSING"


class RefinanceNotFound(NotFound):
    code = "REFINANCE_NOT_FOUND"


BY_CODE: dict[str, type[PaymentRefused]] = {
    **AGREEMENT_CODES,
    **{c.code: c for c in (OfferNotFound, LoanNotFound, NothingOutstanding, PayoutAccountMissing)},
}
