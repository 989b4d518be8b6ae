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

The database itself is opened just after the sign-in's first paint (issue 18):
the sign-in needs only the balai's name, logo and demo flag, which
``services.sign_in_facts`` reads through a read-only ``sqlite3`` look, so the
database layer (peewee, the models, the schema and version check) loads while
the person looks at the window. The open runs before any input is handled
(a "Masuk" clicked earlier waits for it), and a file the open refuses (another
program's, a newer version's, a damaged one) closes the sign-in with the same
message as before: nobody signs in to a database that has not been opened and
checked. A first start, an unfinished set-up or a file the look cannot read
opens and checks the database before anything is shown, as before.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING, Any

# Qt's namespace is reached as QtCore.Qt where it is used: PySide6 builds its hundred-odd enums
# on first touch (15-30 ms), and nothing before the sign-in's first paint needs one (issue 18).
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from balai_app import __version__, i18n, paths
from balai_app.gui.start.database_open import BackgroundCheck, close_current, handle_check, open_checked_database, \
    reopen

if TYPE_CHECKING:
    from balai_app.services.context import Actor  # a dataclass: not needed to paint the sign-in


def make_application(argv: list[str] | None = None, *, prepare: bool = True) -> QApplication:
    """The application, in Indonesian. ``prepare=False`` (the window's start): the guards of
    ``prepare_for_work`` are left for after the first paint."""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Balai")
    app.setOrganizationName("Balai")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translators(app)
    if prepare:
        prepare_for_work()
    return app


_prepared = False


def prepare_for_work() -> None:
    """What must be in place before anything but the sign-in is shown (once): the guard
    against shiboken6 6.12.0's reference leak, file dialogs that keep the database's
    locks. Neither is needed to paint the sign-in (no file dialog, no log line and
    only a handful of the leak's thousands of repaints come before it), so the window's start
    runs this just after the sign-in's first paint (issue 18)."""
    global _prepared
    if _prepared:
        return
    _prepared = True
    from balai_app.gui.common import file_dialogs, pyside_guard

    pyside_guard.install()  # shiboken6 6.12.0 on Python 3.11 would abort after minutes of use
    file_dialogs.install()  # file dialogs must never drop the database's locks


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


def prepare_window_work() -> None:
    """``prepare_for_work``, the log file and the unexpected-error dialog (the window's own
    start only: not the self-test or a test's application)."""
    from balai_app import log
    from balai_app.gui.common import error_dialog

    prepare_for_work()
    if log.setup() is not None:
        log.get("app").info("Balai %s dimulai (jendela), Python %s, %s", __version__, sys.version.split()[0],
                            sys.platform)
    error_dialog.install()  # an unexpected error is logged and explained; the program goes on


def run_gui(args: argparse.Namespace, actor: Actor | None = None) -> int:
    app = make_application(prepare=False)  # the log and the guards: after the sign-in's paint
    # Started once the sign-in is on screen (it would compete with painting it), or waited for at once
    # when the database needs an upgrade, does not open, or a first start writes to it.
    location = paths.database_location()
    if isinstance(location, str):  # a server database (issue 16): no file to check
        from balai_app.gui.start.server_start import open_server_database

        prepare_window_work()
        if not open_server_database(location):
            return 1
        session = GuiSession(app, None)
    else:
        check = BackgroundCheck(paths.database_path(), app)
        session = GuiSession(app, check)
        from balai_app.services.sign_in_facts import peek  # a read-only look; None: open it first

        facts = peek(check.path) if actor is None else None
        if facts is not None:
            session.open_after_paint(facts)  # the sign-in paints first; the open comes right after
        else:
            prepare_window_work()
            if not open_checked_database(check):
                return 1
            session.database_opened()
    try:
        if actor is not None:
            if not session.settle_check():
                return 1
            session.show_window(actor)
        elif not session.start():
            return 0 if not session.check_failed else 1
        return app.exec()
    finally:
        session.finish()


# What "Masuk" needs next, loaded on a thread while the person types: the password hasher and
# the main window with Beranda (the first page of every role but the instruktur's) and its
# follow-up panel (with html's entity table: 10-35 ms on the GUI thread before the window
# painted). The imports give the interpreter up every few milliseconds, so typing stays
# responsive, and argon2id releases it while it hashes: on two cores the window's code loads
# beside the password check even when "Masuk" comes at once.
PRELOAD = ("balai_app.gui.common.service_call", "argon2", "balai_app.services.signing_keys",
           "balai_app.gui.main_window", "balai_app.gui.home.home", "balai_app.gui.aftercare.home_followups")


