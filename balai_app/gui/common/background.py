"""Service calls off the GUI thread, the newest request winning.

``Background(owner)`` keeps one worker thread (its own database connection,
closed after every call so no connection is held while idle: a restore may
replace the file). ``run(fn, on_done, on_failed)`` returns at once; ``on_done``
gets ``fn()``'s result on the GUI thread, unless a newer ``run`` was started
meanwhile (an older answer is dropped, never shown over a newer one). A request
that a newer one overtook before it started is skipped without touching the
database. ``close()`` drops pending calls and waits for a running one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from balai_app.services.connections import close_thread_connection


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, generation: int, fn: Callable[[], Any], newest: Callable[[], int], relay: _Relay):
        super().__init__()
        self.generation, self.fn, self.newest, self.relay = generation, fn, newest, relay

    def run(self) -> None:
        try:
            if self.generation != self.newest():
                return
            result = self.fn()
            self.relay.done.emit(self.generation, result)
        except RuntimeError as exc:
            if "Internal C++ object" not in str(exc):  # the owner was closed meanwhile
                self._fail(exc)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, never lost here
            self._fail(exc)
        finally:
            close_thread_connection()

    def _fail(self, exc: BaseException) -> None:
        try:
            self.relay.failed.emit(self.generation, exc)
        except RuntimeError:
            pass


class Background(QObject):
    """One worker thread for ``owner``; see the module text."""

    def __init__(self, owner: QObject):
        super().__init__(owner)
        self._generation = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None] | None = None) -> None:
        self._generation += 1
        self._callbacks = {self._generation: (on_done, on_failed)}
        self._pool.start(_Task(self._generation, fn, lambda: self._generation, self._relay))

    def close(self) -> None:
        self._generation += 1
        self._callbacks.clear()
        self._pool.clear()
        self._pool.waitForDone()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running call (tests, closing)."""
        return self._pool.waitForDone(msecs)

    def _done(self, generation: int, result: Any) -> None:
        callbacks = self._callbacks.pop(generation, None)
        if generation == self._generation and callbacks is not None:
            callbacks[0](result)

    def _failed(self, generation: int, exc: BaseException) -> None:
        callbacks = self._callbacks.pop(generation, None)
        if generation != self._generation or callbacks is None:
            return
        if callbacks[1] is not None:
            callbacks[1](exc)
        else:
            raise exc
