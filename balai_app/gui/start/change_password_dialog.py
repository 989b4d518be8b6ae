"""Changing one's own password (forced at the first sign-in of a new account)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from balai_app.gui.common.form_errors import clear_errors, show_errors
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_login_password import Ui_ChangePasswordDialog
from balai_app.i18n import tr
from balai_app.services import accounts
from balai_app.services.context import Actor


class ChangePasswordDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None, *, forced: bool = False,
                 old_password: str | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Ganti kata sandi"))
        if forced:
            self.ui.infoLabel.setText(
                tr("Ini pertama kali Anda masuk (atau kata sandi Anda baru diatur ulang oleh admin). "
                   "Buat kata sandi baru sebelum melanjutkan: minimal {n} karakter.").format(n=accounts.MIN_PASSWORD))
        if old_password is not None:
            # Just typed at the sign-in screen: no need to ask again.
            self.ui.oldEdit.setText(old_password)
            for widget in (self.ui.old_passwordLabel, self.ui.oldEdit, self.ui.old_passwordError):
                widget.setVisible(False)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Simpan"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        clear_errors(self.ui)
        (self.ui.newEdit if old_password is not None else self.ui.oldEdit).setFocus()

    def save(self) -> None:
        new = self.ui.newEdit.text()
        if new != self.ui.repeatEdit.text():
            show_errors(self.ui, {"repeat": tr("Kedua kata sandi baru tidak sama.")})
            return
        if service_call(self, lambda: accounts.change_password(self.actor, self.ui.oldEdit.text(), new),
                        on_errors=self._show_errors) is not FAILED:
            self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        if "old_password" in errors and not self.ui.oldEdit.isVisible():
            errors["new_password"] = errors.pop("old_password")
        show_errors(self.ui, errors)
