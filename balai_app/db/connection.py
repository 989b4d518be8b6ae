"""Opening the database: pragmas, version check, backup, migrations.

The database is a SQLite file (the default, one PC) or a PostgreSQL database
on a server (``postgresql://USER@HOST:PORT/DBNAME``, several PCs; see
``server.py``). Both go the same way: version check, refusal of a newer
schema, a backup before migrating (of a server database: a SQLite file with
the same schema, written by ``transfer``), then the migrations.

One process opens one database. ``open_database`` binds the models'
``DatabaseProxy`` to it, so services simply use the models.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from peewee import Database, SqliteDatabase

from balai_app.db import dialect, migrations, server
from balai_app.db.models import database

BUSY_TIMEOUT_MS = 15000  # the command line's wait for another process's write lock
PRAGMAS = dialect.SQLITE_PRAGMAS  # busy_timeout: BUSY_TIMEOUT_MS


class DatabaseError(Exception):
    """A database that cannot be opened; the message is for the user."""


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseBusy(DatabaseError):
    """Another PC held the server database's lock longer than the wait while it was being
    opened (a schema upgrade or a restore on another PC). The message is for the user."""


class ServerUnavailable(DatabaseError):
    """The server cannot be reached or refuses us; ``kind`` as in ``server.ServerError``."""

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


def is_server_location(location: object) -> bool:
    """True for ``postgresql://…`` (a database on a server), False for a file path."""
    return server.is_server_url(str(location)) if location is not None else False


def _folded_server_address(location: object) -> bool:
    """``Path("postgresql://…")`` folds ``//`` into ``/``: a server address made a file path
    by mistake, which must never become a SQLite file in a folder named ``postgresql:``."""
    text = str(location).replace("\\", "/")
    scheme, sep, _rest = text.partition(":/")
    return bool(sep) and scheme.lower() in server.SCHEMES and not is_server_location(text)


def _too_new(label: str, version: int, latest: int) -> DatabaseTooNew:
    return DatabaseTooNew(
        f"Basis data '{label}' dibuat oleh versi Balai yang lebih baru (skema {version}, "
        f"program ini mengenal sampai {latest}). Perbarui program Balai terlebih dahulu."
    )


def _pre_migration_backup(db: Database, version: int, backup_dir: Path | None) -> Path:
    from balai_app import paths

    folder = backup_dir or paths.backup_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(db, folder / f"sebelum-migrasi-v{version}-{stamp}.sqlite")


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
    """SQLite's "database is locked/busy", or the server's lock wait running out (SQLSTATE
    55P03, ``server.ServerBusy``): another process or PC held the lock too long."""
    text = str(exc)
    return "database is locked" in text or "database is busy" in text or server.is_lock_timeout(exc)


def _connect(path: Path, busy_ms: int | None = None) -> SqliteDatabase:
    busy_ms = busy_timeout_ms() if busy_ms is None else busy_ms
    db = SqliteDatabase(str(path), pragmas={**PRAGMAS, "busy_timeout": busy_ms}, timeout=busy_ms / 1000,
                        check_same_thread=False)
    db.connect(reuse_if_open=True)
    return db


def schema_version(db: Database) -> int:
    return dialect.schema_version(db)


def backup_to(source: Database | str | Path, target: Path) -> Path:
    """Copy a database with SQLite's online backup API (safe in WAL mode).

    A server database is copied into a SQLite file of the same schema through
    the program's own layer (``transfer.copy_database``): no ``pg_dump``
    needed, and the file is checked, restored and rotated like any backup."""
    if isinstance(source, Database) and dialect.is_postgres(source):
        from balai_app.db import transfer

        return transfer.backup_server_to_file(source, Path(target))
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
                  busy_ms: int | None = None, password_prompt: server.PasswordPrompt | None = None,
                  create: bool = True) -> Database:
    """Open (creating if needed) and upgrade the database at ``path``.

    ``path`` is a SQLite file or a ``postgresql://`` address. Before an existing
    database is migrated it is backed up (SQLite's backup API; a server database
    into a SQLite file) into ``backup_dir`` (default: the backups folder of
    ``balai_app.paths``). A database written by a newer version of the program
    is refused.
    """
    if is_server_location(path):
        return open_server_database(str(path), migrate=migrate, backup_dir=backup_dir,
                                    password_prompt=password_prompt, create=create, busy_ms=busy_ms)
    if _folded_server_address(path):
        raise DatabaseError(
            f"'{path}' adalah alamat server yang berubah menjadi nama berkas; tidak ada berkas yang dibuat. "
            "Tulis alamat server lengkap: postgresql://PENGGUNA@SERVER:PORT/BASISDATA")
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
        raise _too_new(str(path), version, latest)
    from balai_app import log

    logger = log.get("db")
    if version < latest and migrate:
        logger.info("migrasi skema %s -> %s: %s", version, latest, path)
        if version > 0:
            _pre_migration_backup(db, version, backup_dir)
        migrations.run(db, version)
    database.initialize(db)
    logger.info("basis data dibuka: %s (skema %s)", path, max(version, latest if migrate else version))
    return db


