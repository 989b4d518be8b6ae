"""Opening the SQLite database: pragmas, version check, backup, migrations.

One process opens one database. ``open_database`` binds the models'
``DatabaseProxy`` to it, so services simply use the models.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from balai_app.db import migrations
from balai_app.db.models import database

BUSY_TIMEOUT_MS = 15000  # the command line's wait for another process's write lock
PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Power cuts are common in the field: FULL syncs the WAL on every commit.
    "synchronous": 2,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


class DatabaseError(Exception):
    """A database that cannot be opened; the message is for the user."""


class DatabaseTooNew(DatabaseError):
    pass


class ForeignDatabase(DatabaseError):
    """A non-empty file that is not a Balai database (another program's SQLite file)."""


# Tables every Balai database has had since schema v1.
CORE_TABLES = ("resident", "certificate", "user", "audit_event", "setting", "balai_profile")


def _readonly_uri(path: Path) -> str:
    import urllib.parse

    uri_path = urllib.parse.quote(str(path.resolve()).replace("\\", "/"), safe="/:")
    if not uri_path.startswith("/"):
        uri_path = "/" + uri_path  # Windows drive letter: file:///C:/...
    return f"file:{uri_path}?mode=ro"


def refuse_foreign_file(path: Path) -> None:
    """Raise ForeignDatabase when ``path`` holds anything but a Balai database or nothing.

    Only an empty file (zero bytes, or a new SQLite file without any table) may
    become a Balai database. Another program's file is left exactly as it is:
    it is looked at through a read-only connection, before any pragma (WAL!)
    could change it.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
    except OSError:
        return  # the real open reports the problem
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, timeout=15)
    except sqlite3.Error:
        return
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.Error:
        return  # not a database at all: the real open says so
    finally:
        conn.close()
    if not tables:
        return
    missing = [t for t in CORE_TABLES if t not in tables]
    if missing or version == 0:
        raise ForeignDatabase(
            f"Berkas '{path}' bukan basis data Balai (berisi tabel program lain; tabel "
            f"{', '.join(missing) or '-'} tidak ada). Berkas ini tidak diubah. Pilih berkas basis data "
            "Balai, atau buat yang baru dengan 'balai-app --db BERKAS-BARU init'."
        )


# How long a write waits for another process's write lock. The command line waits the full
# 15 s (a script had better wait than fail); the window waits only a moment (GUI_BUSY_MS)
# on its thread and then retries behind a busy bar with "Batal" (gui/common/busy_wait.py)
# or says that the database is busy -- it never freezes.
GUI_BUSY_MS = 250


def busy_timeout_ms() -> int:
    """``BALAI_BUSY_TIMEOUT`` (seconds) when set, else 15 s."""
    import os

    try:
        return max(0, int(float(os.environ["BALAI_BUSY_TIMEOUT"]) * 1000))
    except (KeyError, ValueError):
        return BUSY_TIMEOUT_MS


def is_busy_error(exc: BaseException) -> bool:
    """SQLite's "database is locked/busy" (another process held the write lock too long)."""
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def _connect(path: Path, busy_ms: int | None = None) -> SqliteDatabase:
    busy_ms = busy_timeout_ms() if busy_ms is None else busy_ms
    db = SqliteDatabase(str(path), pragmas={**PRAGMAS, "busy_timeout": busy_ms}, timeout=busy_ms / 1000,
                        check_same_thread=False)
    db.connect(reuse_if_open=True)
    return db


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def backup_to(source: SqliteDatabase | str | Path, target: Path) -> Path:
    """Copy a database with SQLite's online backup API (safe in WAL mode)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    own = not isinstance(source, SqliteDatabase)
    src = source.connection() if isinstance(source, SqliteDatabase) else sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        if own:
            src.close()
    tmp.replace(target)
    return target


def open_database(path: str | Path, *, migrate: bool = True, backup_dir: Path | None = None,
                  busy_ms: int | None = None) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the database at ``path``.

    Before an existing database is migrated it is backed up with the backup
    API into ``backup_dir`` (default: the backups folder of ``balai_app.paths``).
    A database written by a newer version of the program is refused.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseError(f"'{path}' adalah folder, bukan berkas basis data.")
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_foreign_file(path)  # before any pragma touches another program's file
    global _read_only_reason
    _read_only_reason = None
    try:
        db = _connect(path, busy_ms)
        version = schema_version(db)
    except Exception as exc:  # not a database at all, unreadable, ...
        raise DatabaseError(f"Berkas '{path}' tidak dapat dibuka sebagai basis data Balai: {exc}") from exc
    latest = migrations.latest_version()
    if version > latest:
        db.close()
        raise DatabaseTooNew(
            f"Basis data '{path}' dibuat oleh versi Balai yang lebih baru (skema {version}, "
            f"program ini mengenal sampai {latest}). Perbarui program Balai terlebih dahulu."
        )
    from balai_app import log

    logger = log.get("db")
    if version < latest and migrate:
        logger.info("migrasi skema %s -> %s: %s", version, latest, path)
        if version > 0:
            from balai_app import paths

            folder = backup_dir or paths.backup_dir()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(db, folder / f"sebelum-migrasi-v{version}-{stamp}.sqlite")
        migrations.run(db, version)
    database.initialize(db)
    logger.info("basis data dibuka: %s (skema %s)", path, max(version, latest if migrate else version))
    return db


_read_only_reason: str | None = None


def set_read_only(reason: str) -> None:
    """From now on the open database refuses every write (``PRAGMA query_only``).

    Used when the full integrity check, run after opening, finds damage: the
    person can still read and export, but nothing is written into a damaged
    file. Kept on reconnect (peewee re-applies its pragmas)."""
    global _read_only_reason
    _read_only_reason = reason
    db = database.obj
    if db is None:
        return
    pragmas = [(k, v) for k, v in getattr(db, "_pragmas", []) if k != "query_only"]
    db._pragmas = [*pragmas, ("query_only", 1)]
    if not db.is_closed():
        db.execute_sql("PRAGMA query_only = 1")


def read_only_reason() -> str | None:
    """Why the open database is read-only, or None when it is writable."""
    return _read_only_reason


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


@contextmanager
def write_transaction():
    """A write transaction that takes the write lock at its start (BEGIN IMMEDIATE).

    Taking the lock first means two processes never deadlock half-way; the
    busy timeout makes the second one wait instead of failing.
    """
    db = database.obj
    if db.in_transaction():
        with db.atomic():
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield
