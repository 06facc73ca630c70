"""FinPulse's single error envelope, as a model (for OpenAPI) and as a response builder.

{"error": {"status": 422, "code": "VALIDATION_ERROR", "message": "...",
           "details": [{"field": "body.amount", "message": "..."}], "request_id": "..."}}
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.event_handler import Response, content_types
from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    field: str | None = Field(default=None, description="Dotted location of the offending input")
    message: str


class ErrorBody(BaseModel):
    status: int = Field(description="HTTP status, repeated for clients that lose it")
    code: str = Field(description="Machine-readable code, stable across releases")
    message: str = Field(description="Human-readable explanation")
    details: list[ErrorDetail] = Field(default_factory=list)
    request_id: str | None = Field(default=None, description="Correlation id for support and logs")


class ErrorResponse(BaseModel):
    error: ErrorBody


class GatewayMessage(BaseModel):
    """What API Gateway itself answers before any function runs: its JWT authorizer's 401
    (`{"message": "Unauthorized"}`), and its own 404, 413, 429, 503 and 504 answers."""

    message: str


_DESCRIPTIONS = {
    400: "Malformed body: not UTF-8, not JSON, nested too deep, or a number too long",
    401: "Missing or invalid token (answered by API Gateway's JWT authorizer, in its own shape)",
    403: "Forbidden: the resource belongs to someone else, or a user_id other than the caller's",
    404: "Not found",
    409: "Conflict with the current state",
    413: "The request body is too large",
    415: "The request body is not application/json",
    422: "Validation error: `details` names each field",
    500: "Unexpected error (reported with a request id)",
    503: "A bank or dependency is unavailable; retry later",
}


def openapi_error_responses(*statuses: int) -> dict[int, Any]:
    return {
        s: {
            "description": _DESCRIPTIONS[s],
            "content": {
                content_types.APPLICATION_JSON: {"model": GatewayMessage if s == 401 else ErrorResponse}
            },
        }
        for s in statuses
    }


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    details: list[dict[str, Any]] | None = None,
    request_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response[str]:
    body = ErrorResponse(
        error=ErrorBody(
            status=status,
            code=code,
            message=message,
            details=[ErrorDetail.model_validate(d) for d in details or []],
            request_id=request_id,
        )
    )
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps(body.model_dump(mode="json"), ensure_ascii=False),
        headers=headers,
    )
