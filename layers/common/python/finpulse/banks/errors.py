"""Typed errors of bank calls. Each carries the bank id, the operation and the bank's HTTP status.

They subclass the API's errors, so an endpoint that lets one escape still answers with the
documented envelope: bank-side trouble is 503 (retry later), consent trouble is 409 (the user must
reconnect), a request the bank refused is 422. The machine code tells them apart.
"""

from __future__ import annotations

from typing import Any, ClassVar

from finpulse.errors import Conflict, FinPulseError, Unprocessable, UpstreamUnavailable


class BankError(FinPulseError):
    """Mixin data of every bank error (the concrete classes pick the HTTP family)."""

    code: ClassVar[str] = "BANK_ERROR"

    def __init__(
        self,
        message: str,
        *,
        bank_id: str,
        operation: str,
        http_status: int | None = None,
        bank_code: str | None = None,
        details: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.bank_id = bank_id
        self.operation = operation
        self.http_status = http_status
        self.bank_code = bank_code

    def describe(self) -> dict[str, Any]:
        """A loggable summary: codes and ids only. The bank's message text stays out of logs — banks
        echo customer ids and account numbers in it."""
        return {
            "code": self.code,
            "bank_code": self.bank_code,
            "bank_id": self.bank_id,
            "operation": self.operation,
            "http_status": self.http_status,
        }


class BankUnavailable(BankError, UpstreamUnavailable):
    """Connection errors, timeouts or 5xx that outlived the retries."""

    code = "BANK_UNAVAILABLE"


class BankRateLimited(BankError, UpstreamUnavailable):
    """429 that outlived the retries, or a Retry-After longer than the caller's deadline."""

    code = "BANK_RATE_LIMITED"

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class BankTokenRejected(BankError, UpstreamUnavailable):
    """The bank refused our team token even after one fresh one, or its token failed verification."""

    code = "BANK_TOKEN_REJECTED"


class InvalidBankResponse(BankError, UpstreamUnavailable):
    """The bank answered something we cannot parse (malformed JSON, missing fields, unknown words)."""

    code = "BANK_INVALID_RESPONSE"


class ConsentProblem(BankError, Conflict):
    """Base of consent answers: the user has to (re)connect the bank."""

    code = "CONSENT_PROBLEM"


class ConsentRequired(ConsentProblem):
    code = "CONSENT_REQUIRED"


class ConsentRevoked(ConsentProblem):
    code = "CONSENT_REVOKED"


class ConsentExpired(ConsentProblem):
    code = "CONSENT_EXPIRED"


class InsufficientPermissions(ConsentProblem):
    code = "INSUFFICIENT_PERMISSIONS"


class BankRejectedRequest(BankError, Unprocessable):
    """A 4xx the bank meant (validation, unknown customer or resource): retrying will not help."""

    code = "BANK_REJECTED_REQUEST"


class BankResourceNotFound(BankRejectedRequest):
    code = "BANK_NOT_FOUND"
