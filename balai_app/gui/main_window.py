"""The main window: a sidebar of sections and the page of the chosen one."""

from __future__ import annotations

import importlib

import qtawesome as qta
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from balai_app import __version__, paths
from balai_app.gui.sections import SECTIONS, Section
from balai_app.gui.ui_main_window import Ui_MainWindow
from balai_app.i18n import tr
from balai_app.services import profile
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


def settings() -> QSettings:
    """Window state lives beside the data (an INI file), never in the install folder."""
    return QSettings(str(paths.data_dir() / "balai-gui.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._pages: dict[str, QWidget] = {}
        self._sections: list[Section] = [
            s for s in SECTIONS if s.permission is None or allowed(actor, s.permission)
        ]
        info = profile.get_profile()
        name = info.name if info else tr("Balai")
        self.setWindowTitle(f"{name} — Balai {__version__}")
        self.ui.demoBanner.setVisible(bool(info and info.is_demo))
        self.ui.demoBanner.setStyleSheet(
            "background:#b45309; color:white; font-weight:bold; padding:4px;"
        )
        self.ui.demoBanner.setText(tr("DEMO — data contoh, bukan data sebenarnya"))
        self.ui.sidebar.setIconSize(QSize(20, 20))
        self.ui.sidebar.setStyleSheet(
            "QListWidget{background:#1f3a5f; color:white; font-size:10.5pt; padding-top:8px;}"
            "QListWidget::item{padding:9px 10px;}"
            "QListWidget::item:selected{background:#2f6690; color:white;}"
        )
        for section in self._sections:
            item = QListWidgetItem(qta.icon(section.icon, color="white"), tr(section.label))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.ui.sidebar.addItem(item)
        self.ui.sidebar.currentRowChanged.connect(self._show_section)
        self.user_label = QLabel(tr("Pengguna: {name}").format(name=actor.username))
        self.ui.statusbar.addPermanentWidget(self.user_label)
        self._restore_state()
        self.ui.sidebar.setCurrentRow(0)

    # --- sections -------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [s.key for s in self._sections]

    def open_section(self, key: str) -> QWidget:
        self.ui.sidebar.setCurrentRow(self.section_keys().index(key))
        return self._pages[key]

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        section = self._sections[row]
        page = self._pages.get(section.key)
        if page is None:
            module_name, class_name = section.page.split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page = page_class(self.actor, self)
            self._pages[section.key] = page
            self.ui.pages.addWidget(page)
        self.ui.pages.setCurrentWidget(page)
        if hasattr(page, "refresh"):
            page.refresh()

    # --- window state -----------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)
