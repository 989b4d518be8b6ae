"""Copying a whole Balai database between engines, and proving the copy.

``copy_database(source, target)`` fills an EMPTY target (SQLite file or
PostgreSQL database) with the source's schema (the same migration steps, up to
the source's version) and every row, ids kept, in ONE transaction on the
target: it is all there or nothing is. The source is only read, inside one
read transaction (a consistent snapshot while other PCs keep working).

``fingerprint(db)`` gives per table the row count and a SHA-256 over the rows
in a form both engines agree on (dates as ISO text, timestamps to the
microsecond, flags as integers, blobs by their own hash, rows sorted), so
"the same data" can be checked across engines.

Used by ``balai-app move-to`` (with the certificate and audit proofs of
``services.server_move``) and by backups of a server database, which are SQLite
files like every other backup (``backup_server_to_file``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, SqliteDatabase

from balai_app.db import dialect, migrations

BATCH_ROWS = 500


class TransferError(Exception):
    """The copy failed; nothing was written to the target. ``message`` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class TableFingerprint:
    table: str
    rows: int
    sha256: str


def _kind(declared: str) -> str:
    d = declared.upper()
    if "TIMESTAMP" in d or "DATETIME" in d:
        return "datetime"
    if d == "DATE":
        return "date"
    if "INT" in d:
        return "int"
    if "BLOB" in d or "BYTEA" in d:
        return "blob"
    return "text"


def _datetime_text(value: dt.datetime) -> str:
    return value.isoformat(" ")  # what peewee/sqlite3 store for a DateTimeField


def to_engine(value, kind: str, postgres: bool):
    """A value read from one engine, as the other engine stores it in a column of ``kind``."""
    if value is None:
        return None
    if kind == "int":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        return value
    if kind == "blob":
        return bytes(value)
    if postgres:
        return value
    if kind == "datetime" and isinstance(value, dt.datetime):
        return _datetime_text(value)
    if kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical(value, kind: str) -> str:
    """One value as text both engines agree on."""
    if value is None:
        return "\x00"
    if kind == "blob":
        return "b:" + hashlib.sha256(bytes(value)).hexdigest()
    if kind == "int" and isinstance(value, (bool, int)):
        return str(int(value))
    if kind == "datetime":
        try:
            moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
            return moment.isoformat(" ", timespec="microseconds")
        except ValueError:
            return "s:" + str(value)
    if kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            return "s:" + str(value)
    return str(value)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_order(db: Database) -> list[str]:
    """The tables, each after the tables its foreign keys point to."""
    needs = dialect.references(db)
    ordered: list[str] = []
    while needs:
        ready = sorted(t for t, deps in needs.items() if not (deps - set(ordered)))
        if not ready:  # a cycle between tables: not in our schema, but never loop forever
            ready = sorted(needs)
        for t in ready:
            ordered.append(t)
            needs.pop(t)
    return ordered


def _rows(db: Database, table: str, names: list[str]) -> Iterator[tuple]:
    order = ", ".join(_quote(n) for n in db.get_primary_keys(table)) or "1"
    cursor = db.execute_sql(f"SELECT {', '.join(_quote(n) for n in names)} FROM {_quote(table)} ORDER BY {order}")
    while True:
        chunk = cursor.fetchmany(BATCH_ROWS)
        if not chunk:
            return
        yield from chunk


def table_fingerprint(db: Database, table: str) -> TableFingerprint:
    cols = dialect.columns(db, table)
    names, kinds = [c[0] for c in cols], [_kind(c[1]) for c in cols]
    lines = sorted("\x1f".join(canonical(v, k) for v, k in zip(row, kinds)) for row in _rows(db, table, names))
    digest = hashlib.sha256()
    digest.update("\x1f".join(names).encode("utf-8"))
    for line in lines:
        digest.update(b"\x1e" + line.encode("utf-8"))
    return TableFingerprint(table, len(lines), digest.hexdigest())


def fingerprint(db: Database) -> dict[str, TableFingerprint]:
    return {t: table_fingerprint(db, t) for t in dialect.user_tables(db)}


def is_empty(db: Database) -> bool:
    return not dialect.user_tables(db) and dialect.schema_version(db) == 0


def require_owner(target: Database, action: str) -> None:
    """Creating or replacing the Balai tables on a server is for the database's owner
    account (README: ``balai_admin``); an office PC's account is told so in Indonesian
    before anything is tried (PostgreSQL would refuse half-way, in English)."""
    if dialect.owns_schema(target):
        return
    address = getattr(target, "address", None)
    user = getattr(address, "user", "?")
    where = f"postgresql://PEMILIK@{address.host}:{address.port}/{address.dbname}" if address else "postgresql://PEMILIK@…"
    raise TransferError(
        f"{action} hanya dapat dilakukan dengan akun pemilik basis data server (di README: balai_admin); "
        f"pengguna '{user}' adalah akun komputer kantor dan tidak berhak membuat atau mengganti tabel. "
        f"Ulangi dengan --db {where}. Tidak ada yang diubah.")


