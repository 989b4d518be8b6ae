"""Python's cycle collector paused while many small objects are made, safely across threads.

Packing a page of the register makes thousands of short-lived tuples, and each few hundred
of them would start a collection over everything the program holds. The search worker and the
GUI thread both do this, at the same time at times: each saving ``gc.isenabled()`` and
restoring it on its own could leave the collector off for the rest of the session (one thread
reads "off" while the other has it paused). Here the pauses are counted: the collector is
switched off by the first and back on by the last, if it was on before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
