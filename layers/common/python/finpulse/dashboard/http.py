"""What the analytics handlers share: the caller's dashboard as a JSON response, whole or a section.

Responses are written as JSON text directly (see `views.py` for why they are not re-validated);
`documented(model)` gives a route the OpenAPI description of the shape it returns.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from pydantic import BaseModel

from finpulse.api import current_caller
from finpulse.dashboard import service
from finpulse.dashboard.sections import SECTIONS
from finpulse.dashboard.service import DashboardResult


def documented(model: type[BaseModel]) -> dict[int, Any]:
    return {
        200: {
            "description": "Successful response",
            "content": {content_types.APPLICATION_JSON: {"model": model}},
        }
    }


def _meta(result: DashboardResult) -> dict[str, Any]:
    return {
        "data_version": result.version,
        "today": result.today.isoformat(),
        "computed_at": result.cached.computed_at,
        "from_cache": result.from_cache,
        "freshness": [f.model_dump(mode="json") for f in result.freshness],
    }


def _json(body: str) -> Response[str]:
    return Response(
        status_code=200,
        content_type=content_types.APPLICATION_JSON,
        body=body,
        # Per-user figures: never stored by a shared cache (CloudFront passes /api/* through).
        headers={"Cache-Control": "private, no-store"},
    )


def dashboard_response(app: APIGatewayHttpResolver, *, force_refresh: bool) -> Response[str]:
    result = service.get(current_caller(app).user_id, force_refresh=force_refresh)
    meta = json.dumps(_meta(result), ensure_ascii=False)
    # The cached body is spliced in as is: no parse and re-serialise of the whole dashboard.
    return _json(f'{meta[:-1]}, "dashboard": {result.cached.body}}}')


def section_response(app: APIGatewayHttpResolver, name: str) -> Response[str]:
    cut, _ = SECTIONS[name]
    result = service.get(current_caller(app).user_id)
    return _json(json.dumps(_meta(result) | cut(result.data), ensure_ascii=False))


def section_doc(name: str) -> dict[int, Any]:
    return documented(SECTIONS[name][1])
