"""Errors that map to one HTTP status and one machine code in FinPulse's error envelope.

Domain code raises these; the API layer turns them into the documented envelope. Anything else
that escapes a handler is a bug and becomes a 500 with a request id, never a stack trace.
"""

from __future__ import annotations

from typing import Any, ClassVar


class FinPulseError(Exception):
    status: ClassVar[int] = 500
    code: ClassVar[str] = "INTERNAL_ERROR"

    def __init__(self, message: str, *, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class BadRequest(FinPulseError):
    status = 400
    code = "BAD_REQUEST"


class Unauthorized(FinPulseError):
    status = 401
    code = "UNAUTHORIZED"


class Forbidden(FinPulseError):
    status = 403
    code = "FORBIDDEN"


class NotFound(FinPulseError):
    status = 404
    code = "NOT_FOUND"


class Conflict(FinPulseError):
    status = 409
    code = "CONFLICT"


class PayloadTooLarge(FinPulseError):
    status = 413
    code = "PAYLOAD_TOO_LARGE"


class UnsupportedMediaType(FinPulseError):
    status = 415
    code = "UNSUPPORTED_MEDIA_TYPE"


class Unprocessable(FinPulseError):
    status = 422
    code = "VALIDATION_ERROR"


class UpstreamUnavailable(FinPulseError):
    """A bank or AWS dependency failed in a way the caller can retry later."""

    status = 503
    code = "UPSTREAM_UNAVAILABLE"
