"""Dashboard tests: the real path — sandbox banks over HTTP, consents, sync, stored data, endpoints."""

from __future__ import annotations

from tests.sync.conftest import live, no_retry_sleep

__all__ = ["live", "no_retry_sleep"]
