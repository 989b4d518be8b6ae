"""Restoring a backup over the database.

``restore_backup`` checks the file (sound, a Balai database, not from a newer
program), keeps a safety copy of the current database (``sebelum-pemulihan-*``,
or ``rusak-*`` byte for byte when it is damaged), prepares a private staging copy
(``<db>.pulih.<pid>.part``) migrated to this program's schema with the restore
already recorded in its audit trail, then switches it in: data and record arrive
together. A staging copy left by a restore that crashed is removed at the next
start (``clean_stale_staging``).
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from balai_app import log, paths
from balai_app.db import migrations
from balai_app.db.connection import PRAGMAS, backup_to
from balai_app.db.models import database
from balai_app.domain.backup_rotation import DAMAGED_PREFIX, SAFETY_PREFIX
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import audit, connections, integrity
from balai_app.services.backup_files import BackupInfo, current_database_path, free_name, inspect_backup, now
from balai_app.services.context import Actor
from balai_app.services.permissions import require

STAGING_MARK = ".pulih."


class RestoreRefused(BalaiError):
    """The chosen file cannot be restored (damaged, not Balai, newer schema, ...)."""


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None


# --- the safety copy ----------------------------------------------------------------


def _safety_copy(db_path: Path, folder: Path, when: dt.datetime) -> Path | None:
    """Keep the current database before it is replaced.

    A readable database is copied with the backup API; a damaged one is
    copied byte for byte (with its -wal), so that nothing is ever lost.
    """
    if not db_path.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    check = integrity.check_file(db_path, quick=True, foreign_keys=False)
    if not check.damaged:
        target = free_name(folder, SAFETY_PREFIX, when)
        try:
            backup_to(db_path, target)
            return target
        except sqlite3.Error:
            target.unlink(missing_ok=True)
    target = free_name(folder, DAMAGED_PREFIX, when)
    _close_own_connection(db_path)
    shutil.copyfile(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _close_own_connection(db_path: Path) -> None:
    """Close this process's connection to a damaged ``db_path`` before its file is copied or
    replaced: it must not outlive the file (it would go on writing into the replaced one), and
    copying the file outside SQLite drops the connection's locks anyway. peewee reconnects to
    the new file on next use."""
    db = database.obj
    if db is not None and not db.is_closed() and Path(db.database).resolve() == db_path.resolve():
        db.close()


# --- the staging copy ---------------------------------------------------------------------


def _staging_path(db_path: Path) -> Path:
    """This process's staging copy of a restore (the pid tells a crashed restore's leftover
    from one still running in another window)."""
    return db_path.with_name(f"{db_path.name}{STAGING_MARK}{os.getpid()}.part")


def process_alive(pid: int) -> bool:
    """True while process ``pid`` runs (Windows and POSIX)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _staging_copies(db_path: Path) -> list[tuple[Path, int | None]]:
    """(staging copy, pid of the restore that wrote it, None for the older unnamed kind)."""
    try:
        candidates = list(db_path.parent.glob(f"{glob.escape(db_path.name)}{STAGING_MARK}*part*"))
    except OSError:
        return []
    out = []
    for path in candidates:
        pid_text = path.name[len(db_path.name) + len(STAGING_MARK):].split(".", 1)[0]
        out.append((path, int(pid_text) if pid_text.isdigit() else None))
    return out


def restore_running(db_path: Path) -> int | None:
    """The pid of a process restoring into ``db_path`` right now, else None."""
    for _path, pid in _staging_copies(db_path):
        if pid is not None and process_alive(pid):
            return pid
    return None


def clean_stale_staging(db_path: Path) -> list[Path]:
    """Remove staging copies left by a restore that crashed (``<db>.pulih.<pid>.part`` of a
    process that no longer runs, and the older ``<db>.pulih.part``). Returns what went."""
    removed = []
    for path, pid in _staging_copies(db_path):
        if pid is not None and process_alive(pid):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            log.get("backup").warning("salinan sementara pemulihan %s tidak dapat dihapus", path)
    return removed


def _page_size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA page_size").fetchone()[0])


