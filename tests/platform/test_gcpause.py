"""`collector_paused`: off while any bulk job runs, in any thread; back as it was after the last."""

from __future__ import annotations

import gc
import threading

import pytest

from finpulse.gcpause import collector_paused


def test_the_collector_is_back_on_only_after_the_last_job_even_from_another_thread() -> None:
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other_job() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other_job)
    with collector_paused():
        worker.start()
        assert inside.wait(5)
        with collector_paused():  # nested
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's job still runs
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_an_error_ends_the_pause_and_a_collector_off_before_stays_off() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
