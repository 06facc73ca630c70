"""A small, fast HTTP layer: request object, router, JSON responses and FastAPI-shaped errors.

The banks do not use FastAPI's per-request machinery (dependency injection and response models cost
more than the whole hot path), but every error looks exactly like FastAPI's: validation failures are
``422 {"detail": [{"type", "loc", "msg", "input", ...}]}`` and other errors are
``{"detail": {"error": CODE, "message": ...}}`` as the real sandbox raises them.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import orjson
from pydantic import BaseModel, ValidationError

Response = tuple[int, list[tuple[bytes, bytes]], bytes]
Handler = Callable[["Request"], Awaitable[Response]]
M = TypeVar("M", bound=BaseModel)

JSON = [(b"content-type", b"application/json")]


class ApiError(Exception):
    """An error answer: ``{"detail": {"error": code, "message": message, ...}}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: list[tuple[bytes, bytes]] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or []
        self.extra = extra

    def response(self) -> Response:
        body = {"detail": {"error": self.code, "message": self.message, **self.extra}}
        return self.status, JSON + self.headers, orjson.dumps(body)


class Invalid(Exception):
    """422 with FastAPI's ``detail`` list."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("validation error")
        self.errors = errors

    def response(self) -> Response:
        return 422, list(JSON), orjson.dumps({"detail": self.errors})


def json_response(obj: Any, status: int = 200, headers: list[tuple[bytes, bytes]] | None = None) -> Response:
    return status, JSON + (headers or []), orjson.dumps(obj)


def html_response(text: str, status: int = 200) -> Response:
    return status, [(b"content-type", b"text/html; charset=utf-8")], text.encode()


def empty(status: int = 204) -> Response:
    return status, [], b""


@dataclass
class Request:
    """What a handler sees. Header names are lower case; query values are the last given."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    claims: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_scope(cls, scope: dict[str, Any], body: bytes) -> Request:
        raw = scope.get("query_string", b"")
        query = dict(parse_qsl(raw.decode("latin-1"), keep_blank_values=True)) if raw else {}
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        return cls(scope["method"], scope["path"], query, headers, body)

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    # --- parameter validation (errors accumulate, then :meth:`check` raises them all) -------
    def q_str(self, name: str, required: bool = False) -> str | None:
        value = self.query.get(name)
        if value is None and required:
            self.errors.append(
                {"type": "missing", "loc": ["query", name], "msg": "Field required", "input": None}
            )
        return value

    def q_int(self, name: str, default: int, ge: int | None = None, le: int | None = None) -> int:
        raw = self.query.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            self.errors.append(
                {
                    "type": "int_parsing",
                    "loc": ["query", name],
                    "msg": "Input should be a valid integer, unable to parse string as an integer",
                    "input": raw,
                }
            )
            return default
        if ge is not None and value < ge:
            self.errors.append(
                {
                    "type": "greater_than_equal",
                    "loc": ["query", name],
                    "msg": f"Input should be greater than or equal to {ge}",
                    "input": raw,
                    "ctx": {"ge": ge},
                }
            )
        if le is not None and value > le:
            self.errors.append(
                {
                    "type": "less_than_equal",
                    "loc": ["query", name],
                    "msg": f"Input should be less than or equal to {le}",
                    "input": raw,
                    "ctx": {"le": le},
                }
            )
        return value

    def check(self) -> None:
        if self.errors:
            raise Invalid(self.errors)

    def model(self, model: type[M], optional: bool = False) -> M | None:
        """The JSON body validated by ``model``; 422 (FastAPI shape) when it does not fit."""
        if not self.body.strip():
            if optional:
                return None
            raise Invalid([{"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}])
        try:
            data = orjson.loads(self.body)
        except orjson.JSONDecodeError as exc:
            raise Invalid(
                [
                    {
                        "type": "json_invalid",
                        "loc": ["body", exc.pos],
                        "msg": "JSON decode error",
                        "input": {},
                        "ctx": {"error": exc.msg},
                    }
                ]
            ) from None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise Invalid([_fastapi_error(e) for e in exc.errors(include_url=False)]) from None


def _fastapi_error(err: Any) -> dict[str, Any]:
    out = {"type": err["type"], "loc": ["body", *err["loc"]], "msg": err["msg"], "input": err.get("input")}
    if "ctx" in err:
        out["ctx"] = {
            k: v if isinstance(v, str | int | float | bool | None) else str(v) for k, v in err["ctx"].items()
        }
    return out


@dataclass
class Route:
    method: str
    template: str
    handler: Handler
    pattern: re.Pattern[str] | None

    @property
    def operation(self) -> str:
        return f"{self.method} {self.template}"


class Router:
    """Exact paths by dict lookup, templated ones (``/accounts/{account_id}``) by regex."""

    def __init__(self) -> None:
        self.static: dict[tuple[str, str], Route] = {}
        self.dynamic: list[Route] = []

    def add(self, method: str, template: str, handler: Handler) -> None:
        if "{" not in template:
            self.static[(method, template)] = Route(method, template, handler, None)
            return
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        self.dynamic.append(Route(method, template, handler, re.compile(f"^{regex}$")))

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route and its path parameters, or None (404); a wrong method also gives 405."""
        route = self.static.get((method, path))
        if route is not None:
            return route, {}
        allowed = False
        for route in self.dynamic:
            assert route.pattern is not None
            m = route.pattern.match(path)
            if m is not None:
                if route.method == method:
                    return route, m.groupdict()
                allowed = True
        if allowed or any(p == path for _, p in self.static):
            raise MethodNotAllowed
        return None


class MethodNotAllowed(Exception):
    """405, FastAPI's ``{"detail": "Method Not Allowed"}``."""
