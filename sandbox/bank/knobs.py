"""Knob sets: named misbehaviours of a bank, each switched on through its own ``/__admin`` path.

A ``Knobs`` holds one validated configuration (``GET/PUT/PATCH/DELETE``), and counts down the
``N``-times knobs as routes consume them. The payment knobs and the agreement knobs are both one.
"""

from __future__ import annotations

from typing import Any, ClassVar

import orjson

from sandbox.bank.http import ApiError, Request, Response, Router, json_response


class DropAfterCommit(Exception):
    """Raised by a route after it committed: the app closes the connection without an answer."""


class Knobs:
    KNOBS: ClassVar[dict[str, type | tuple[type, ...]]] = {}
    WHAT: ClassVar[str] = "knob"

    def __init__(self) -> None:
        self.config: dict[str, Any] = {}

    def validate(self, config: dict[str, Any]) -> None:
        for key, value in config.items():
            expected = self.KNOBS.get(key)
            if expected is None:
                raise ValueError(f"unknown {self.WHAT} {key!r}; known: {', '.join(sorted(self.KNOBS))}")
            if value is not None and (
                not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool)
            ):
                raise ValueError(f"{self.WHAT} {key!r} has the wrong type")

    def set(self, config: dict[str, Any]) -> dict[str, Any]:
        self.validate(config)
        self.config = {k: v for k, v in config.items() if v is not None}
        return self.config

    def clear(self) -> None:
        self.config = {}

    def take(self, name: str) -> bool:
        """True (and one fewer left) when a counted knob applies to this request."""
        left = int(self.config.get(name) or 0)
        if left <= 0:
            return False
        self.config[name] = left - 1
        return True


def register_admin(router: Router, knobs: Knobs, path: str, error_code: str) -> None:
    def body(req: Request) -> dict[str, Any]:
        try:
            data = orjson.loads(req.body) if req.body.strip() else {}
        except orjson.JSONDecodeError:
            raise ApiError(400, "INVALID_JSON", "Body is not JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "INVALID_JSON", "Body must be a JSON object")
        return data

    def apply(config: dict[str, Any]) -> Response:
        try:
            return json_response(knobs.set(config))
        except (ValueError, ApiError) as exc:
            raise ApiError(400, error_code, str(exc)) from None

    async def get(req: Request) -> Response:
        return json_response(knobs.config)

    async def put(req: Request) -> Response:
        return apply(body(req))

    async def patch(req: Request) -> Response:
        return apply({**knobs.config, **body(req)})

    async def delete(req: Request) -> Response:
        knobs.clear()
        return json_response({})

    for method, handler in (("GET", get), ("PUT", put), ("PATCH", patch), ("DELETE", delete)):
        router.add(method, path, handler)
