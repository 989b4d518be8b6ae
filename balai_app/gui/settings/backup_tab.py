"""Pengaturan > Cadangan: back up now, check, second folder, the list of backups, restore.

Also ``backup_on_close(window)``, called by the main window when it closes:
the automatic backup (at most once a day), whose failures are shown.
"""

from __future__ import annotations

from pathlib import Path
import qtawesome as qta
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QMessageBox, QWidget

from balai_app import paths
from balai_app.gui.common.rows_model import LEFT, RIGHT, Column, RowsModel
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_backup_tab import Ui_BackupTab
from balai_app.gui.settings.restore_dialog import RestoreDialog, describe_date
from balai_app.i18n import tr
from balai_app.services import backup, backup_files, backup_steps, integrity
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.domain.numbers import number



def _size(n: int) -> str:
    return f"{number(round(n / 1024 / 1024, 1))} MB" if n >= 1024 * 1024 else f"{number(max(1, n // 1024))} KB"


def _tooltip(info: backup_files.BackupInfo) -> str:
    return str(info.path) if info.sound else "\n".join(info.problems)


def _red_if_unsound(info: backup_files.BackupInfo) -> str | None:
    return None if info.sound else "#b91c1c"


def _count(n: int | None) -> str:
    return "-" if n is None else str(n)


class BackupListModel(RowsModel):
    """The backups folder, newest first (``services.backup_files.list_backups``), over the one
    table model; a backup that failed its check is red with its problems on hover."""

    def __init__(self, parent=None):
        def column(header: str, text, align=LEFT) -> Column:
            return Column(header, text, align, color=_red_if_unsound, tooltip=_tooltip)

        super().__init__([
            column("Tanggal", lambda i: i.taken_at.strftime("%d/%m/%Y %H:%M")),
            column("Jenis", lambda i: i.kind),
            column("PM", lambda i: _count(i.residents), RIGHT),
            column("Sertifikat", lambda i: _count(i.certificates), RIGHT),
            column("Ukuran", lambda i: _size(i.size), RIGHT),
            column("Berkas", lambda i: i.path.name),
        ], backup_files.list_backups, parent)