class _Preload:
    """Imports ``PRELOAD`` on a thread (once); ``wait`` before building what needs it, so that
    the GUI thread never imports the same modules at the same time."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="balai-preload", daemon=True)
            self._thread.start()

    @staticmethod
    def _run() -> None:
        import importlib

        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where used, where the error shows
                return

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


class _AfterPaint(QObject):
    """Calls ``then`` once the watched window has been painted (from the event loop, so
    the paint reaches the screen first)."""

    def __init__(self, then, parent: QObject):
        super().__init__(parent)
        self.then = then

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
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
        self._dialog: Any = None  # the sign-in (or set-up) open now
        self._closed_for_check = False
        self._restored = False
        self._facts: Any = None  # what the sign-in shows while the database is not open yet
        self._open_pending = False  # the database opens after the sign-in's first paint
        self._setup_needed = False  # the open found no balai or no account: set-up, not sign-in
        self._opened = False  # the database is open (database_opened)
        self.preload = _Preload()
        app.setQuitOnLastWindowClosed(False)
        if check is not None and not getattr(check, "settled", False):
            check.done.connect(self._check_done)  # sent on the check's thread: queued to this one
            if check.finished():  # its verdict came before anyone listened: deliver it the same way
                QTimer.singleShot(0, lambda: self._check_done(check.state))

    def open_after_paint(self, facts) -> None:
        """Show the sign-in with ``facts`` before the database is opened; it opens at the
        sign-in's first paint (or at "Masuk" if that comes first)."""
        self._facts, self._open_pending = facts, True

    def database_opened(self) -> None:
        """The database is open. The full check (indexes against tables) starts beside the
        person's work once the quick check has passed (at once when it has): a database it
        calls damaged switches to read-only with a banner. After the quick check it is, so
        that the two do not compete for the CPU during the sign-in, and so that a file the
        quick check found damaged is checked again only once restored (a verdict on the
        damaged file would otherwise turn the restored database read-only)."""
        self._opened = True
        if self.check is None or getattr(self.check, "settled", True):
            self._start_watch()

    def _start_watch(self) -> None:
        from balai_app.gui.common.integrity_watch import IntegrityWatch

        if self.check is not None and self.watch is None and self._opened:
            self.watch = IntegrityWatch(self.check.path, self)
            self.watch.start()

    def ensure_open(self) -> bool:
        """Open (and check) the database whose opening waited for the sign-in's paint; once.
        False: nobody may sign in now (the file was refused, or set-up is needed), and the
        sign-in is closed."""
        if self._open_pending:
            self._open_pending = False
            prepare_window_work()
            if not open_checked_database(self.check):
                self.check_failed = True  # refused with its message: the program ends, the file untouched
            else:
                self.database_opened()
                from balai_app.services import accounts, profile

                if not profile.is_initialised() or not accounts.has_accounts():
                    self._setup_needed = True  # changed since the look: the set-up wizard instead
                else:
                    self.preload.start()  # what "Masuk" needs next, while the person types
                    if self._dialog is not None:
                        self._dialog.form.show_facts(profile.get_profile())  # as the services read it
        if self.check_failed or self._setup_needed:
            if self._dialog is not None:
                self._dialog.reject()
            return False
        return True

    def _sign_in_painted(self) -> None:
        """Just after the sign-in's first paint: open the database if that waited, then
        start the quick check beside the person's typing."""
        if self._dialog is None:  # closed before its paint was handled
            return
        if self.ensure_open() and self.check is not None:
            self.check.start()

    def finish(self) -> None:
        """Before the process ends: the integrity check's thread must not outlive Qt."""
        if self.watch is not None:
            self.watch.wait()
        self.preload.wait()  # no import may be cut short by the interpreter's end

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
            close_current()  # a damaged database is never written: restore (or leave it as it is)
            if not handle_check(state, parent) or not reopen():
                self.check_failed = True
                return False
            self._restored = True
            self._start_watch()  # the restored file
            return True
        sound = handle_check(state, parent)
        if sound:
            self._start_watch()
        return sound

    def start(self) -> bool:
        """Set-up (when needed) and sign-in; shows the window. False when the person gave up
        (or the database was refused: ``check_failed``)."""
        signed = None
        if self._open_pending:  # a balai with accounts: the sign-in paints before the open
            signed = self.sign_in()
            if signed is None and not self._setup_needed:
                return False
            if signed is not None:
                self.show_window(signed.actor)
                return True
        from balai_app.services import accounts, profile

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
            dialog = LoginDialog(facts=self._facts if self._open_pending else None)
            dialog.form.before_sign_in = self.ensure_open  # a click before the open waits for it
            if self._open_pending or (self.check is not None and not self.check.settled):
                dialog.installEventFilter(_AfterPaint(self._sign_in_painted, dialog))
            self._dialog, self._closed_for_check, self._restored = dialog, False, False
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            self._dialog = None
            if not accepted and not self._closed_for_check:
                return None  # cancelled, or closed by the open (refused file, set-up needed)
            if not self.settle_check(dialog if accepted else None):
                return None  # damaged and not restored: the program ends, the file untouched
            if self._restored:
                continue  # a backup replaced the database: sign in to it
            return dialog.signed

    def show_window(self, actor: Actor) -> None:
        self.preload.wait()  # its modules: loaded by now, or being loaded (never twice at once)
        from balai_app.gui.main_window import MainWindow
        from balai_app.services.database import ensure_signing_key

        ensure_signing_key()  # issue 14: the key pair exists from the first start (the check has passed)
        self.window = MainWindow(actor)
        self.window.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.closed.connect(self._window_closed, QtCore.Qt.ConnectionType.QueuedConnection)
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
