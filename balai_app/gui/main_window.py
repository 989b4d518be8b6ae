"""The main window: a sidebar of sections and the page of the chosen one."""

from __future__ import annotations

import importlib

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QListWidgetItem, QMainWindow, QToolButton, QWidget

from balai_app import __version__, paths
from balai_app.gui.common import icons
from balai_app.gui.common.about_dialog import add_about_button
from balai_app.gui.sections import SECTIONS, Section
from balai_app.gui.forms.ui_main_window import Ui_MainWindow
from balai_app.i18n import tr
from balai_app.services import accounts, profile
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed, role_label


def settings() -> QSettings:
    """Window state lives beside the data (an INI file), never in the install folder."""
    return QSettings(str(paths.data_dir() / "balai-gui.ini"), QSettings.Format.IniFormat)


class IdleWatcher(QObject):
    """App-wide event filter: any keyboard, mouse or touch input restarts the idle timer."""

    INPUT = frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
        QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    })

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self.INPUT and not self.window.is_locked:
            self.window.idle_timer.start()
        return False


AFTER_PAINT_SAFETY_MS = 2000


class _FirstPaint(QObject):
    """Runs the window's deferred work just after its first paint (input is never blocked for long)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, obj._painted)
        return False


class MainWindow(QMainWindow):
    # Emitted from closeEvent: True when the person signed out (show the sign-in again),
    # False when the window was simply closed (quit).
    closed = Signal(bool)

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
            item = QListWidgetItem(tr(section.label))
            icons.later(item.setIcon, section.icon, color="white")
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.ui.sidebar.addItem(item)
        self._current_row = -1
        self.ui.sidebar.currentRowChanged.connect(self._show_section)
        self._setup_account_bar()
        add_about_button(self)
        self._setup_idle_lock()
        self._restore_state()
        self._after_paint: list = []
        self.installEventFilter(_FirstPaint(self))
        # Shown but never painted (minimised at start): the deferred work runs anyway.
        QTimer.singleShot(AFTER_PAINT_SAFETY_MS, self, self._painted_late)
        icons.flush_after_first_paint(self)
        keys = self.section_keys()
        start = "sessions" if actor.role == "instruktur" and "sessions" in keys else keys[0]
        self.ui.sidebar.setCurrentRow(keys.index(start))

    # --- sections -------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [s.key for s in self._sections]

    def open_section(self, key: str) -> QWidget:
        self.ui.sidebar.setCurrentRow(self.section_keys().index(key))
        return self._pages[key]

    def current_page(self) -> QWidget | None:
        return self.ui.pages.currentWidget()

    def _may_leave_pages(self) -> bool:
        """Each open page with unsaved work (``can_leave()``) may ask to save or stay."""
        return all(page.can_leave() for page in self._pages.values() if hasattr(page, "can_leave"))

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        current = self.current_page()
        if row != self._current_row and current is not None and hasattr(current, "can_leave") \
                and not current.can_leave():
            self.ui.sidebar.blockSignals(True)  # stay: the sidebar shows the page still open
            self.ui.sidebar.setCurrentRow(self._current_row)
            self.ui.sidebar.blockSignals(False)
            return
        self._current_row = row
        section = self._sections[row]
        page = self._pages.get(section.key)
        if page is None:
            module_name, class_name = section.page.split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page = page_class(self.actor, self)
            self._pages[section.key] = page
            self.ui.pages.addWidget(page)
        self.ui.pages.setCurrentWidget(page)
        if self._after_paint is not None and hasattr(page, "refresh_after_paint"):
            page.refresh_after_paint(self.after_first_paint)  # the first page: its counts once shown
        elif hasattr(page, "refresh"):
            page.refresh()

    def after_first_paint(self, callback) -> None:
        """Run ``callback`` once the window has been painted (at once if it has)."""
        if self._after_paint is None:
            callback()
        else:
            self._after_paint.append(callback)

    def _painted_late(self) -> None:
        if self.isVisible():  # not for a window closed meanwhile (its database may be gone)
            self._painted()

    def _painted(self) -> None:
        work, self._after_paint = self._after_paint or [], None
        for callback in work:
            callback()

    # --- who is signed in, signing out ------------------------------------
    def _setup_account_bar(self) -> None:
        actor = self.actor
        name = accounts.display_name(actor.user_id) or actor.username
        self.user_label = QLabel(tr("{name} ({role})").format(name=name, role=role_label(actor.role)))
        self.user_label.setToolTip(tr("Masuk sebagai {user}").format(user=actor.username))
        self.ui.statusbar.addPermanentWidget(self.user_label)
        self.password_button = QToolButton()
        self.password_button.setText(tr("Ganti kata sandi"))
        icons.later(self.password_button.setIcon, "fa5s.key")
        self.password_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.password_button.clicked.connect(self.change_password)
        self.sign_out_button = QToolButton()
        self.sign_out_button.setText(tr("Keluar"))
        self.sign_out_button.setToolTip(tr("Keluar dari akun ini (layar masuk tampil lagi)"))
        icons.later(self.sign_out_button.setIcon, "fa5s.sign-out-alt")
        self.sign_out_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sign_out_button.clicked.connect(self.sign_out)
        has_account = actor.user_id is not None
        self.password_button.setVisible(has_account)
        self.sign_out_button.setVisible(has_account)
        self.ui.statusbar.addPermanentWidget(self.password_button)
        self.ui.statusbar.addPermanentWidget(self.sign_out_button)
        self._signing_out = False

    def change_password(self) -> None:
        from balai_app.gui.start.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.actor, self)
        dialog.accepted.connect(lambda: self.ui.statusbar.showMessage(tr("Kata sandi diganti."), 5000))
        dialog.open()
        self.password_dialog = dialog

    def sign_out(self) -> None:
        """One click: the window closes and the sign-in screen comes back.
        Dialogs still open (also behind the lock) are closed first."""
        self._signing_out = True
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and isinstance(widget, QDialog):
                widget.reject()
        self.close()

    # --- idle lock ------------------------------------------------------------
    def _setup_idle_lock(self) -> None:
        self.is_locked = False
        self.lock_screen = None
        self.lock_covers: list[QWidget] = []
        self._content: QWidget | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(profile.idle_lock_minutes() * 60_000)
        self.idle_timer.timeout.connect(self.lock)
        self.idle_watcher = IdleWatcher(self)
        if self.actor.user_id is not None:  # the system actor has no password to unlock with
            QApplication.instance().installEventFilter(self.idle_watcher)
            self.idle_timer.start()

    def lock(self) -> None:
        """Hide everything behind the lock screen until the same person's password is given."""
        if self.is_locked or self.actor.user_id is None:
            return
        from balai_app.gui.start.login_dialog import LockScreen

        self.is_locked = True
        self.idle_timer.stop()
        self.password_button.setEnabled(False)
        self._content = self.takeCentralWidget()
        self._content.setParent(self)
        self._content.hide()
        self.lock_screen = LockScreen(self.actor, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        self.setCentralWidget(self.lock_screen)
        self.lock_screen.form.ui.passwordEdit.setFocus()
        # Open dialogs (a form left half-filled) stay open, covered, so nothing typed is lost.
        self.lock_covers = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or widget.windowType() in (
                    Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen):
                continue
            cover = LockScreen(self.actor, widget, cover=True)
            cover.unlocked.connect(self.unlock)
            cover.sign_out_requested.connect(self.sign_out)
            cover.show()
            cover.raise_()
            self.lock_covers.append(cover)
        modal = QApplication.activeModalWidget()
        for cover in self.lock_covers:
            if cover.parentWidget() is modal:  # the only window that takes input now
                cover.form.ui.passwordEdit.setFocus()

    def unlock(self) -> None:
        if not self.is_locked:
            return
        self.setCentralWidget(self._content)  # deletes the lock screen
        self._content.show()
        for cover in self.lock_covers:
            if shiboken6.isValid(cover):  # its dialog may have been closed meanwhile
                cover.parentWidget().removeEventFilter(cover)
                cover.hide()
                cover.deleteLater()
        self.lock_covers = []
        self._content = None
        self.lock_screen = None
        self.is_locked = False
        self.password_button.setEnabled(True)
        self.idle_timer.setInterval(profile.idle_lock_minutes() * 60_000)
        self.idle_timer.start()

    # --- window state -----------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a laptop at 150 % scaling is small)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
            self.move(area.topLeft())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self.is_locked and not self._may_leave_pages():
            self._signing_out = False
            event.ignore()
            return
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.sync()
        self.idle_timer.stop()
        QApplication.instance().removeEventFilter(self.idle_watcher)
        importlib.import_module("balai_app.gui.settings.backup_tab").backup_on_close(self)  # at most once a day
        accounts.sign_out(self.actor, reason=tr("keluar") if self._signing_out else tr("jendela ditutup"))
        self.closed.emit(self._signing_out)
        super().closeEvent(event)
