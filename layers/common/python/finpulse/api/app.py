"""The resolver every function uses, and the Lambda entry point that wraps it."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.middlewares.openapi_validation import (
    OpenAPIRequestValidationMiddleware,
)
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from finpulse.api.body import check_content_type, parse_json_body
from finpulse.api.envelope import error_response, openapi_error_responses
from finpulse.api.identity import reject_foreign_user_id
from finpulse.errors import FinPulseError
from finpulse.observability import logger, metrics

# Every route documents these; a route adds its own (404, 409, ...) with `responses=`.
_COMMON_ERRORS = (401, 403, 422, 500)
# ... and a route that reads a body these (finpulse.api.body).
_BODY_ERRORS = (400, 413, 415)


def _takes_body(handler: Callable[..., Any]) -> bool:
    """A parameter typed as a model (or an optional one) is the route's body."""
    hints = typing.get_type_hints(handler)
    hints.pop("return", None)
    types = [t for hint in hints.values() for t in (typing.get_args(hint) or (hint,))]
    return any(isinstance(t, type) and issubclass(t, BaseModel) for t in types)


# Parameters of `route` after (self, rule, method); `get`/`post` pass them positionally.
_ROUTE_PARAMS = tuple(inspect.signature(APIGatewayHttpResolver.route).parameters)[3:]


class _StrictBodyValidation(OpenAPIRequestValidationMiddleware):
    """Powertools' request validation, reading the body through `finpulse.api.body` (413, 415, 400)
    instead of trusting it to decode, parse and size itself."""

    def __init__(self) -> None:
        pass  # the base's __init__ is untyped and does nothing

    def _get_body(self, app: Any) -> Any:
        event = app.current_event
        if event.body:
            check_content_type(event.headers.get("content-type", ""))
        return parse_json_body(event.body, bool(event.is_base64_encoded))


class FinPulseResolver(APIGatewayHttpResolver):
    """HTTP API resolver whose routes all document the error envelope in OpenAPI and whose bodies
    are read strictly, once, for every route."""

    def __init__(self) -> None:
        super().__init__(enable_validation=True)
        self._request_validation_middleware = _StrictBodyValidation()

    def route(self, rule: str, method: Any, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        options = dict(zip(_ROUTE_PARAMS, args, strict=False)) | kwargs
        success = options.get("status_code") or 200
        register = super().route

        def decorate(handler: Callable[..., Any]) -> Any:
            body_errors = _BODY_ERRORS if _takes_body(handler) else ()
            options["responses"] = {
                # Without `content`, Powertools documents the route's return annotation here.
                success: {"description": options.get("response_description") or "Successful response"},
                **openapi_error_responses(*_COMMON_ERRORS, *body_errors),
                **(options.get("responses") or {}),
            }
            return register(rule, method, **options)(handler)

        return decorate


def _request_id(app: APIGatewayHttpResolver) -> str | None:
    try:
        return app.current_event.request_context.request_id
    except (AttributeError, KeyError):
        return None


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


def create_app() -> FinPulseResolver:
    app = FinPulseResolver()
    app.use(middlewares=[reject_foreign_user_id])

    @app.exception_handler(RequestValidationError)
    def _validation(exc: RequestValidationError) -> Response[str]:
        details = [
            {"field": _loc(e.get("loc", ())), "message": e.get("msg", e.get("type", "invalid"))}
            for e in exc.errors()
        ]
        return error_response(
            422, "VALIDATION_ERROR", "The request is not valid", details=details, request_id=_request_id(app)
        )

    @app.exception_handler(FinPulseError)
    def _domain(exc: FinPulseError) -> Response[str]:
        if exc.status >= 500:
            logger.exception("request failed", extra={"code": exc.code})
        return error_response(
            exc.status, exc.code, exc.message, details=exc.details, request_id=_request_id(app)
        )

    @app.not_found
    def _not_found(_: Exception) -> Response[str]:
        return error_response(404, "NOT_FOUND", "No such route", request_id=_request_id(app))

    @app.exception_handler(Exception)
    def _unexpected(exc: Exception) -> Response[str]:
        logger.exception("unhandled error")
        return error_response(
            500, "INTERNAL_ERROR", "Something went wrong on our side", request_id=_request_id(app)
        )

    return app


def lambda_entry(app: APIGatewayHttpResolver) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler for a function: logging with correlation id, and metrics."""

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP, clear_state=True)
    @metrics().log_metrics(capture_cold_start_metric=True)
    def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        response: dict[str, Any] = app.resolve(event, context)
        return response

    wrapped: Callable[[dict[str, Any], LambdaContext], dict[str, Any]] = lambda_handler
    return wrapped
