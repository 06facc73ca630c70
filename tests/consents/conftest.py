"""Tests against the sandbox banks (real HTTP) with the emulated AWS side configured."""

from tests.banks.support import atomic_emulator, live
from tests.consents.support import api, other_api

__all__ = ["api", "atomic_emulator", "live", "other_api"]
