"""Waiting for a database another program is writing to, without freezing the window.

The window's connection waits only a moment for another process's write lock
(``GUI_BUSY_MS``). When that is not enough (a big import or a restore on another
PC), ``wait_while_busy`` shows a small dialog with a busy bar, the reason in
plain words and two buttons, "Coba lagi sekarang" and "Batal", and tries the
call again every ``RETRY_MS`` while the window keeps painting and answering. The
moment the other program is done, the call goes through and the dialog closes
by itself; "Batal" gives up with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from balai_app.i18n import tr

RETRY_MS = 400


def is_busy_error(exc: BaseException) -> bool:
    """SQLite's "database is locked" (or the server's lock timeout): the database layer is
    imported only when a call failed, so the sign-in paints without it."""
    from balai_app.services.integrity import is_busy_error as busy

    return busy(exc)

CANCELLED: Any = object()


class BusyWaitDialog(QDialog):
    """The busy indicator with "Coba lagi sekarang" / "Batal" (see the module text)."""

    def __init__(self, parent: QWidget | None, title: str, message: str):
        super().__init__(parent)
        self.setWindowTitle(title or tr("Balai"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(380)
        layout.addWidget(self.message)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # moving: we are waiting, not stuck
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        self.attempts = QLabel()
        self.attempts.setStyleSheet("color:#4b5563;")
        layout.addWidget(self.attempts)
        buttons = QDialogButtonBox()
        self.retry_button = QPushButton(tr("Coba lagi sekarang"))
        self.cancel_button = buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_attempt(self, n: int) -> None:
        self.attempts.setText(tr("Dicoba lagi otomatis ({n}×)…").format(n=n))


def wait_while_busy(parent: QWidget | None, title: str, message: str, attempt: Callable[[], Any]) -> Any:
    """``attempt()``'s result once the database is free, or ``CANCELLED``.

    ``attempt`` is retried while it fails because the database is busy; any other
    error of a retry is raised here, after the dialog has closed."""
    dialog = BusyWaitDialog(parent, title, message)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.setInterval(RETRY_MS)
    tries = [0]

    def again() -> None:
        if outcome:
            return
        timer.stop()
        tries[0] += 1
        dialog.show_attempt(tries[0])
        try:
            outcome["result"] = attempt()
        except Exception as exc:  # noqa: BLE001 - busy: wait again; anything else: raised below
            if is_busy_error(exc):
                timer.start()
                return
            outcome["error"] = exc
        loop.quit()

    def cancel() -> None:
        if not outcome:
            outcome["result"] = CANCELLED
        loop.quit()

    timer.timeout.connect(again)
    dialog.retry_button.clicked.connect(again)
    dialog.rejected.connect(cancel)
    dialog.show()
    timer.start()
    loop.exec()
    timer.stop()
    dialog.hide()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
