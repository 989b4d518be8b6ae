"""gc_pause: the cycle collector paused by two threads at once comes back on (and only then)."""

from __future__ import annotations

import gc
import threading

import pytest

from balai_app import gc_pause


def test_overlapping_pauses_on_two_threads_leave_the_collector_on():
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with gc_pause.paused():
            inside.set()
            release.wait()

    with gc_pause.paused():  # this thread pauses first ...
        thread = threading.Thread(target=worker)
        thread.start()
        inside.wait()  # ... the worker pauses too, while this one is paused
    # this thread's pause ended first: the worker's still holds
    assert not gc.isenabled()
    release.set()
    thread.join()
    assert gc.isenabled(), "the last pause to end switches the collector back on"


def test_a_pause_keeps_a_collector_that_was_off_off_and_survives_an_error():
    gc.disable()
    try:
        with gc_pause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), gc_pause.paused():
        raise ValueError("inside")
    assert gc.isenabled()
