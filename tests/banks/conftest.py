"""Tests against the sandbox banks (real HTTP) with the emulated AWS side configured."""

from tests.banks.support import atomic_emulator, live

__all__ = ["atomic_emulator", "live"]
