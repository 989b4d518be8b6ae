"""Starting the window: QApplication, translations, database, main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from balai_app import __version__, i18n, paths
from balai_app.db.connection import DatabaseError, open_database
from balai_app.services.context import SYSTEM, Actor


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Balai")
    app.setOrganizationName("Balai")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translators(app)
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


def run_gui(args: argparse.Namespace, actor: Actor | None = None) -> int:
    app = make_application()
    try:
        open_database(paths.database_path())
    except DatabaseError as exc:
        QMessageBox.critical(None, "Balai", str(exc))
        return 1
    from balai_app.gui.main_window import MainWindow

    window = MainWindow(actor or SYSTEM)
    window.show()
    return app.exec()
