"""Pengaturan → Profil balai: name, code, address, logo, head of the balai, idle lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from balai_app.gui.common.form_errors import ERROR_STYLE, error_labels, show_errors
from balai_app.gui.common.logo_picker import choose_logo_file, logo_pixmap, read_logo
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_profile_tab import Ui_ProfileTab
from balai_app.i18n import tr
from balai_app.services import profile
from balai_app.services.context import Actor

KEEP = profile.KEEP


class ProfileTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_ProfileTab()
        self.ui.setupUi(self)
        for label in error_labels(self.ui).values():
            label.setStyleSheet(ERROR_STYLE)
        self.version = 0
        self.logo = KEEP
        self.ui.chooseLogoButton.clicked.connect(self.choose_logo)
        self.ui.removeLogoButton.clicked.connect(self.remove_logo)
        self.ui.saveButton.clicked.connect(self.save)
        self.refresh()

    def refresh(self) -> None:
        info = profile.get_profile()
        show_errors(self.ui, {}, self.ui.messageLabel)
        if info is None:
            return
        ui = self.ui
        self.version = info.version
        ui.nameEdit.setText(info.name)
        ui.codeEdit.setText(info.code)
        ui.addressEdit.setPlainText(info.address)
        ui.cityEdit.setText(info.city)
        ui.phoneEdit.setText(info.phone)
        ui.headNameEdit.setText(info.head_name)
        ui.headNipEdit.setText(info.head_nip)
        ui.headTitleEdit.setText(info.head_title)
        ui.idleSpin.setValue(profile.idle_lock_minutes())
        self.logo = KEEP
        self._show_logo(bytes(info.logo) if info.logo else None)

    def _show_logo(self, data: bytes | None) -> None:
        if not data:
            self.ui.logoPreview.setPixmap(QPixmap())
            self.ui.logoPreview.setText(tr("(tanpa logo)"))
            self.ui.removeLogoButton.setEnabled(False)
            return
        self.ui.logoPreview.setPixmap(logo_pixmap(data, 92))
        self.ui.removeLogoButton.setEnabled(True)

    def choose_logo(self) -> None:
        path = choose_logo_file(self)
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: Path) -> None:
        logo = read_logo(self.ui, path)
        if logo is None:
            return
        self.logo = logo
        show_errors(self.ui, {})
        self._show_logo(self.logo)

    def remove_logo(self) -> None:
        self.logo = None
        self._show_logo(None)

    def _show_failure(self, errors: dict[str, str]) -> None:
        show_errors(self.ui, errors, self.ui.messageLabel)
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE)

    def data(self) -> dict[str, str]:
        ui = self.ui
        return {"name": ui.nameEdit.text(), "code": ui.codeEdit.text(), "address": ui.addressEdit.toPlainText(),
                "city": ui.cityEdit.text(), "phone": ui.phoneEdit.text(), "head_name": ui.headNameEdit.text(),
                "head_nip": ui.headNipEdit.text(), "head_title": ui.headTitleEdit.text()}

    def save(self) -> None:
        """The profile first; the idle setting only once the profile is saved (nothing half-saved)."""

        def write() -> None:
            profile.update_profile(self.actor, self.data(), expected_version=self.version, logo=self.logo)
            profile.set_setting(self.actor, profile.IDLE_LOCK_KEY, self.ui.idleSpin.value())

        if service_call(self, write, on_errors=self._show_failure,
                        on_error=lambda text: self._show_failure({"_": text})) is FAILED:
            return
        self.refresh()
        self.ui.messageLabel.setStyleSheet("color:#166534;")
        self.ui.messageLabel.setText(tr("Tersimpan."))
        self.ui.messageLabel.setVisible(True)
        window = self.window()
        if hasattr(window, "idle_timer"):
            window.idle_timer.setInterval(profile.idle_lock_minutes() * 60_000)
