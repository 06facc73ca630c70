"""Tests against the sandbox banks (real HTTP) with the emulated AWS side configured."""

from tests.banks.support import live
from tests.consents.support import api, other_api

__all__ = ["api", "live", "other_api"]
