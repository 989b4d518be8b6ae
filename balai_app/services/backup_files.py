"""The backup files on disk: what each one is, and where the next one goes.

- ``inspect_backup``: date, counts and (with ``full``) the integrity check of one file;
- ``list_backups`` / ``newest_sound_backup``: the backups folder(s), newest first;
- ``free_name``: a name for a new backup that overwrites nothing;
- ``current_database_path``: the file of the open database.

The naming rules and the rotation policy are pure and live in ``domain/backup_rotation.py``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import peewee

from balai_app import paths
from balai_app.db.models import database
from balai_app.domain.backup_rotation import (
    DAMAGED_PREFIX,
    MIGRATION_PREFIX,
    REGULAR_PREFIX,
    SAFETY_PREFIX,
    SUFFIX,
    backup_name,
    stamp_of,
)
from balai_app.i18n import tr
from balai_app.services import integrity


@dataclass(frozen=True)
class BackupInfo:
    """What a person needs to recognise a backup before restoring it."""

    path: Path
    taken_at: dt.datetime
    size: int
    schema_version: int | None = None
    residents: int | None = None
    certificates: int | None = None
    problems: tuple[str, ...] = ()
    checked: bool = False  # True when ``problems`` comes from a full integrity check

    @property
    def sound(self) -> bool:
        return not self.problems

    @property
    def kind(self) -> str:
        name = self.path.name
        if name.startswith(REGULAR_PREFIX):
            return tr("rutin")
        if name.startswith(SAFETY_PREFIX):
            return tr("sebelum pemulihan")
        if name.startswith(MIGRATION_PREFIX):
            return tr("sebelum pembaruan")
        if name.startswith(DAMAGED_PREFIX):
            return tr("salinan rusak")
        return tr("lain")


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def taken_at(path: Path) -> dt.datetime:
    return stamp_of(path) or dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def free_name(folder: Path, prefix: str, when: dt.datetime) -> Path:
    """``folder/<prefix><stamp>.sqlite``, or ``-2``, ``-3`` ... when taken."""
    n = 1
    candidate = folder / backup_name(prefix, when, n)
    while candidate.exists():
        n += 1
        candidate = folder / backup_name(prefix, when, n)
    return candidate


def inspect_backup(path: str | os.PathLike[str], *, full: bool = True) -> BackupInfo:
    """Date and counts of one backup file; with ``full`` also its integrity and
    foreign-key checks (without: only that it opens as a Balai database)."""
    path = Path(path)
    check = integrity.check_file(path, foreign_keys=full, scan=full)
    try:
        size = path.stat().st_size
        taken = taken_at(path)
    except OSError:
        size, taken = 0, now()
    return BackupInfo(
        path=path,
        taken_at=taken,
        size=size,
        schema_version=check.schema_version,
        residents=check.residents,
        certificates=check.certificates,
        problems=tuple(check.messages()),
        checked=full,
    )


def list_backups(folder: Path | None = None, *, full: bool = False) -> list[BackupInfo]:
    """Every ``*.sqlite`` in the backups folder, newest first."""
    folder = folder or paths.backup_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    infos = [inspect_backup(p, full=full) for p in files]
    infos.sort(key=lambda i: (i.taken_at, i.path.name), reverse=True)
    return infos


def newest_sound_backup(folders: list[Path] | None = None) -> BackupInfo | None:
    """The newest backup that passes the full check, searching every folder given."""
    candidates: list[Path] = []
    for folder in folders or [paths.backup_dir()]:
        if folder and folder.is_dir():
            candidates.extend(
                p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith(DAMAGED_PREFIX)
            )
    candidates.sort(key=lambda p: (taken_at(p), p.name), reverse=True)
    for path in candidates:
        info = inspect_backup(path, full=True)
        if info.sound:
            return info
    return None


def current_database_path() -> Path:
    """The file of the open database, else the program's database path. A server database
    has no file: ``paths.ServerDatabase`` (its name is not a path in the working folder)."""
    db = database.obj
    if db is not None and not isinstance(db, peewee.SqliteDatabase):
        raise paths.ServerDatabase(f"the open database is on a server ({getattr(db, 'database', '?')}); it has no file")
    if db is not None and getattr(db, "database", None) and db.database != ":memory:":
        return Path(db.database)
    return paths.database_path()


def database_is_open() -> bool:
    """True while this process has the database open (the window's close backup needs it)."""
    db = database.obj
    return db is not None and not db.is_closed()
