"""The bank as an ASGI app: fault layer → router → handler, with every request logged."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import orjson

from sandbox.bank import (
    admin,
    agreement_knobs,
    approval,
    knobs,
    payment_knobs,
    routes_account_consents,
    routes_accounts,
    routes_agreements,
    routes_misc,
    routes_payments,
    routes_products,
)
from sandbox.bank.context import Bank
from sandbox.bank.faults import Decision
from sandbox.bank.http import JSON, ApiError, Invalid, MethodNotAllowed, Request, Response, Router

log = logging.getLogger("sandbox.bank")
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
UNLOGGED = ("/__admin", "/__internal")


def build_router(bank: Bank) -> Router:
    router = Router()
    for module in (
        routes_misc,
        routes_accounts,
        routes_account_consents,
        routes_products,
        routes_agreements,
        routes_payments,
        approval,
    ):
        module.register(router, bank)
    if bank.settings.admin_enabled:
        admin.register(router, bank)
        payment_knobs.register_admin(router, bank)
        agreement_knobs.register_admin(router, bank)
    return router


class BankApp:
    """ASGI application of one bank."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.router = build_router(bank)

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        method, path = scope["method"], scope["path"]
        body = await _read_body(receive)
        decision = self.bank.faults.decide(method, path)
        operation = "?"
        if decision is not None and decision.drop:
            await _drop(send)
            self._record(scope, operation, 0, started, decision)
            return
        if decision is not None and decision.hang and await _client_gone(receive, decision.hang):
            self._record(scope, operation, 499, started, decision)
            return
        if decision is not None and decision.status:
            status, headers, payload = _fault_response(decision)
        else:
            req = Request.from_scope(scope, body)
            try:
                operation, (status, headers, payload) = await self._dispatch(req)
            except knobs.DropAfterCommit:
                await _drop(send)
                dropped = Decision(name="drop_after_commit")
                self._record(scope, f"{req.method} {req.path}", 0, started, dropped)
                return
            if decision is not None and decision.latency:
                await asyncio.sleep(decision.latency)
            if decision is not None and decision.malformed and status == 200:
                payload = payload[: max(1, len(payload) // 2)]
        headers = [*headers, (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})
        self._record(scope, operation, status, started, decision)

    async def _dispatch(self, req: Request) -> tuple[str, Response]:
        operation = f"{req.method} {req.path}"
        try:
            found = self.router.match(req.method, req.path)
            if found is None:
                return operation, (404, list(JSON), b'{"detail":"Not Found"}')
            route, req.params = found
            operation = route.operation
            return operation, await route.handler(req)
        except ApiError as exc:
            return operation, exc.response()
        except Invalid as exc:
            return operation, exc.response()
        except MethodNotAllowed:
            return operation, (405, list(JSON), b'{"detail":"Method Not Allowed"}')
        except knobs.DropAfterCommit:
            raise
        except Exception:
            log.exception("unhandled error in %s %s", req.method, req.path)
            return operation, (500, list(JSON), b'{"detail":"Internal Server Error"}')

    def _record(
        self, scope: dict[str, Any], operation: str, status: int, started: float, decision: Decision | None
    ) -> None:
        path = scope["path"]
        if path.startswith(UNLOGGED):
            return
        headers = dict(scope["headers"])
        interaction = headers.get(b"x-fapi-interaction-id")
        self.bank.log.record(
            scope["method"],
            path,
            scope.get("query_string", b"").decode("latin-1"),
            operation,
            status,
            (time.perf_counter() - started) * 1000,
            decision.name if decision else "",
            interaction.decode("latin-1") if interaction else None,
        )

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.bank.close()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def _client_gone(receive: Receive, seconds: float) -> bool:
    """Hold the request up to ``seconds``; True if the client disconnected meanwhile."""

    async def wait() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    try:
        await asyncio.wait_for(wait(), timeout=seconds)
    except TimeoutError:
        return False
    return True


async def _drop(send: Send) -> None:
    """Close the connection without an answer (uvicorn's transport, reached through ``send``)."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is not None:
        transport.abort()
        return
    # Fallback for servers that hide the transport: start an answer and never finish it.
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
    raise ConnectionAbortedError("dropped by fault injection")


def _fault_response(decision: Decision) -> Response:
    if decision.status == 429:
        body = {"detail": {"error": "RATE_LIMITED", "message": "Too many requests"}}
        return 429, [*JSON, (b"retry-after", str(decision.retry_after).encode())], orjson.dumps(body)
    texts = {
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
        504: "Gateway Timeout",
    }
    return decision.status, list(JSON), orjson.dumps({"detail": texts.get(decision.status, "Server Error")})
