"""FinPulse sandbox banks: a faithful local implementation of the bank API, with fault injection.

Each bank (default ``vbank``, ``abank``, ``sbank``) runs in its own process on its own loopback
port, with its own signing keys and its own SQLite data. See ``docs/SANDBOX.md``.

Entry points:

* ``python -m sandbox serve`` / ``python -m sandbox reset`` (see :mod:`sandbox.__main__`);
* :func:`sandbox.runner.start_banks` for programs that need the banks (the local dev stack);
* the pytest fixtures in :mod:`sandbox.pytest_plugin` (``sandbox_banks``, ``sandbox``).
"""

__all__ = ["DATA_VERSION"]

# Bumped whenever generated seed data changes shape, so stale SQLite files are re-seeded.
DATA_VERSION = 1
