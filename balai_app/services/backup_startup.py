"""The check before a database is opened: a damaged one is reported with the newest
sound backup, never opened for writing.

``startup_state`` runs ``quick_check`` (the window, which runs the full check in the
background right after opening) or the full ``integrity_check`` (the command line);
``refuse_if_damaged`` turns a damaged state into the command line's message.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from balai_app import paths
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import integrity
from balai_app.services.backup import SETTING_SECOND_FOLDER
from balai_app.services.backup_files import BackupInfo, newest_sound_backup
from balai_app.services.backup_restore import clean_stale_staging


@dataclass(frozen=True)
class StartupState:
    path: Path
    damaged: bool = False
    problems: tuple[str, ...] = ()
    newest_backup: BackupInfo | None = None
    network_warning: str | None = None

    @property
    def message(self) -> str:
        text = tr("Basis data '{path}' rusak dan tidak dibuka agar tidak bertambah rusak.").format(path=self.path)
        detail = "\n".join(f"- {p}" for p in self.problems[:5])
        if self.newest_backup:
            b = self.newest_backup
            offer = tr("Cadangan sehat terbaru: {date} ({res} PM, {cert} sertifikat).").format(
                date=b.taken_at.strftime("%d/%m/%Y %H:%M"), res=b.residents, cert=b.certificates)
        else:
            offer = tr("Tidak ada cadangan sehat di folder cadangan. Hubungi petugas TI; jangan hapus berkas ini.")
        return f"{text}\n{detail}\n\n{offer}"


def startup_state(
    db_path: str | os.PathLike[str] | None = None, *, extra_folders: list[Path] | None = None,
    full: bool = False,
) -> StartupState:
    """The check before the database is opened for writing: ``quick_check`` (the
    window, which runs the full check in the background right after opening), or
    with ``full`` the complete ``integrity_check`` that also compares every index
    with its table (the command line, before any command reads or writes)."""
    db_path = Path(db_path) if db_path else paths.database_path()
    warning = integrity.one_pc_warning(db_path)
    clean_stale_staging(db_path)  # a restore that crashed must not leave its copy behind
    if not db_path.exists() or db_path.stat().st_size == 0:
        # a new installation (or an empty file the set-up wizard may fill): nothing to check
        return StartupState(db_path, network_warning=warning)
    check = integrity.check_file(db_path, quick=not full, foreign_keys=False)
    if not check.damaged:
        return StartupState(db_path, network_warning=warning)
    folders = [paths.backup_dir(), *(extra_folders or [])]
    second = _second_folder_of_damaged(db_path)
    if second is not None:
        folders.append(second)
    return StartupState(db_path, True, tuple(check.problems), newest_sound_backup(folders), warning)


def _second_folder_of_damaged(db_path: Path) -> Path | None:
    """The second backup folder as set in a damaged database, when that part still reads."""
    try:
        conn = integrity.readonly_connect(db_path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (SETTING_SECOND_FOLDER,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return Path(row[0]) if row and row[0] else None


def refuse_if_damaged(db_path: str | os.PathLike[str] | None = None) -> None:
    """For the command line: raise (with what to do) instead of opening a damaged database.

    The full integrity check runs here (about 0.5 s at 50,000 PMs on a loaded 2-core
    machine): a file whose indexes disagree with its tables gives wrong answers and must
    not be written to, and a command has no window in which to show a later warning."""
    state = startup_state(db_path, full=True)
    if state.damaged:
        hint = tr("Pulihkan dengan: balai-app --db \"{db}\" restore \"{file}\"").format(
            db=state.path, file=state.newest_backup.path if state.newest_backup else tr("BERKAS-CADANGAN"))
        raise BalaiError(f"{state.message}\n{hint}")
