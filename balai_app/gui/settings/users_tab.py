"""Pengaturan → Pengguna: accounts (admin). Accounts are deactivated, never deleted."""

from __future__ import annotations

import secrets

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QWidget

from balai_app.gui.common.rows_model import Column, RowsModel
from balai_app.gui.common.form_errors import ERROR_STYLE, error_labels, show_errors
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_user_dialog import Ui_UserDialog
from balai_app.gui.forms.ui_users_tab import Ui_UsersTab
from balai_app.i18n import tr
from balai_app.services import accounts
from balai_app.services.context import Actor
from balai_app.services.permissions import ROLES, role_label

ROLE_HELP = {
    "admin": "Semua: akun, pengaturan, profil balai, sertifikat, cadangan, jejak audit, dan semua data.",
    "staf": "Penerima Manfaat, asesmen, layanan, program, angkatan, peserta, laporan. "
            "Dapat melihat sertifikat, tetapi tidak menerbitkan, mencabut atau mencetaknya.",
    "instruktur": "Hanya angkatan yang ia latih: sesi, presensi, penilaian. Melihat nama, foto dan jenis kelamin "
                  "peserta, tanpa NIK, No. KK, alamat, klaster atau catatan kasus.",
}


def user_status(row: accounts.UserRow) -> str:
    parts = [tr("aktif") if row.active else tr("nonaktif")]
    if row.locked:
        parts.append(tr("terkunci sementara"))
    if row.must_change_password and row.active:
        parts.append(tr("wajib ganti kata sandi"))
    return ", ".join(parts)


def _grey_if_inactive(row: accounts.UserRow) -> str | None:
    return None if row.active else "#64748b"


class UsersModel(RowsModel):
    """Every account (``accounts.list_users``) over the one table model; inactive ones in grey."""

    def __init__(self, actor: Actor, parent=None):
        super().__init__([
            Column("Nama pengguna", lambda r: r.username, color=_grey_if_inactive),
            Column("Nama lengkap", lambda r: r.full_name, color=_grey_if_inactive),
            Column("Peran", lambda r: role_label(r.role), color=_grey_if_inactive),
            Column("Status", user_status, color=_grey_if_inactive),
        ], lambda: accounts.list_users(actor), parent)


class UserDialog(QDialog):
    """A new account (with a temporary password) or changes to one (name, role, NIP)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None, *, user_id: int | None = None):
        super().__init__(parent)
        self.actor = actor
        self.user_id = user_id
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        for label in error_labels(self.ui).values():
            label.setStyleSheet(ERROR_STYLE)
        show_errors(self.ui, {})
        for code, text in ROLES.items():
            self.ui.roleCombo.addItem(tr(text), code)
        self.ui.roleCombo.currentIndexChanged.connect(self._role_changed)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.version = 0
        if user_id is None:
            self.setWindowTitle(tr("Akun baru"))
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("staf"))
        else:
            user = accounts.get_user(actor, user_id)
            self.setWindowTitle(tr("Ubah akun {name}").format(name=user.username))
            self.version = user.version
            self.ui.usernameEdit.setText(user.username)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.fullNameEdit.setText(user.full_name)
            self.ui.nipEdit.setText(user.nip)
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(user.role))
            for widget in (self.ui.passwordLabel, self.ui.passwordEdit, self.ui.repeatLabel, self.ui.repeatEdit):
                widget.setVisible(False)
        self._role_changed()

    def _role_changed(self) -> None:
        self.ui.roleHelp.setText(tr(ROLE_HELP.get(self.ui.roleCombo.currentData(), "")))

    def save(self) -> None:
        ui = self.ui
        data = {"full_name": ui.fullNameEdit.text(), "role": ui.roleCombo.currentData(), "nip": ui.nipEdit.text()}
        if self.user_id is None:
            if ui.passwordEdit.text() != ui.repeatEdit.text():
                show_errors(ui, {"repeat": tr("Kedua kata sandi tidak sama.")})
                return
            user_id = None
        else:
            user_id = self.user_id

        def write() -> object:
            if user_id is None:
                return accounts.create_user(self.actor, {**data, "username": ui.usernameEdit.text()},
                                            ui.passwordEdit.text())
            return accounts.update_user(self.actor, user_id, data, expected_version=self.version)

        if service_call(self, write, on_errors=lambda errors: show_errors(ui, errors)) is not FAILED:
            self.accept()


def temporary_password() -> str:
    """Readable: no 0/O or 1/l/I."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


class UsersTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_UsersTab()
        self.ui.setupUi(self)
        self.model = UsersModel(actor, self)
        self.ui.usersTable.setModel(self.model)
        self.ui.usersTable.verticalHeader().setVisible(False)
        self.ui.usersTable.verticalHeader().setDefaultSectionSize(self.ui.usersTable.fontMetrics().height() + 10)
        header = self.ui.usersTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.addButton.clicked.connect(self.add_user)
        self.ui.editButton.clicked.connect(self.edit_user)
        self.ui.resetButton.clicked.connect(self.reset_password)
        self.ui.activeButton.clicked.connect(self.toggle_active)
        self.ui.usersTable.doubleClicked.connect(lambda _index: self.edit_user())
        self.ui.usersTable.selectionModel().selectionChanged.connect(self._selection_changed)
        self.dialog: UserDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.model.reload()
        if selected is not None:
            row_number = self.model.find(lambda row: row.id == selected.id)
            if row_number >= 0:
                self.ui.usersTable.selectRow(row_number)
        self._selection_changed()

    def selected(self) -> accounts.UserRow | None:
        rows = self.ui.usersTable.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        row_number = self.model.find(lambda row: row.username == username)
        if row_number >= 0:
            self.ui.usersTable.selectRow(row_number)

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        for button in (self.ui.editButton, self.ui.resetButton, self.ui.activeButton):
            button.setEnabled(row is not None)
        self.ui.activeButton.setText(tr("Aktifkan") if row is not None and not row.active else tr("Nonaktifkan"))

    def add_user(self) -> None:
        self.dialog = UserDialog(self.actor, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def edit_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.dialog = UserDialog(self.actor, self, user_id=row.id)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Atur ulang kata sandi"),
            tr("Buat kata sandi sementara untuk {name}? Kata sandi lama tidak berlaku lagi, dan {name} "
               "wajib menggantinya saat masuk berikutnya.").format(name=row.username))
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = temporary_password()
        if service_call(self, lambda: accounts.reset_password(self.actor, row.id, password),
                        title=tr("Atur ulang kata sandi")) is FAILED:
            return
        self.refresh()
        QMessageBox.information(
            self, tr("Kata sandi sementara"),
            tr("Kata sandi sementara untuk {name}:\n\n{password}\n\nSampaikan secara langsung (jangan lewat pesan "
               "grup). Kata sandi ini hanya ditampilkan sekali.").format(name=row.username, password=password))

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.active:
            answer = QMessageBox.question(
                self, tr("Nonaktifkan akun"),
                tr("Nonaktifkan akun {name}? Akun tidak dihapus: riwayatnya tetap ada dan akun dapat diaktifkan "
                   "kembali.").format(name=row.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        if service_call(self, lambda: accounts.set_active(self.actor, row.id, not row.active),
                        title=tr("Akun")) is FAILED:
            return
        self.refresh()
