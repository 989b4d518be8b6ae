"""The start-up check, before the database is opened for writing.

``ensure_sound_database(path)`` runs ``services.backup_startup.startup_state``:

- a damaged database is never opened: the person is told so and offered the
  newest sound backup; restoring it keeps the damaged file as ``rusak-*``;
  declining ends the program (returns False) with the file untouched;
- a database on a network drive is opened after a warning (the one-PC rule).

The restore here acts as the program itself (``SYSTEM``): nobody can sign in
against a damaged database, and the damaged file is kept, so nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import backup_restore, backup_startup
from balai_app.services.context import SYSTEM

TITLE = "Balai"


def ensure_sound_database(path: Path, parent: QWidget | None = None) -> bool:
    """True when the program may open the database at ``path``."""
    return handle_state(backup_startup.startup_state(path), parent)


def handle_state(state: backup_startup.StartupState, parent: QWidget | None = None) -> bool:
    """Act on a start-up check's verdict (``gui.app`` runs the check on a thread)."""
    if state.damaged:
        return _offer_restore(state, parent)
    if state.network_warning:
        QMessageBox.warning(parent, tr("Basis data di jaringan"), state.network_warning)
    return True


def _offer_restore(state: backup_startup.StartupState, parent: QWidget | None) -> bool:
    if state.newest_backup is None:
        QMessageBox.critical(parent, tr("Basis data rusak"), state.message)
        return False
    question = state.message + "\n\n" + tr(
        "Pulihkan dari cadangan ini sekarang? Berkas yang rusak disimpan lebih dulu di folder cadangan. "
        "Data yang dicatat sesudah tanggal cadangan perlu dimasukkan lagi.")
    answer = QMessageBox.question(parent, tr("Basis data rusak"), question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    newest = state.newest_backup
    result = service_call(parent, lambda: backup_restore.restore_backup(SYSTEM, newest.path, db_path=state.path),
                          title=tr("Pemulihan gagal"), critical=True)
    if result is FAILED:
        return False
    QMessageBox.information(
        parent, tr("Pemulihan selesai"),
        tr("Basis data dipulihkan dari cadangan {date}. Berkas yang rusak disimpan di:\n{path}").format(
            date=result.restored.taken_at.strftime("%d/%m/%Y %H:%M"), path=result.safety_copy),
    )
    return True