class BackupTab(QWidget):
    restored = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_BackupTab()
        self.ui.setupUi(self)
        self.model = BackupListModel(self)
        self.ui.backupsView.setModel(self.model)
        header = self.ui.backupsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.backupsView.verticalHeader().setVisible(False)
        self.ui.backupNowButton.setIcon(qta.icon("fa5s.save"))
        self.ui.checkButton.setIcon(qta.icon("fa5s.stethoscope"))
        self.ui.restoreButton.setIcon(qta.icon("fa5s.undo"))
        self.ui.restoreFileButton.setIcon(qta.icon("fa5s.folder-open"))
        self.ui.chooseSecondButton.setIcon(qta.icon("fa5s.folder"))
        self.ui.networkWarning.setStyleSheet(
            "background:#fef3c7; color:#92400e; border:1px solid #f59e0b; padding:6px; font-weight:bold;")
        can_restore = allowed(actor, "backup.restore")
        self.ui.restoreButton.setEnabled(can_restore)
        self.ui.restoreFileButton.setEnabled(can_restore)
        self.ui.backupNowButton.clicked.connect(self.backup_now)
        self.ui.checkButton.clicked.connect(self.check_database)
        self.ui.chooseSecondButton.clicked.connect(self.choose_second)
        self.ui.saveSecondButton.clicked.connect(self.save_second)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.restoreFileButton.clicked.connect(self.restore_file)
        self.ui.backupsView.doubleClicked.connect(lambda _index: self.restore_selected())
        self.refresh()

    # --- state ------------------------------------------------------------------
    def refresh(self) -> None:
        self.ui.folderLabel.setText(str(paths.backup_dir()))
        warning = None if paths.database_is_on_server() else integrity.one_pc_warning(
            backup_files.current_database_path())
        self.ui.networkWarning.setText(warning or "")
        self.ui.networkWarning.setVisible(bool(warning))
        keep = backup.rotation()
        self.ui.policyLabel.setText(tr(
            "Otomatis saat program ditutup (paling banyak sekali sehari). Disimpan: {d} harian, {w} mingguan, "
            "{m} bulanan. Setiap cadangan diperiksa keutuhannya setelah ditulis.").format(
            d=keep.daily, w=keep.weekly, m=keep.monthly))
        second = backup.second_folder()
        self.ui.secondFolderEdit.setText(str(second) if second else "")
        self.model.reload()
        regular = [i for i in self.model.rows() if i.path.name.startswith(backup.REGULAR_PREFIX)]
        if regular:
            last = regular[0]
            self.ui.lastBackupLabel.setText(tr("{date} — {res} PM, {cert} sertifikat").format(
                date=describe_date(last), res=number(last.residents), cert=number(last.certificates)))
        else:
            self.ui.lastBackupLabel.setText(tr("belum ada"))
        if self.model.rowCount():
            self.ui.backupsView.selectRow(0)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.ui.statusLabel.setStyleSheet("color:#b91c1c; font-weight:bold;" if error else "color:#166534;")
        self.ui.statusLabel.setText(text)

    # --- actions ------------------------------------------------------------------
    def _backup_failed(self, text: str) -> None:
        QApplication.restoreOverrideCursor()  # the box with the normal cursor
        self._say(text, error=True)
        QMessageBox.critical(self, tr("Cadangan gagal"), text)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # restored once by backup_now

    def backup_now(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = service_call(self, lambda: backup.create_backup(self.actor), on_error=self._backup_failed)
        finally:
            QApplication.restoreOverrideCursor()
        if result is FAILED:
            return
        self.refresh()
        info = result.info
        text = tr("Cadangan dibuat dan diperiksa: {name} ({res} PM, {cert} sertifikat).").format(
            name=info.path.name, res=number(info.residents), cert=number(info.certificates))
        if result.second_path:
            text += " " + tr("Salinan kedua: {path}.").format(path=result.second_path)
        self._say(text)
        if result.second_error:
            self._say(result.second_error, error=True)
            QMessageBox.warning(self, tr("Folder cadangan kedua"), result.second_error)

    def check_database(self) -> None:
        if paths.database_is_on_server():  # issue 16: the server keeps its own integrity; the chain is verified
            self._check_server()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = integrity.check_file(backup_files.current_database_path())
        finally:
            QApplication.restoreOverrideCursor()
        if result.damaged:
            self._say(tr("Basis data bermasalah:") + "\n" + "\n".join(f"- {p}" for p in result.problems[:10]),
                      error=True)
        else:
            self._say(tr("Basis data sehat: isi berkas utuh, rujukan antartabel tanpa masalah "
                         "({res} PM, {cert} sertifikat).").format(res=number(result.residents),
                                                                  cert=number(result.certificates)))

    def _check_server(self) -> None:
        from balai_app.services import server_backup

        result = service_call(self, server_backup.check_open_server, title=tr("Periksa basis data"))
        if result is FAILED:
            return
        if result.problems:
            self._say(tr("Basis data server bermasalah:") + "\n" + "\n".join(f"- {p}" for p in result.problems),
                      error=True)
            return
        self._say(tr("Basis data server {label} sehat: rantai jejak audit utuh ({res} PM, {cert} sertifikat).").format(
            label=result.label, res=result.residents, cert=result.certificates))

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Pilih folder cadangan kedua"),
                                                  self.ui.secondFolderEdit.text())
        if folder:
            self.ui.secondFolderEdit.setText(folder)

    def _second_failed(self, text: str) -> None:
        self.ui.secondStatusLabel.setStyleSheet("color:#b91c1c;")
        self.ui.secondStatusLabel.setText(text)

    def save_second(self) -> None:
        value = self.ui.secondFolderEdit.text().strip()
        if service_call(self, lambda: backup.set_second_folder(self.actor, value or None),
                        on_error=self._second_failed) is FAILED:
            return
        self.ui.secondStatusLabel.setStyleSheet("color:#166534;")
        if value and not Path(value).is_dir():
            self.ui.secondStatusLabel.setStyleSheet("color:#b45309;")
            self.ui.secondStatusLabel.setText(
                tr("Disimpan, tetapi folder ini belum ada sekarang (disk USB belum dipasang?). "
                   "Setiap cadangan akan memberi tahu bila gagal menyalin ke sana."))
        else:
            self.ui.secondStatusLabel.setText(tr("Disimpan.") if value else tr("Folder cadangan kedua tidak dipakai."))

    def selected_info(self) -> backup_files.BackupInfo | None:
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def restore_selected(self) -> None:
        info = self.selected_info()
        if info is None:
            self._say(tr("Pilih dulu cadangan yang akan dipulihkan."), error=True)
            return
        self.open_restore(info.path)

    def restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih berkas cadangan"), str(paths.backup_dir()),
                                              tr("Cadangan Balai (*.sqlite *.db);;Semua berkas (*)"))
        if name:
            self.open_restore(Path(name))

    def open_restore(self, path: Path) -> RestoreDialog:
        dialog = RestoreDialog(self.actor, path, self)
        if dialog.exec() == RestoreDialog.DialogCode.Accepted:
            self.refresh()
            self._say(tr("Dipulihkan dari {name}.").format(name=path.name))
            self.restored.emit()
            # The accounts are now those of the backup: sign in again (the main window's sign-out).
            window = self.window()
            if window is not self and hasattr(window, "sign_out"):
                QTimer.singleShot(0, window.sign_out)
        return dialog


def backup_on_close(parent: QWidget | None = None) -> backup.BackupResult | None:
    """The automatic backup when the window closes: at most once a day, never more than about a
    second (``services.backup_steps``: a large database is finished at the next start); failures
    are shown."""
    if not backup_files.database_is_open():
        return None
    result = service_call(parent, backup_steps.backup_on_close, title=tr("Cadangan otomatis gagal"))
    if result is FAILED:
        return None
    if result is not None and result.second_error:
        QMessageBox.warning(parent, tr("Folder cadangan kedua"), result.second_error)
    return result
