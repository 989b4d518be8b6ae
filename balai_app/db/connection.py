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

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Power cuts are common in the field: FULL syncs the WAL on every commit.
    "synchronous": 2,
    "busy_timeout": 15000,
}


class DatabaseError(Exception):
    """A database that cannot be opened; the message is for the user."""


class DatabaseTooNew(DatabaseError):
    pass


def _connect(path: Path) -> SqliteDatabase:
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=15, check_same_thread=False)
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
    src = sqlite3.connect(str(source)) if own else source.connection()
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


def open_database(path: str | Path, *, migrate: bool = True, backup_dir: Path | None = None) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the database at ``path``.

    Before an existing database is migrated it is backed up with the backup
    API into ``backup_dir`` (default: the backups folder of ``balai_app.paths``).
    A database written by a newer version of the program is refused.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseError(f"'{path}' adalah folder, bukan berkas basis data.")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = _connect(path)
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
    if version < latest and migrate:
        if version > 0:
            from balai_app import paths

            folder = backup_dir or paths.backup_dir()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(db, folder / f"sebelum-migrasi-v{version}-{stamp}.sqlite")
        migrations.run(db, version)
    database.initialize(db)
    return db


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
