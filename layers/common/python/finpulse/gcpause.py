"""Pausing Python's cyclic garbage collector for a bulk job: `with collector_paused(): ...`.

Decoding a year of transactions for the dashboard, or normalising a first sync's tens of thousands,
allocates objects by the hundred thousand. Each 700 allocations wake the collector, and every tenth
of its runs walks the middle generation, every hundredth (or so) the whole heap — boto3's and
pydantic's import-time objects among it. None of those runs finds anything: what these jobs make is
freed by reference counting the moment it is dropped. Measured in-process, the collector's runs
were about a sixth of decoding 60,000 stored transactions and a seventh of a first sync's
per-transaction work (parse, check, normalise, encode). The collector is off while
at least one bulk job runs (in any thread) and back on when the last one ends; the cycles made
meanwhile (tracebacks of handled errors, mostly) are collected then.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_paused_by_us = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _running, _paused_by_us
    with _lock:
        _running += 1
        if _running == 1 and gc.isenabled():
            gc.disable()
            _paused_by_us = True
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _paused_by_us:
                _paused_by_us = False
                gc.enable()