def copy_database(source: Database, target: Database, *, inside=None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target`` in one target transaction.

    ``inside(source, target)``, when given, runs inside that transaction after
    the copy (the proofs): raising there leaves the target untouched.
    Returns rows copied per table.
    """
    _require_empty(target)
    if dialect.is_postgres(target):
        require_owner(target, "Pemindahan data ke server")
    return _fill(source, target, inside=inside)


def _require_empty(target: Database) -> None:
    if not is_empty(target):
        raise TransferError("Tujuan tidak kosong: pindah hanya ke basis data kosong (atau berkas baru), "
                            "agar tidak ada data yang tertimpa.")


def _fill(source: Database, target: Database, *, inside=None) -> dict[str, int]:
    """``copy_database`` once its caller has checked the target (empty, and its owner's on a server)."""
    postgres = dialect.is_postgres(target)
    copied: dict[str, int] = {}
    with source.atomic():
        if dialect.is_postgres(source):
            source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        version = dialect.schema_version(source)
        if version > migrations.latest_version():
            raise TransferError(f"Sumber memakai skema {version} yang lebih baru dari program ini.")
        with target.atomic("IMMEDIATE"):
            if not postgres:
                target.execute_sql("PRAGMA defer_foreign_keys = ON")  # checked at commit, whatever the order
            migrations.run(target, 0, until=version)
            for table in table_order(source):
                target_kinds = {name: _kind(kind) for name, kind in dialect.columns(target, table)}
                names = [n for n, _k in dialect.columns(source, table)]
                missing = [n for n in names if n not in target_kinds]
                if missing:
                    raise TransferError(f"Tabel {table}: kolom {', '.join(missing)} tidak ada di tujuan.")
                kinds = [target_kinds[n] for n in names]
                sql = (f"INSERT INTO {_quote(table)} ({', '.join(_quote(n) for n in names)}) "
                       f"VALUES ({', '.join([target.param] * len(names))})")
                count = 0
                batch: list[tuple] = []
                cursor = target.cursor()
                try:
                    for row in _rows(source, table, names):
                        batch.append(tuple(to_engine(v, k, postgres) for v, k in zip(row, kinds)))
                        if len(batch) >= BATCH_ROWS:
                            cursor.executemany(sql, batch)
                            count += len(batch)
                            batch = []
                    if batch:
                        cursor.executemany(sql, batch)
                        count += len(batch)
                except Exception as exc:
                    raise TransferError(f"Tabel {table}, sekitar baris ke-{count + len(batch)}: "
                                        f"tidak dapat disalin ({str(exc).strip()}).") from exc
                copied[table] = count
            dialect.reset_sequences(target, list(copied))
            if postgres:
                dialect.ensure_server_objects(target)
            if inside is not None:
                inside(source, target)
    return copied


def open_new_sqlite(path: Path) -> SqliteDatabase:
    pragmas = {**dialect.SQLITE_PRAGMAS, "journal_mode": "delete"}
    db = SqliteDatabase(str(path), pragmas=pragmas, timeout=15)
    db.connect()
    return db


def backup_server_to_file(source: Database, target: Path) -> Path:
    """A server database → a SQLite backup file with the same schema and rows."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    if part.exists():
        part.unlink()
    db = open_new_sqlite(part)
    try:
        copy_database(source, db)
    except BaseException:
        db.close()
        part.unlink(missing_ok=True)
        raise
    db.close()
    part.replace(target)
    return target


def replace_server_contents(target: Database, source: Database) -> dict[str, int]:
    """Restore: the server database ``target`` becomes a copy of ``source`` (a backup
    file), in ONE server transaction: the Balai tables are dropped and filled
    again from the backup; on any error the server keeps what it had. Only the
    owner of the tables may do it."""
    if not dialect.is_postgres(target):
        raise TransferError("Pemulihan ke server hanya untuk basis data PostgreSQL.")
    require_owner(target, "Pemulihan cadangan ke server")
    with target.atomic("IMMEDIATE"):
        tables = dialect.user_tables(target) + [dialect.VERSION_TABLE]
        for table in tables:
            target.execute_sql(f"DROP TABLE IF EXISTS {_quote(table)} CASCADE")
        _require_empty(target)
        return _fill(source, target)  # the owner was checked above, before the tables were dropped
