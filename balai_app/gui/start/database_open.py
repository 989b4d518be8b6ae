"""Opening the window's database: the start-up check on a thread, the open (an upgrade
waits for the check), and the reopen after a restore. No database code is imported at
import time: ``gui.app`` imports this before the sign-in paints (issue 18)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from balai_app import paths


class BackgroundCheck(QObject):
    """``services.backup_startup.startup_state`` on a thread (SQLite releases the GIL while
    it reads the file, so the window stays responsive); ``done(state)`` arrives
    on the GUI thread."""

    done = Signal(object)

    def __init__(self, path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.state: Any = None
        self.error: BaseException | None = None
        self.settled = False  # True once its verdict has been acted upon
        self._started = False
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="balai-startup-check", daemon=True)

    def start(self) -> BackgroundCheck:
        """Start the check (once); ``wait`` starts it too."""
        if not self._thread.is_alive() and not self._finished.is_set() and not self._started:
            self._started = True
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            from balai_app.services import backup_startup, backup_steps

            self.state = backup_startup.startup_state(self.path)
            if not self.state.damaged:  # the daily backup the last session left unfinished, on its own thread
                backup_steps.resume_in_background(self.path)
        except BaseException as exc:  # noqa: BLE001 - reported on the GUI thread
            self.error = exc
        finally:
            self._finished.set()
        try:
            self.done.emit(self.state)
        except RuntimeError:  # the application ended first
            pass

    def finished(self) -> bool:
        """Whether the verdict is in (``done`` may have been sent before a receiver connected)."""
        return self._finished.is_set()

    def wait(self) -> Any:
        """The check's verdict (waits for it); re-raises what the check raised."""
        self.start()
        self._finished.wait()
        if self.error is not None:
            raise self.error
        return self.state


def _open(path, *, migrate: bool) -> None:
    from balai_app.services.database import GUI_BUSY_MS, open_database

    open_database(path, migrate=migrate, busy_ms=GUI_BUSY_MS)  # never a 15-second freeze


def _needs_upgrade() -> bool:
    from balai_app.services.database import needs_upgrade

    return needs_upgrade()


def close_current() -> None:
    from balai_app.services.database import close_database

    close_database()


def handle_check(state, parent=None) -> bool:
    """Act on the check's verdict (restore offer, network warning); True when the program may go on."""
    from balai_app.gui.start.startup_check import handle_state

    return handle_state(state, parent)


def open_checked_database(check: BackgroundCheck) -> bool:
    """Open the database at once unless the check must come first: a schema
    upgrade writes, and a file that does not open may be damaged."""
    from balai_app.services.database import DatabaseError

    path = check.path
    try:
        _open(path, migrate=False)
        if not _needs_upgrade():
            return True
        close_current()
    except DatabaseError:
        close_current()
    state = check.wait()
    check.settled = True
    if not handle_check(state):  # damaged: restored, or the person declined
        return False
    try:
        _open(path, migrate=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return False
    return True


def reopen() -> bool:
    """Open the database again after a restore (upgrading an older backup)."""
    from balai_app.services.database import DatabaseError

    try:
        _open(paths.database_path(), migrate=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return False
    return True
