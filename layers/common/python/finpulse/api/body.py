"""Reading a request body: once, strictly, for every route (no input gets a 5xx).

API Gateway hands the function whatever the client sent: bytes that are not UTF-8 (base64-encoded
by HTTP API), JSON nested 100,000 deep, numbers of 5,000 digits, forms, megabytes. Each of these
is refused here with the error envelope before any model sees it:

- a body over `MAX_BODY_BYTES` → 413 `PAYLOAD_TOO_LARGE`;
- a content type other than JSON → 415 `UNSUPPORTED_MEDIA_TYPE`;
- bytes that are not UTF-8, text that is not JSON, nesting deeper than `MAX_DEPTH`, a number longer
  than `MAX_NUMBER_CHARS`, `NaN`/`Infinity` → 400 `MALFORMED_BODY`.

What is well-formed JSON then meets the route's model (422 `VALIDATION_ERROR`, unknown fields
included).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

from finpulse.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType

# FinPulse's largest body (a consent request for 20 banks with limits) is a few KB.
MAX_BODY_BYTES = 64 * 1024
MAX_DEPTH = 32
# Amounts have at most 12 digits; 40 characters leaves room for exponents and signs.
MAX_NUMBER_CHARS = 40


class MalformedBody(BadRequest):
    code = "MALFORMED_BODY"

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The request body is not valid JSON: {reason}", details=[{"field": "body", "message": reason}]
        )


def check_content_type(content_type: str) -> None:
    """JSON (any case, UTF-8 if a charset is named) or none at all, which clients often omit."""
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    if (
        media
        and media != "application/json"
        and not (media.startswith("application/") and media.endswith("+json"))
    ):
        raise UnsupportedMediaType(
            f"Send the body as application/json, not {media[:80]}",
            details=[{"field": "header.content-type", "message": "must be application/json"}],
        )
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(
                "Send the body as UTF-8",
                details=[{"field": "header.content-type", "message": "charset must be utf-8"}],
            )


def _bytes(body: str, base64_encoded: bool) -> bytes:
    if base64_encoded:
        if len(body) > (MAX_BODY_BYTES * 4) // 3 + 4:
            raise PayloadTooLarge(f"The request body is larger than {MAX_BODY_BYTES // 1024} KB")
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise MalformedBody("the body is not valid base64") from None
    else:
        raw = body.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"The request body is larger than {MAX_BODY_BYTES // 1024} KB")
    return raw


def _number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise MalformedBody(f"a number has more than {MAX_NUMBER_CHARS} characters")
    return text


def _int(text: str) -> int:
    return int(_number(text))


def _float(text: str) -> float:
    value = float(_number(text))
    if not math.isfinite(value):
        raise MalformedBody("a number is out of range")
    return value


def _constant(name: str) -> Any:
    raise MalformedBody(f"{name} is not a JSON number")


def _check_tree(value: Any) -> None:
    """Nesting depth (without recursion: the parser's own limit is Python's stack), and strings that
    could not be stored: `"\ud800"` is valid JSON but no UTF-8 text."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise MalformedBody("a string holds an unpaired surrogate escape") from None
        elif isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise MalformedBody(f"nested deeper than {MAX_DEPTH} levels")
            children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)


def parse_json_body(body: str | None, base64_encoded: bool) -> Any:
    """The body as JSON, or None when there is none; FinPulseError (4xx) when it cannot be read."""
    if not body:
        return None
    raw = _bytes(body, base64_encoded)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedBody(f"byte {exc.start} is not valid UTF-8") from None
    if not text.strip():
        return None
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except RecursionError:
        raise MalformedBody(f"nested deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise MalformedBody(f"{exc.msg} at character {exc.pos}") from None
    _check_tree(value)
    return value
