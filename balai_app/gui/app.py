"""Starting the window: QApplication, translations, database, first start, sign-in, main window.

Start-up is kept to what the first window needs before it paints: this module
imports no database code, no services and no dialogs at import time; the
command modules are not loaded when no command is given (``cli``); the set-up
wizard only when there is no balai yet. The quick check of the database file
(``PRAGMA quick_check``: half a second at 200,000 PM) runs on a thread while the
sign-in window is shown (it starts at its first paint) and the person types;
signing in waits for its
verdict, and a damaged database closes the sign-in and offers the newest sound
backup, as before. Only a database that needs a schema upgrade (or cannot be
opened) waits for the check before anything else.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from balai_app import __version__, i18n, paths
from balai_app.services.context import Actor


def make_application(argv: list[str] | None = None) -> QApplication:
    from balai_app.gui.common import pyside_guard

    pyside_guard.install()  # shiboken6 6.12.0 on Python 3.11 would abort after minutes of use
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Balai")
    app.setOrganizationName("Balai")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translators(app)
    from balai_app.gui.common import file_dialogs

    file_dialogs.install()  # file dialogs must never drop the database's locks
    return app


def install_translators(app: QApplication) -> None:
    """Our own .qm (when a language other than the source's is shipped) and Qt's."""
    i18n.set_translator(lambda context, text: QCoreApplication.translate(context, text))
    translator = QTranslator(app)
    try:
        folder = paths.resource_path("translations")
    except FileNotFoundError:
        return
    if translator.load(QLocale(), "balai", "_", str(folder)):
        app.installTranslator(translator)
    # Qt has no Indonesian translation of its own widgets: ours covers the
    # standard buttons, file dialogs and edit menus (scripts/make_qt_translation.py).
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(), "qtbase", "_", str(folder)):
        app.installTranslator(qt_translator)


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


def _close() -> None:
    from balai_app.services.database import close_database

    close_database()


def _handle_check(state, parent=None) -> bool:
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
        _close()
    except DatabaseError:
        _close()
    state = check.wait()
    check.settled = True
    if not _handle_check(state):  # damaged: restored, or the person declined
        return False
    try:
        _open(path, migrate=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return False
    return True


def run_gui(args: argparse.Namespace, actor: Actor | None = None) -> int:
    from balai_app import log
    from balai_app.gui.common import error_dialog

    log.setup()
    log.get("app").info("Balai %s dimulai (jendela), Python %s, %s", __version__, sys.version.split()[0], sys.platform)
    app = make_application()
    error_dialog.install()  # an unexpected error is logged and explained; the program goes on
    # Started once the sign-in is on screen (it would compete with painting it), or waited for at once
    # when the database needs an upgrade, does not open, or a first start writes to it.
    location = paths.database_location()
    if isinstance(location, str):  # a server database (issue 16): no file to check
        from balai_app.gui.start.server_start import open_server_database

        if not open_server_database(location):
            return 1
        session = GuiSession(app, None)
    else:
        check = BackgroundCheck(paths.database_path(), app)
        if not open_checked_database(check):
            return 1
        session = GuiSession(app, check)
        from balai_app.gui.common.integrity_watch import IntegrityWatch

        # The full check (indexes against tables), off the path to the first window: a
        # database it calls damaged switches to read-only with a banner.
        session.watch = IntegrityWatch(paths.database_path(), session)
        session.watch.start()
    if actor is not None:
        if not session.settle_check():
            return 1
        session.show_window(actor)
    elif not session.start():
        return 0 if not session.check_failed else 1
    return app.exec()


def _reopen() -> bool:
    """Open the database again after a restore (upgrading an older backup)."""
    from balai_app.services.database import DatabaseError

    try:
        _open(paths.database_path(), migrate=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return False
    return True


class _StartOnPaint(QObject):
    """Starts the database check once the sign-in has been painted."""

    def __init__(self, check: BackgroundCheck, parent: QObject):
        super().__init__(parent)
        self.check = check

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.check.start)
        return False


class GuiSession(QObject):
    """First start, sign-in, the window, and sign-in again after signing out.

    The application quits when the window is closed or the sign-in is cancelled,
    not when the window closes for a sign-out.
    """

    def __init__(self, app: QApplication, check: BackgroundCheck | None = None):
        super().__init__(app)
        self.app = app
        self.window = None
        self.watch = None  # the background integrity check (IntegrityWatch), set by run_gui
        self.check = check
        self.check_failed = False  # the database turned out damaged and was not restored
        self._dialog: QDialog | None = None
        self._closed_for_check = False
        self._restored = False
        app.setQuitOnLastWindowClosed(False)
        if check is not None and not getattr(check, "settled", False):
            check.done.connect(self._check_done, Qt.ConnectionType.QueuedConnection)

    def _check_done(self, state) -> None:
        """The quick check finished while the sign-in (or set-up) was open."""
        if getattr(self.check, "settled", True):
            return
        if state is not None and state.damaged and self._dialog is not None:
            self._closed_for_check = True
            self._dialog.reject()  # nobody goes on with a damaged file: the restore offer follows
            return
        self.settle_check(self._dialog)  # sound: at most the network warning, over the sign-in

    def settle_check(self, parent=None) -> bool:
        """Wait for the check and act on it (once). False: the program must end."""
        check = self.check
        if check is None or getattr(check, "settled", True):
            return not self.check_failed
        check.settled = True
        state = check.wait()
        if state is not None and state.damaged:
            _close()  # a damaged database is never written: restore (or leave it as it is)
            if not _handle_check(state, parent) or not _reopen():
                self.check_failed = True
                return False
            self._restored = True
            return True
        return _handle_check(state, parent)

    def start(self) -> bool:
        """Set-up (when needed) and sign-in; shows the window. False when the person gave up."""
        from balai_app.services import accounts, profile

        signed = None
        if not profile.is_initialised() or not accounts.has_accounts():
            from balai_app.gui.start.setup_wizard import (
                SetupWizard,  # only on a first start
            )

            if not self.settle_check():  # set-up writes: the file must be sound first
                return False
            wizard = SetupWizard(admin_only=profile.is_initialised())
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return False
            signed = wizard.signed
        if signed is None:
            signed = self.sign_in()
            if signed is None:
                return False
        self.show_window(signed.actor)
        return True

    def sign_in(self):
        from balai_app.gui.start.login_dialog import LoginDialog

        while True:
            dialog = LoginDialog()
            if self.check is not None and not self.check.settled:
                dialog.installEventFilter(_StartOnPaint(self.check, dialog))
            self._dialog, self._closed_for_check, self._restored = dialog, False, False
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            self._dialog = None
            if not accepted and not self._closed_for_check:
                return None  # cancelled
            if not self.settle_check(dialog if accepted else None):
                return None  # damaged and not restored: the program ends, the file untouched
            if self._restored:
                continue  # a backup replaced the database: sign in to it
            return dialog.signed

    def show_window(self, actor: Actor) -> None:
        from balai_app.gui.main_window import MainWindow
        from balai_app.services.database import ensure_signing_key

        ensure_signing_key()  # issue 14: the key pair exists from the first start (the check has passed)
        self.window = MainWindow(actor)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.closed.connect(self._window_closed, Qt.ConnectionType.QueuedConnection)
        if self.watch is not None:
            self.watch.watch_window(self.window)  # the read-only banner when the check found damage
        self.window.show()

    def quit(self) -> None:
        self.app.quit()

    def _window_closed(self, signed_out: bool) -> None:
        self.window = None
        if not signed_out:
            self.quit()
            return
        signed = self.sign_in()
        if signed is None:
            self.quit()
            return
        self.show_window(signed.actor)