def connect_server(url: str, *, password_prompt: server.PasswordPrompt | None = None,
                   busy_ms: int | None = None) -> Database:
    """A connection to the server database at ``url``, nothing checked yet. ``busy_ms``: how
    long a statement waits for another PC's lock (default: the command line's, as SQLite)."""
    busy_ms = busy_timeout_ms() if busy_ms is None else busy_ms
    try:
        return server.connect(server.parse_url(url), password_prompt=password_prompt, lock_timeout_ms=busy_ms)
    except server.ServerError as exc:
        raise ServerUnavailable(exc.message, exc.kind) from None


def open_server_database(url: str, *, migrate: bool = True, backup_dir: Path | None = None,
                         password_prompt: server.PasswordPrompt | None = None, create: bool = True,
                         busy_ms: int | None = None) -> Database:
    """``open_database`` for a PostgreSQL database (an empty one is set up only with ``create``)."""
    db = connect_server(url, password_prompt=password_prompt, busy_ms=busy_ms)
    label = db.address.label()
    try:
        version = dialect.schema_version(db)
        latest = migrations.latest_version()
        if version > latest:
            raise _too_new(label, version, latest)
        if version == 0 and not create:
            raise DatabaseError(
                f"Basis data '{label}' masih kosong (belum berisi data Balai). Isi dengan "
                "'balai-app --db BERKAS.sqlite move-to ALAMAT', atau buat balai baru dengan 'init'/'demo'.")
        if version < latest and migrate:
            if not dialect.owns_schema(db):
                raise DatabaseError(
                    f"Basis data '{label}' perlu diperbarui ke skema {latest} (sekarang {version}), dan pengguna "
                    f"'{db.address.user}' tidak berhak mengubah skema. Buka sekali dengan akun pemilik basis data "
                    f"(mis. balai-app --db postgresql://PEMILIK@{db.address.host}:{db.address.port}/"
                    f"{db.address.dbname} check), lalu komputer lain dapat memakainya lagi.")
            if version > 0:
                _pre_migration_backup(db, version, backup_dir)
            migrations.run(db, version)
            dialect.ensure_server_objects(db)
    except dialect.NotBalaiDatabase as exc:
        db.close()
        raise DatabaseError(
            f"Basis data '{label}' bukan basis data Balai (berisi tabel lain: {exc}). Pilih basis data kosong "
            "untuk Balai atau basis data Balai yang sudah ada.") from None
    except DatabaseError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        if server.is_lock_timeout(exc):  # another PC's upgrade or restore holds the tables
            raise DatabaseBusy(
                f"Basis data '{label}' sedang dipakai oleh komputer lain (misalnya pembaruan skema atau pemulihan "
                "cadangan) lebih lama dari waktu tunggu. Tidak ada yang diubah; coba lagi sebentar lagi.") from exc
        if isinstance(exc, server.ServerError):
            raise ServerUnavailable(exc.message, exc.kind) from None
        raise ServerUnavailable(server.classify(exc, db.address).message) from exc
    database.initialize(db)
    from balai_app import log

    # The address as typed, never a password (parse_url refuses one in it).
    log.get("db").info("basis data dibuka: %s (server, skema %s)", db.address.url,
                       latest if migrate and version < latest else version)
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
    busy timeout makes the second one wait instead of failing. On PostgreSQL
    the same words take the balai's write lock on the server (``server.py``).
    """
    db = database.obj
    if db.in_transaction():
        with db.atomic():
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield
