"""Who is calling: taken only from the claims API Gateway's JWT authorizer verified.

The user id is the Cognito `sub`. A `user_id` that a client sends in the query or body is never
trusted; if it differs from the caller the request is refused (403), so old clients that still
send it keep working as long as they send their own.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from pydantic import BaseModel

from finpulse.api.body import parse_json_body
from finpulse.errors import FinPulseError, Forbidden, Unauthorized


class Caller(BaseModel):
    user_id: str
    email: str | None = None
    username: str | None = None


def _claims(app: APIGatewayHttpResolver) -> dict[str, Any]:
    authorizer = app.current_event.request_context.authorizer
    claims = authorizer.jwt_claim if authorizer else None
    return dict(claims or {})


def current_caller(app: APIGatewayHttpResolver) -> Caller:
    claims = _claims(app)
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        # Only reachable if a route is deployed without the authorizer: fail closed.
        raise Unauthorized("This endpoint needs a signed-in user")
    username = claims.get("cognito:username") or claims.get("username")
    return Caller(user_id=sub, email=claims.get("email"), username=username)


def _body_user_id(app: APIGatewayHttpResolver) -> object:
    event = app.current_event
    try:
        parsed = parse_json_body(event.body, bool(event.is_base64_encoded))
    except FinPulseError:
        return None  # a route that takes a body has refused it already; others ignore bodies
    return parsed.get("user_id") if isinstance(parsed, dict) else None


def reject_foreign_user_id(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Any:
    """Middleware: a `user_id` in query or body must be the caller's own."""
    sent = [
        v
        for v in ((app.current_event.query_string_parameters or {}).get("user_id"), _body_user_id(app))
        if v is not None
    ]
    if sent:
        caller = current_caller(app)
        if any(v != caller.user_id for v in sent):
            raise Forbidden(
                "user_id does not match the signed-in user",
                details=[{"field": "user_id", "message": "must be omitted or equal the caller's id"}],
            )
    return next_middleware(app)
