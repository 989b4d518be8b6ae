"""Tentang Balai: the version, what the program is, and where its data lives.

``add_about_button(window)`` puts a "Tentang" button in the main window's
status bar (beside the account buttons) and binds F1 to it.
"""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QToolButton, QWidget

from balai_app import __version__, paths
from balai_app.gui.common import icons
from balai_app.gui.forms.ui_about_dialog import Ui_AboutDialog
from balai_app.i18n import tr

LICENSE = "GPL-3.0-or-later"


def app_icon() -> QIcon:
    """The application icon (resources/images/balai.png); empty when the file is missing."""
    try:
        return QIcon(str(paths.resource_path("images", "balai.png")))
    except FileNotFoundError:
        return QIcon()


def version_details() -> str:
    """One line for support requests: program, Python, Qt and Windows/Linux versions."""
    import PySide6

    frozen = tr("terpasang") if getattr(sys, "frozen", False) else "Python"
    return (f"Balai {__version__} ({frozen}) · Python {platform.python_version()} · "
            f"Qt {qVersion()} · PySide6 {PySide6.__version__} · {platform.system()} {platform.release()}")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Tentang Balai"))
        icon = app_icon()
        self.setWindowIcon(icon)
        if not icon.isNull():
            self.ui.iconLabel.setPixmap(icon.pixmap(96, 96))
        title_font = QFont(self.ui.titleLabel.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.ui.titleLabel.setFont(title_font)
        self.ui.versionLabel.setText(tr("Versi {version}").format(version=__version__))
        self.ui.descriptionLabel.setText(tr(
            "Register Penerima Manfaat, asesmen dan layanan ATENSI, pelatihan vokasional, presensi "
            "dan sertifikat kompetensi untuk balai/sentra rehabilitasi sosial."
        ))
        self.ui.detailsLabel.setText(
            version_details() + "<br>" + tr("Lisensi: {license}. Huruf DejaVu (lisensi bebas).").format(license=LICENSE)
        )
        self.data_folder = paths.data_dir()
        self.ui.dataFolderLabel.setText(tr(
            "Data (basis data, cadangan, log) tersimpan di: {folder}\n"
            "Folder ini tidak diubah saat program dipasang ulang, diperbarui atau dihapus."
        ).format(folder=self.data_folder))
        self.ui.copyButton.setText(tr("Salin info versi"))
        import qtawesome as qta

        self.ui.copyButton.setIcon(qta.icon("fa5s.copy"))
        self.ui.copyButton.clicked.connect(self.copy_details)
        self.ui.openDataButton.setText(tr("Buka folder data"))
        self.ui.openDataButton.setIcon(qta.icon("fa5s.folder-open"))
        self.ui.openDataButton.clicked.connect(self.open_data_folder)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(tr("Tutup"))
        self.ui.buttonBox.rejected.connect(self.reject)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{version_details()}\n{tr('Folder data')}: {self.data_folder}")

    def open_data_folder(self) -> bool:
        folder = paths.ensure_dir(self.data_folder)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog


def add_about_button(window: QMainWindow) -> QToolButton:
    """A "Tentang" button in the window's status bar, and F1 for it."""
    button = QToolButton(window)
    button.setObjectName("aboutButton")
    button.setText(tr("Tentang"))
    button.setToolTip(tr("Tentang Balai: versi dan letak data (F1)"))
    icons.later(button.setIcon, "fa5s.info-circle")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def open_dialog() -> None:
        window.about_dialog = show_about(window)

    button.clicked.connect(open_dialog)
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)
    shortcut.activated.connect(open_dialog)
    window.statusBar().addPermanentWidget(button)
    if window.windowIcon().isNull():
        window.setWindowIcon(app_icon())
    return button
