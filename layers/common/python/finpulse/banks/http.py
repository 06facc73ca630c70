"""One bank's HTTP transport: pooled connections, FAPI headers, retries, typed errors, the status log.

A pooled `httpx.Client` per bank lives for the whole process, so warm Lambda invocations reuse
their TLS connections. Every request carries `X-Requesting-Bank` (team id) and a fresh
`X-Fapi-Interaction-Id`; callers add the bearer token, the consent header and `client_id`.

Retries: connection errors, timeouts, 5xx and 429, with exponential backoff and full jitter;
429 waits for the bank's `Retry-After`. Nothing is retried past the caller's deadline. A request
that may have reached the bank (timeout after sending, 5xx) is retried only when the caller says
the operation is idempotent. Other 4xx are never retried.

Nothing here logs a URL (the token endpoint takes the team secret in its query), a header or a
body: only bank id, operation, attempt, outcome and status.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic_core import from_json

from finpulse.banks.errors import (
    BankError,
    BankRateLimited,
    BankRejectedRequest,
    BankResourceNotFound,
    BankTokenRejected,
    BankUnavailable,
    ConsentExpired,
    ConsentRequired,
    ConsentRevoked,
    InsufficientPermissions,
    InvalidBankResponse,
)
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import RETRYABLE_STATUSES, Deadline, next_sleep, parse_retry_after
from finpulse.banks.statuslog import CallRecord, CallRecorder, default_recorder
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from finpulse.observability import logger

if TYPE_CHECKING:
    # Imported on the first bank call, not at import: status reads often need no bank at all.
    import httpx

# httpx logs every request line (with its query string) at INFO; the token request's query holds
# the team secret. Only warnings and above from the HTTP stack, whatever the root level.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)


class ClientIdIn(Enum):
    """Where an endpoint wants the bank customer id."""

    NONE = "none"
    QUERY = "query"
    BODY = "body"
    BOTH = "both"  # banks differ; sending both is accepted everywhere we know


@dataclass(frozen=True, slots=True)
class BankAnswer:
    status: int
    body: Any  # parsed JSON, or None for an empty answer


_clients: dict[tuple[str, str], httpx.Client] = {}
_clients_lock = threading.Lock()


def pooled_client(bank: BankConfig) -> httpx.Client:
    import httpx

    key = (bank.bank_id, str(bank.base_url))
    client = _clients.get(key)
    if client is None:
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                t = tuning()
                client = httpx.Client(
                    base_url=str(bank.base_url).rstrip("/"),
                    timeout=httpx.Timeout(t.read_timeout, connect=t.connect_timeout),
                    limits=httpx.Limits(
                        max_connections=bank.concurrency * 2, max_keepalive_connections=bank.concurrency
                    ),
                    headers={"User-Agent": "FinPulse/1.0", "Accept": "application/json"},
                    follow_redirects=False,
                    transport=httpx.HTTPTransport(retries=0),  # we retry, with backoff
                )
                _clients[key] = client
    return client


def close_clients() -> None:
    """Close every pooled client (tests that restart banks on new ports)."""
    with _clients_lock:
        for client in _clients.values():
            client.close()
        _clients.clear()


def _bank_error_fields(body: Any) -> tuple[str | None, str | None]:
    """(code, message) from FastAPI-style, flat, `errors[]` or OBIE-style (`Errors[].ErrorCode`) bodies."""
    if isinstance(body, dict):
        listed = body.get("errors") or body.get("Errors")
        if isinstance(listed, list) and listed and isinstance(listed[0], dict) and "detail" not in body:
            first = listed[0]
            code = first.get("code") or first.get("ErrorCode") or first.get("error")
            message = first.get("message") or first.get("Message") or body.get("message")
            return (str(code) if code else None, str(message)[:300] if message else None)
    detail = body.get("detail", body) if isinstance(body, dict) else body
    if isinstance(detail, dict):
        code = detail.get("error") or detail.get("code")
        message = detail.get("message") or detail.get("msg")
        return (str(code) if code else None, str(message)[:300] if message else None)
    if isinstance(detail, list) and detail:  # 422 validation list
        first = detail[0] if isinstance(detail[0], dict) else {}
        loc = ".".join(str(p) for p in first.get("loc", []) if p != "body")
        return ("VALIDATION_ERROR", f"{loc}: {first.get('msg', 'invalid')}"[:300])
    if isinstance(detail, str):
        return (None, detail[:300])
    return (None, None)


# Consent words as letters only: `CONSENT_REVOKED`, `consent-revoked`, `ConsentRevoked` and
# "Consent revoked by the customer" all say the same thing.
_CONSENT_WORDS: tuple[tuple[str, type[BankError]], ...] = (
    ("consentrevoked", ConsentRevoked),
    ("consentexpired", ConsentExpired),
    ("consentrequired", ConsentRequired),
    ("consentnotfound", ConsentRequired),
    ("consentinvalid", ConsentRequired),
    ("insufficientpermissions", InsufficientPermissions),
    ("forbidden", InsufficientPermissions),
)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _consent_error(code: str | None, text: str) -> type[BankError]:
    """The consent problem a 403 names, by its code first, then by its message."""
    for said in (_letters(code or ""), _letters(text)):
        for word, cls in _CONSENT_WORDS:
            if word in said:
                return cls
    lowered = text.lower()
    if "revoked" in lowered:
        return ConsentRevoked
    if "expired" in lowered:
        return ConsentExpired
    return InsufficientPermissions


def client_error(bank_id: str, operation: str, status: int, body: Any) -> BankError:
    """The typed error for a 4xx answer other than 429."""
    code, message = _bank_error_fields(body)
    common: dict[str, Any] = {
        "bank_id": bank_id,
        "operation": operation,
        "http_status": status,
        "bank_code": code,
    }
    text = message or f"The bank answered {status}"
    if status == 401:
        return BankTokenRejected("The bank rejected FinPulse's team token", **common)
    if status == 403:
        return _consent_error(code, text)(text, **common)
    if status == 404:
        return BankResourceNotFound(text, **common)
    return BankRejectedRequest(text, **common)


def _outcome_of_status(status: int) -> str:
    if 200 <= status < 300:
        return "ok"
    if status == 401:
        return "token_rejected"
    if status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    return "client_error"


_FAILURE_WORDS = {
    "rate_limited": "The bank is rate limiting FinPulse",
    "timeout": "The bank did not answer in time",
    "connection_error": "The bank could not be reached",
    "invalid_response": "The bank sent a malformed answer",
}


def _failure_detail(outcome: str, status: int | None, body: Any = None) -> str | None:
    """The words the status log keeps for a failed attempt (bank health's last error)."""
    if outcome == "token_rejected":
        _, message = _bank_error_fields(body)
        return "The bank rejected FinPulse's team token" + (f": {message}" if message else "")
    if outcome == "server_error":
        return f"The bank failed ({status})"
    return _FAILURE_WORDS.get(outcome)


class BankHttp:
    """Requests to one bank with retries; see the module docstring for the rules."""

    def __init__(self, bank: BankConfig, recorder: CallRecorder | None = None) -> None:
        self.bank = bank
        self.recorder = recorder

    def _record(
        self,
        operation: str,
        outcome: str,
        status: int | None,
        attempt: int,
        started: float,
        detail: str | None = None,
    ) -> None:
        recorder = self.recorder or default_recorder()
        recorder.record(
            CallRecord(
                bank_id=self.bank.bank_id,
                operation=operation,
                outcome=outcome,
                http_status=status,
                attempt=attempt,
                latency_ms=(time.monotonic() - started) * 1000,
                detail=detail,
            )
        )

    def record_failure(self, operation: str, outcome: str, detail: str, status: int | None = None) -> None:
        """A failure found after the bank answered: a token FinPulse must refuse, an answer of the
        wrong shape. Logged like a failed call, so bank health shows it as the last error."""
        self._record(operation, outcome, status, 1, time.monotonic(), detail)

    def _headers(
        self, token: str | None, consent: tuple[str, str] | None, extra: dict[str, str] | None = None
    ) -> dict[str, str]:
        headers = {
            **(extra or {}),
            "X-Requesting-Bank": settings().team_id,
            "X-Fapi-Interaction-Id": str(uuid.uuid4()),
        }
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if consent is not None:
            headers[consent[0]] = consent[1]
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        deadline: Deadline,
        token: str | None = None,
        consent: tuple[str, str] | None = None,
        client_id: str | None = None,
        client_id_in: ClientIdIn = ClientIdIn.QUERY,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        idempotent: bool = True,
        headers: dict[str, str] | None = None,
    ) -> BankAnswer:
        import httpx

        t = tuning()
        params = dict(params or {})
        if body is not None:
            body = dict(body)
        if client_id is not None:
            if client_id_in in (ClientIdIn.QUERY, ClientIdIn.BOTH):
                params["client_id"] = client_id
            if client_id_in in (ClientIdIn.BODY, ClientIdIn.BOTH) and body is not None:
                body.setdefault("client_id", client_id)
        client = pooled_client(self.bank)
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline.remaining()
            if remaining <= 0:
                raise BankUnavailable(
                    "No time left to call the bank", bank_id=self.bank.bank_id, operation=operation
                )
            timeout = httpx.Timeout(min(t.read_timeout, remaining), connect=min(t.connect_timeout, remaining))
            started = time.monotonic()
            status: int | None = None
            retry_after: float | None = None
            try:
                response = client.request(
                    method,
                    path,
                    params=params or None,
                    json=body,
                    headers=self._headers(token, consent, headers),
                    timeout=timeout,
                )
                status = response.status_code
                outcome = _outcome_of_status(status)
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                # A request the bank refused (429) or never got (connect failure) is always safe to
                # repeat; one it may have processed (5xx, read timeout) only if idempotent.
                retryable = status == 429 or (status in RETRYABLE_STATUSES and idempotent)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout):
                outcome, retryable = "connection_error", True
            except httpx.TimeoutException:
                outcome, retryable = "timeout", idempotent
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
                outcome, retryable = "connection_error", idempotent
            if outcome == "ok":
                assert status is not None
                return self._parsed(response, operation, attempt, started)
            error_body = _json_or_none(response) if status is not None and status < 500 else None
            detail = _failure_detail(outcome, status, error_body)
            self._record(operation, outcome, status, attempt, started, detail)
            if outcome in ("client_error", "token_rejected"):
                assert status is not None
                raise client_error(self.bank.bank_id, operation, status, error_body)
            sleep = None
            if retryable and attempt < t.max_attempts:
                sleep = next_sleep(
                    retry=attempt - 1,
                    status=status,
                    retry_after=retry_after,
                    base=t.retry_base_delay,
                    cap=t.retry_max_delay,
                    retry_after_cap=t.retry_after_cap,
                    remaining=deadline.remaining(),
                )
            if sleep is None:
                raise self._final_error(operation, outcome, status, retry_after)
            logger.info(
                "bank call retried",
                extra={
                    "bank_id": self.bank.bank_id,
                    "operation": operation,
                    "attempt": attempt,
                    "outcome": outcome,
                    "http_status": status,
                    "sleep_s": round(sleep, 3),
                },
            )
            time.sleep(sleep)

    def _parsed(self, response: httpx.Response, operation: str, attempt: int, started: float) -> BankAnswer:
        if response.status_code == 204 or not response.content.strip():
            self._record(operation, "ok", response.status_code, attempt, started)
            return BankAnswer(response.status_code, None)
        try:
            parsed = parse_json(response.content)
        except (ValueError, UnicodeDecodeError):
            self._record(
                operation,
                "invalid_response",
                response.status_code,
                attempt,
                started,
                _failure_detail("invalid_response", response.status_code),
            )
            raise InvalidBankResponse(
                "The bank sent a malformed answer",
                bank_id=self.bank.bank_id,
                operation=operation,
                http_status=response.status_code,
            ) from None
        self._record(operation, "ok", response.status_code, attempt, started)
        return BankAnswer(response.status_code, parsed)

    def _final_error(
        self, operation: str, outcome: str, status: int | None, retry_after: float | None
    ) -> BankError:
        common: dict[str, Any] = {"bank_id": self.bank.bank_id, "operation": operation, "http_status": status}
        if outcome == "rate_limited":
            return BankRateLimited(
                "The bank is rate limiting FinPulse; try again later", retry_after=retry_after, **common
            )
        words = {
            "timeout": "The bank did not answer in time",
            "connection_error": "The bank could not be reached",
            "server_error": f"The bank failed ({status})",
        }
        return BankUnavailable(words.get(outcome, "The bank is unavailable"), **common)


def parse_json(content: bytes) -> Any:
    """A bank's JSON body. pydantic-core's parser first (about twice as fast as `json`'s on a
    statement page); what it refuses is given to `json.loads`, so exactly the bodies `json` takes
    are taken (it also reads a byte-order mark, lone surrogates and deeper nesting)."""
    try:
        return from_json(content)
    except ValueError:
        return json.loads(content)


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError):
        return None