def _stage(source: Path, db_path: Path, actor: Actor, info: BackupInfo, safety: Path | None) -> Path:
    """A private copy of the backup, migrated to this program's schema, with the restore
    already recorded in its audit trail: the switch then brings data and record together
    (a crash can never leave a restored database without the record of its restore)."""
    staging = _staging_path(db_path)
    staging.unlink(missing_ok=True)
    backup_to(source, staging)
    db = peewee.SqliteDatabase(str(staging), pragmas={"foreign_keys": 1, "busy_timeout": 15000}, timeout=15)
    db.connect()
    try:
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
        if version < migrations.latest_version():
            migrations.run(db, version)
        if db_path.exists():
            live = sqlite3.connect(str(db_path), timeout=15)
            try:
                wanted: int | None = _page_size(live)
            except sqlite3.Error:
                wanted = None
            finally:
                live.close()
            if wanted and _page_size(db.connection()) != wanted:  # a WAL destination needs the same page size
                db.execute_sql(f"PRAGMA page_size = {int(wanted)}")
                db.execute_sql("VACUUM")
        with db.atomic("IMMEDIATE"):
            user_id = actor.user_id
            if user_id is not None and not db.execute_sql('SELECT 1 FROM "user" WHERE id = ?', (user_id,)).fetchone():
                user_id = None
            changes = {"berkas": ["", str(info.path)], "salinan_pengaman": ["", str(safety or "")]}
            audit.append_events(db.cursor(), [audit.NewEvent(
                user_id, actor.username, "restore", "database", None,
                tr("dipulihkan dari cadangan {date}").format(date=info.taken_at.strftime("%d/%m/%Y %H:%M")),
                audit.changes_json(changes))])
    finally:
        db.close()
    return staging


def _copy_into(staging: Path, db_path: Path) -> None:
    """Replace the content of ``db_path`` with the prepared ``staging`` copy, in one step.

    A sound current database is overwritten through the backup API, which
    takes SQLite's locks (another window of the program waits, then sees the
    restored data) and writes all pages in one transaction. A damaged or
    missing one is replaced as a file (an atomic rename).
    """
    live_ok = db_path.exists() and not integrity.check_file(db_path, quick=True, foreign_keys=False).damaged
    if live_ok:
        dst = sqlite3.connect(str(db_path), timeout=15)
        try:
            dst.execute("PRAGMA busy_timeout = 15000")
            src = sqlite3.connect(str(staging))
            try:
                src.backup(dst)
            finally:
                src.close()
        finally:
            dst.close()
        staging.unlink(missing_ok=True)
    else:
        _close_own_connection(db_path)
        for extra in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
        os.replace(staging, db_path)
    db = peewee.SqliteDatabase(str(db_path), pragmas=PRAGMAS, timeout=15)  # WAL again, as every open sets it
    db.connect()
    db.close()


# --- the restore -----------------------------------------------------------------------------


def restore_backup(
    actor: Actor,
    source: str | os.PathLike[str],
    *,
    db_path: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Restore ``source`` over the database (default: the program's database).

    Refused (RestoreRefused) unless the file is a sound Balai database of
    this schema or an older one. The current database is kept first as
    ``sebelum-pemulihan-*.sqlite`` (or ``rusak-*`` when damaged) in the
    backups folder.
    """
    require(actor, "backup.restore")
    if db_path is None and paths.database_is_on_server():  # issue 16: into the server database, whole or not at all
        from balai_app.services import server_backup

        try:
            done = server_backup.restore_into_server(actor, Path(source))
        except server_backup.ServerRestoreRefused as exc:
            raise RestoreRefused(exc.message) from exc
        return RestoreResult(done.restored, done.safety_copy)
    source = Path(source).expanduser()
    db_path = Path(db_path) if db_path else current_database_path()
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise RestoreRefused(tr("Berkas yang dipilih adalah basis data yang sedang dipakai, bukan cadangan."))
    info = inspect_backup(source, full=True)
    if not info.sound:
        raise RestoreRefused(
            tr("Berkas '{name}' tidak dapat dipulihkan: {problems}").format(
                name=source.name, problems="; ".join(info.problems[:3]))
        )
    when = now or _now()
    connections.release_idle()  # no worker thread keeps the file open while it is copied or replaced
    try:
        safety = _safety_copy(db_path, folder or paths.backup_dir(), when)
    except (OSError, sqlite3.Error) as exc:
        raise BalaiError(
            tr("Pemulihan dibatalkan: salinan pengaman basis data sekarang gagal dibuat ({err}).").format(err=exc)
        ) from exc
    staging = None
    try:
        staging = _stage(source, db_path, actor, info, safety)
        _copy_into(staging, db_path)
    except (OSError, sqlite3.Error, peewee.DatabaseError) as exc:
        if staging is not None:
            staging.unlink(missing_ok=True)
        raise BalaiError(
            tr("Pemulihan gagal: {err}. Basis data sebelumnya tersimpan di '{safety}'.").format(err=exc, safety=safety)
        ) from exc
    log.get("backup").info("dipulihkan dari %s ke %s; salinan pengaman %s", info.path, db_path, safety)
    after = integrity.check_file(db_path, quick=True, foreign_keys=False)
    if after.damaged:
        raise BalaiError(
            tr("Pemulihan selesai tetapi pemeriksaan gagal: {p}. "
               "Basis data sebelumnya tersimpan di '{safety}'.").format(
                p="; ".join(after.problems[:3]), safety=safety)
        )
    return RestoreResult(info, safety)


def _now() -> dt.datetime:
    return now()
