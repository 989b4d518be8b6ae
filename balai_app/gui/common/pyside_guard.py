"""A guard against a reference-count bug of PySide6/shiboken6 6.12.0 on Python 3.11.

With shiboken6 6.12.0, every Python override of a void virtual (``paintEvent``,
``hideEvent``, ``QRunnable.run``, ...) and every bool signal emitted from Python
releases one reference to ``None`` / ``True`` / ``False`` that it never took.
Python 3.12+ makes those objects immortal, so nothing happens there; on Python
3.11 their counts (a few thousand for ``None``, about fifty for ``True``) reach
zero after some minutes of use and the interpreter aborts with "Fatal Python
error: none_dealloc: deallocating None" (reproduced here: a widget with a
``paintEvent`` override dies after ~3,700 repaints; PySide6 6.11.3 does not
leak). pyside6-pdf exists only for 6.12.0 in the package index we build from,
so the version cannot simply be pinned below it.

``install()`` gives the three singletons a reference count no program can use
up (2**40 extra), which is what immortality means on 3.12+: it only runs on
CPython < 3.12 with shiboken6 6.12.0, once, before the first window.
"""

from __future__ import annotations

import ctypes
import sys

EXTRA = 1 << 40
_done = False


def affected() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    try:
        import shiboken6
    except ImportError:
        return False
    return getattr(shiboken6, "__version__", "").startswith("6.12.0")


def install() -> bool:
    """Make None, True and False effectively immortal when the buggy binding is in use."""
    global _done
    if _done or not affected():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += EXTRA
    _done = True
    return True
