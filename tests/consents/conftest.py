"""Tests against the sandbox banks (real HTTP) with the emulated AWS side configured."""

from tests.banks.support import live

__all__ = ["live"]
