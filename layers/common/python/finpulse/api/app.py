"""The resolver every function uses, and the Lambda entry point that wraps it."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.api.envelope import error_response, openapi_error_responses
from finpulse.api.identity import reject_foreign_user_id
from finpulse.errors import FinPulseError
from finpulse.observability import logger, metrics

# Every route documents these; a route adds its own (404, 409, ...) with `responses=`.
_COMMON_ERRORS = (401, 403, 422, 500)


# Parameters of `route` after (self, rule, method); `get`/`post` pass them positionally.
_ROUTE_PARAMS = tuple(inspect.signature(APIGatewayHttpResolver.route).parameters)[3:]


class FinPulseResolver(APIGatewayHttpResolver):
    """HTTP API resolver whose routes all document the error envelope in OpenAPI."""

    def route(self, rule: str, method: Any, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        options = dict(zip(_ROUTE_PARAMS, args, strict=False)) | kwargs
        success = options.get("status_code") or 200
        options["responses"] = {
            # Without `content`, Powertools documents the route's return annotation here.
            success: {"description": options.get("response_description") or "Successful response"},
            **openapi_error_responses(*_COMMON_ERRORS),
            **(options.get("responses") or {}),
        }
        return super().route(rule, method, **options)


def _request_id(app: APIGatewayHttpResolver) -> str | None:
    try:
        return app.current_event.request_context.request_id
    except (AttributeError, KeyError):
        return None


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


def create_app() -> FinPulseResolver:
    app = FinPulseResolver(enable_validation=True)
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
