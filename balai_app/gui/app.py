"""Starting the window: QApplication, translations, database, first start, sign-in, main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from balai_app import __version__, i18n, paths
from balai_app.db.connection import DatabaseError, open_database
from balai_app.gui.common import file_dialogs
from balai_app.gui.start.startup_check import ensure_sound_database
from balai_app.services.context import Actor


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Balai")
    app.setOrganizationName("Balai")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translators(app)
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


def server_password_dialog(address):
    """The dialog that asks the server password (never stored, never logged)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog()
    dialog.setWindowTitle(i18n.tr("Basis data di server"))
    dialog.setLabelText(i18n.tr("Kata sandi server untuk {user}@{host}:{port} (basis data {db}):").format(
        user=address.user, host=address.host, port=address.port, db=address.dbname))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText(i18n.tr("Sambungkan"))
    dialog.setCancelButtonText(i18n.tr("Batal"))
    return dialog


def ask_server_password(address) -> str | None:
    """The server password when PGPASSWORD and the pgpass file have none."""
    dialog = server_password_dialog(address)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.textValue() if ok and dialog.textValue() else None


def run_gui(args: argparse.Namespace, actor: Actor | None = None) -> int:
    app = make_application()
    location = paths.database_location()
    if isinstance(location, str):  # postgresql://… : the balai's database on a server
        try:
            open_database(location, password_prompt=ask_server_password)
        except DatabaseError as exc:
            QMessageBox.critical(None, "Balai", str(exc))
            return 1
        location = None
    if location is not None and not ensure_sound_database(paths.database_path()):  # never open a damaged one
        return 1
    try:
        if location is not None:
            open_database(paths.database_path())
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return 1
    session = GuiSession(app)
    if actor is not None:
        session.show_window(actor)
    elif not session.start():
        return 0
    return app.exec()


class GuiSession(QObject):
    """First start, sign-in, the window, and sign-in again after signing out.

    The application quits when the window is closed or the sign-in is cancelled,
    not when the window closes for a sign-out.
    """

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.window = None
        app.setQuitOnLastWindowClosed(False)

    def start(self) -> bool:
        """Set-up (when needed) and sign-in; shows the window. False when the person gave up."""
        from balai_app.gui.start.setup_wizard import SetupWizard
        from balai_app.services import accounts, profile

        signed = None
        if not profile.is_initialised() or not accounts.has_accounts():
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

        dialog = LoginDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.signed

    def show_window(self, actor: Actor) -> None:
        from balai_app.gui.main_window import MainWindow

        self.window = MainWindow(actor)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.closed.connect(self._window_closed, Qt.ConnectionType.QueuedConnection)
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
