"""Domain object ↔ item body: one compact JSON attribute plus a content hash.

Each stored entity keeps its normalised domain object as one JSON string (`d`, the domain's
canonical JSON) and a short hash of it (`h`). Comparing hashes lets a sync skip items whose content
did not change without reading them whole (the existing-items Query projects only `sk` and `h`),
and one string attribute keeps items small: a transaction is a few hundred bytes, far below
DynamoDB's 400 KB item limit whatever the history length.

The body holds full account numbers (payments need them): it is never logged or returned as is.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from finpulse.domain import from_dict, to_json

BODY = "d"
HASH = "h"


def encode(value: Any) -> tuple[str, str]:
    """(body, hash) of a domain object."""
    body = to_json(value).decode()
    return body, digest(body)


def digest(body: str) -> str:
    return hashlib.blake2b(body.encode(), digest_size=8).hexdigest()


def decode[T](item: dict[str, Any], kind: type[T]) -> T:
    return from_dict(kind, json.loads(str(item[BODY])))
