"""Pulihkan dari cadangan: show what a backup holds, check it, confirm, restore.

The dialog checks the file when it opens (full ``integrity_check``), shows its
date and its counts of residents and certificates, and enables "Pulihkan"
only for a sound Balai backup once the person ticks the confirmation. The
restore itself (safety copy first) is ``services.backup_restore.restore_backup``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_backup_restore_dialog import Ui_RestoreDialog
from balai_app.i18n import tr
from balai_app.services import backup_files, backup_restore
from balai_app.services.context import Actor
from balai_app.domain.numbers import number


def describe_date(info: backup_files.BackupInfo) -> str:
    from balai_app.domain.dates import format_long

    return f"{format_long(info.taken_at.date())}, {info.taken_at:%H:%M}"


class RestoreDialog(QDialog):
    def __init__(self, actor: Actor, source: str | Path, parent: QWidget | None = None, *,
                 db_path: Path | None = None):
        super().__init__(parent)
        self.actor = actor
        self.db_path = db_path
        self.result_info: backup_restore.RestoreResult | None = None
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Pulihkan dari cadangan"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.info = backup_files.inspect_backup(Path(source), full=True)
        finally:
            QApplication.restoreOverrideCursor()
        info = self.info
        self.ui.fileLabel.setText(str(info.path))
        self.ui.dateLabel.setText(describe_date(info))
        self.ui.residentsLabel.setText(number(info.residents))
        self.ui.certificatesLabel.setText(number(info.certificates))
        if info.sound:
            self.ui.checkLabel.setText(tr("sehat (isi berkas utuh, rujukan antartabel tanpa masalah)"))
            self.ui.checkLabel.setStyleSheet("color:#166534; font-weight:bold;")
        else:
            self.ui.checkLabel.setText(tr("TIDAK DAPAT DIPULIHKAN: {p}").format(p="; ".join(info.problems[:3])))
            self.ui.checkLabel.setStyleSheet("color:#b91c1c; font-weight:bold;")
            self.ui.confirmBox.setEnabled(False)
        self.ui.warningLabel.setStyleSheet("color:#92400e;")
        self.ui.restoreButton.setEnabled(False)
        self.ui.confirmBox.toggled.connect(self._update_button)
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.cancelButton.clicked.connect(self.reject)

    def _update_button(self) -> None:
        self.ui.restoreButton.setEnabled(self.info.sound and self.ui.confirmBox.isChecked())

    def _failed(self, text: str) -> None:
        QApplication.restoreOverrideCursor()  # the box with the normal cursor
        QMessageBox.critical(self, tr("Pemulihan gagal"), text)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # restored once by restore()

    def restore(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = service_call(self, lambda: backup_restore.restore_backup(self.actor, self.info.path, db_path=self.db_path),
                                  on_error=self._failed)
        finally:
            QApplication.restoreOverrideCursor()
        if result is FAILED:
            return
        self.result_info = result
        safety = self.result_info.safety_copy
        QMessageBox.information(
            self, tr("Pemulihan selesai"),
            tr("Basis data dipulihkan dari cadangan {date} ({res} PM, {cert} sertifikat).").format(
                date=describe_date(self.info), res=number(self.info.residents), cert=number(self.info.certificates))
            + ("\n\n" + tr("Basis data sebelumnya disimpan di:\n{path}").format(path=safety) if safety else "")
            + "\n\n" + tr("Silakan masuk lagi dengan akun yang tercatat di cadangan ini."),
        )
        self.accept()
