"""Making backups: the copies that survive a dead PC or a wrong click.

- ``create_backup``: SQLite's backup API (safe while the program writes, in WAL
  mode) into the backups folder, then ``PRAGMA integrity_check`` on the copy;
  a copy that fails is deleted and the backup reported as failed. Then the
  rotation (7 daily, 4 weekly, 12 monthly by default; ``domain/backup_rotation.py``)
  and a copy into the second folder (USB disk or network share) when one is set;
  a failure there is returned in ``BackupResult.second_error`` for the caller to show.
- ``backup_if_due``: the automatic backup when the program closes, at most
  once a day.
- the settings: the second folder and how many backups to keep.

Restoring is ``services/backup_restore.py``; the check before opening is
``services/backup_startup.py``; the files themselves ``services/backup_files.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from balai_app import log, paths
from balai_app.db.connection import backup_to, write_transaction
from balai_app.db.models import Setting, database
from balai_app.domain.backup_rotation import REGULAR_PREFIX, SUFFIX, Rotation, doomed, is_regular, stamp_of
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import audit
from balai_app.services.backup_files import (
    BackupInfo,
    current_database_path,
    free_name,
    inspect_backup,
    now,
)
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.permissions import require

SETTING_SECOND_FOLDER = "backup.second_folder"
SETTING_KEEP = {"daily": "backup.keep_daily", "weekly": "backup.keep_weekly", "monthly": "backup.keep_monthly"}


class BackupError(BalaiError):
    """A backup could not be written or did not pass its check."""


@dataclass(frozen=True)
class BackupResult:
    info: BackupInfo
    second_path: Path | None = None
    second_error: str | None = None  # shown to the user: never silent
    removed: tuple[Path, ...] = ()


# --- settings -----------------------------------------------------------------------


def _setting(key: str, default: str = "") -> str:
    if database.obj is None:
        return default  # no database bound (start-up): defaults
    try:
        row = Setting.get_or_none(Setting.key == key)
    except (peewee.PeeweeException, sqlite3.Error):  # a damaged or foreign file: defaults
        return default
    return row.value if row else default


def second_folder() -> Path | None:
    value = _setting(SETTING_SECOND_FOLDER).strip()
    return Path(value) if value else None


def set_second_folder(actor: Actor, folder: str | os.PathLike[str] | None) -> None:
    """Set (or with None/"" clear) the second backup folder."""
    require(actor, "backup.manage")
    value = str(folder).strip() if folder else ""
    if value and not Path(value).is_absolute():
        raise BalaiError(tr("Folder cadangan kedua harus berupa lokasi lengkap (mis. E:\\Cadangan)."))
    old = _setting(SETTING_SECOND_FOLDER)
    with write_transaction():
        if value:
            Setting.insert(key=SETTING_SECOND_FOLDER, value=value).on_conflict_replace().execute()
        else:
            Setting.delete().where(Setting.key == SETTING_SECOND_FOLDER).execute()
        audit.record(actor, "update", "setting", None, tr("folder cadangan kedua"),
                     {SETTING_SECOND_FOLDER: [old, value]})


def rotation() -> Rotation:
    """The rotation policy as set (``backup.keep_*``), defaults where unset or unreadable."""
    defaults = Rotation()
    values = {}
    for name, key in SETTING_KEEP.items():
        default = getattr(defaults, name)
        try:
            values[name] = max(0, int(_setting(key, str(default))))
        except ValueError:
            values[name] = default
    return Rotation(**values)


def rotate(folder: Path, policy: Rotation | None = None) -> tuple[Path, ...]:
    """Delete the regular backups the policy no longer keeps; returns what was removed."""
    policy = policy or rotation()
    names = [p.name for p in folder.glob(f"{REGULAR_PREFIX}*{SUFFIX}") if is_regular(p)]
    removed = []
    for name in doomed(names, policy):
        try:
            (folder / name).unlink()
            removed.append(folder / name)
        except OSError:
            log.get("backup").warning("rotasi: %s tidak dapat dihapus", folder / name)
    return tuple(removed)


# --- making backups ------------------------------------------------------------------------


def verified_copy(source: peewee.SqliteDatabase | Path, target: Path) -> BackupInfo:
    """Backup API copy of ``source`` to ``target``, then the full check on the copy."""
    try:
        backup_to(source, target)
    except (sqlite3.Error, OSError) as exc:
        log.get("backup").error("cadangan gagal ditulis ke %s: %s", target, exc)
        raise BackupError(tr("Cadangan gagal ditulis ke '{path}': {err}").format(path=target, err=exc)) from exc
    return check_copy(target)


def check_copy(target: Path) -> BackupInfo:
    """The full check of a copy just written; a copy that fails is deleted (BackupError)."""
    info = inspect_backup(target, full=True)
    if not info.sound:
        target.unlink(missing_ok=True)
        raise BackupError(
            tr("Cadangan '{name}' tidak lolos pemeriksaan dan telah dihapus: {problems}").format(
                name=target.name, problems="; ".join(info.problems[:3]))
        )
    return info


def _source() -> peewee.Database | Path:
    db = database.obj
    if db is not None and not isinstance(db, peewee.SqliteDatabase):
        return db  # a server database: copied through the program's own layer (it reconnects itself)
    if db is None or db.is_closed():
        path = current_database_path()
        if not path.exists():
            raise BackupError(tr("Basis data '{path}' tidak ditemukan; tidak ada yang dicadangkan.").format(path=path))
        return path
    return db


def create_backup(
    actor: Actor = SYSTEM,
    *,
    out: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
    second: Path | None | bool = True,
) -> BackupResult:
    """Back up the open database now.

    ``out``: write exactly that file (no rotation, no second folder).
    Otherwise a regular backup in ``folder`` (default: the backups folder),
    rotated, and copied to the second folder when one is set (``second``:
    True = the setting, a Path = that folder, None/False = none).
    Raises BackupError when the main copy fails; a failure in the second
    folder is returned in ``second_error``.
    """
    if actor is not SYSTEM:
        require(actor, "backup.manage")
    source = _source()
    if out is not None:
        target = Path(out).expanduser()
        if target.exists() and target.is_dir():
            raise BackupError(tr("'{path}' adalah folder; sebutkan nama berkas cadangan.").format(path=target))
        on_server = not isinstance(source, (Path, peewee.SqliteDatabase))  # a server has no file to overwrite
        if not on_server and target.resolve() == current_database_path().resolve():
            raise BackupError(tr("'{path}' adalah basis data yang sedang dipakai; pilih berkas lain untuk "
                                 "cadangan.").format(path=target))
        return BackupResult(verified_copy(source, target))
    folder = regular_folder(folder)
    info = verified_copy(source, free_name(folder, REGULAR_PREFIX, now or _now()))
    return finish_regular(info, folder, second)


def _now() -> dt.datetime:
    return now()


def regular_folder(folder: Path | None) -> Path:
    """The folder of regular backups, created when missing (BackupError when it cannot be)."""
    folder = folder or paths.backup_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            tr("Folder cadangan '{path}' tidak dapat dibuat: {err}").format(path=folder, err=exc)
        ) from exc
    return folder


def finish_regular(info: BackupInfo, folder: Path, second: Path | None | bool = True) -> BackupResult:
    """After a regular backup has been written and checked: rotation, second folder."""
    log.get("backup").info("cadangan dibuat: %s (%s byte)", info.path, info.size)
    removed = rotate(folder)
    if second is True:
        second = second_folder()
    second_path = second_error = None
    if second:
        second_path, second_error = _copy_to_second(info, Path(second))
    return BackupResult(info, second_path, second_error, removed)


def _copy_to_second(info: BackupInfo, folder: Path) -> tuple[Path | None, str | None]:
    """Copy a verified backup into the second folder; (path, None) or (None, message)."""
    try:
        if not folder.is_dir():
            return None, tr(
                "Folder cadangan kedua '{path}' tidak ditemukan (disk USB belum dipasang atau jaringan "
                "terputus?). Cadangan hanya tersimpan di folder utama."
            ).format(path=folder)
        target = folder / info.path.name
        part = target.with_name(target.name + ".part")
        shutil.copyfile(info.path, part)
        os.replace(part, target)
        copied = inspect_backup(target, full=True)
        if not copied.sound:
            target.unlink(missing_ok=True)
            return None, tr("Salinan di folder cadangan kedua '{path}' rusak saat ditulis dan telah dihapus.").format(
                path=folder)
        rotate(folder)
        return target, None
    except OSError as exc:
        return None, tr("Gagal menyalin cadangan ke folder kedua '{path}': {err}").format(path=folder, err=exc)


def backed_up_today(folder: Path | None = None, today: dt.date | None = None) -> bool:
    folder = folder or paths.backup_dir()
    today = today or dt.date.today()
    if not folder.is_dir():
        return False
    return any(
        (stamp_of(p) or dt.datetime.min).date() == today for p in folder.glob(f"{REGULAR_PREFIX}*{SUFFIX}")
    )


def backup_if_due(*, now: dt.datetime | None = None, folder: Path | None = None) -> BackupResult | None:
    """The automatic backup on close: at most once a day. None when not due, and
    when the open database was found damaged (read-only): a copy of it would fail
    its check, and must never push a sound backup out of the rotation."""
    from balai_app.db.connection import read_only_reason

    if read_only_reason() is not None:
        return None
    when = now or _now()
    if backed_up_today(folder, when.date()):
        return None
    return create_backup(SYSTEM, now=when, folder=folder)
