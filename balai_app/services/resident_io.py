"""Importing the resident register (CSV and XLSX): check everything, then write once.

``check_import(actor, path)`` reads the file (``resident_io_read.py``) and validates
every row (``resident_io_check.py``, with ``services.residents.clean``) without writing
anything; ``run_import(actor, path, ...)`` then writes the valid rows in ONE short
transaction: all or nothing by default, or only the valid rows with ``skip_invalid``.
Every problem carries the row number as the spreadsheet shows it (header = row 1),
the column (as the file names it) and the reason.

Export is ``services/resident_io_export.py``.
"""

from __future__ import annotations

import datetime as dt
import operator
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee
from peewee import fn

from balai_app import gc_pause
from balai_app.db import dialect
from balai_app.db.connection import write_transaction
from balai_app.db.models import Resident, utcnow
from balai_app.i18n import tr
from balai_app.services import audit, residents
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.resident_io_check import ValidRow, check_rows
from balai_app.services.resident_io_read import CHUNK, ImportFileError, Problem, RawRow, read_table


@dataclass
class ImportReport:
    path: Path
    total: int = 0  # data rows in the file (blank rows not counted)
    valid_rows: list[ValidRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    imported: int = 0
    dry_run: bool = False
    skip_invalid: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def invalid_count(self) -> int:
        """Rows with at least one error."""
        return len({p.row for p in self.problems if p.is_error and p.row > 1})

    @property
    def skipped(self) -> int:
        """Data rows not written; for a dry run, the rows a real run would skip (the invalid ones)."""
        if self.dry_run:
            return self.invalid_count
        return self.total - self.imported

    def can_import(self, skip_invalid: bool) -> bool:
        if not self.valid_rows:
            return False
        return skip_invalid or not self.errors

    def summary_sentence(self) -> str:
        """The Indonesian sentence printed before ``summary_line`` (whose English words scripts rely on)."""
        if self.dry_run:
            return tr("Uji coba selesai: {v} baris siap diimpor, {i} baris tidak valid. Belum ada yang disimpan.").format(
                v=len(self.valid_rows), i=self.invalid_count)
        if self.imported:
            return tr("Impor selesai: {n} PM disimpan, {m} baris dilewati.").format(n=self.imported, m=self.skipped)
        return tr("Impor dibatalkan: tidak ada PM yang disimpan, {m} baris dilewati.").format(m=self.skipped)

    def summary_line(self) -> str:
        """The last line of the CLI: ``imported N, skipped M (...)``."""
        line = f"imported {self.imported}, skipped {self.skipped}"
        valid, invalid = len(self.valid_rows), self.invalid_count
        if self.dry_run:
            note = tr("uji coba: {v} baris valid siap diimpor, {i} baris tidak valid; belum ada yang disimpan").format(
                v=valid, i=invalid)
        elif self.imported and invalid:
            note = tr("{i} baris tidak valid dilewati").format(i=invalid)
        elif not self.imported and invalid:
            note = tr("{i} baris tidak valid; tidak ada yang disimpan").format(i=invalid)
        else:
            return line
        return f"{line} ({note})"


def _read_data(path: str | Path) -> tuple[list[tuple[str, str]], list[RawRow], list[Problem]]:
    columns, rows, header_problems = read_table(path)
    if not rows:
        raise ImportFileError(tr("Berkas '{p}' tidak berisi baris data di bawah judul kolom.").format(p=Path(path).name))
    return columns, rows, header_problems


@gc_pause.paused()  # a file's rows make many small objects: no collections over everything meanwhile
def check_import(actor: Actor, path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Read and validate a file; nothing is written."""
    require(actor, "residents.import")
    columns, rows, header_problems = _read_data(path)
    valid, problems = check_rows(rows, columns, progress=progress)
    return ImportReport(Path(path), total=len(rows), valid_rows=valid, problems=header_problems + problems, dry_run=True)


@gc_pause.paused()
def run_import(
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Validate and (unless ``dry_run``) write the file in one transaction.

    All or nothing by default: with any invalid row nothing is written.
    ``skip_invalid`` writes the valid rows. Warnings never block.
    ``progress(done, total)`` counts validation then writing, ``total`` being
    twice the number of rows.
    """
    require(actor, "residents.import")
    columns, rows, header_problems = _read_data(path)
    n = len(rows)
    total = 2 * n
    valid, problems = check_rows(rows, columns, progress=progress, progress_total=total)
    del rows  # the raw cells are not needed for writing: their memory goes before the rows are prepared
    report = ImportReport(Path(path), total=n, valid_rows=valid, problems=header_problems + problems,
                          dry_run=dry_run, skip_invalid=skip_invalid)
    if dry_run or not report.can_import(skip_invalid):
        if progress:
            progress(total, total)
        return report
    write_progress = (lambda done, _n: progress(n + done, total)) if progress else None
    report.imported = insert_rows(actor, [r.data for r in valid], Path(path).name, progress=write_progress)
    if progress:
        progress(total, total)
    return report


def insert_rows(
    actor: Actor,
    rows: list[dict[str, Any]],
    source: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert rows already cleaned by ``residents.clean`` in one transaction,
    with one audit event per resident and one for the whole import.

    Everything that does not need the write lock is done before it is taken: the column
    values, the search keys, the audit events chained after the trail's current last
    event, and (SQLite) both copied into TEMP tables of this connection, which lock
    nothing that another PC uses. Inside the lock the NIKs are checked once more, the
    chain is re-computed only if another PC appended an event meanwhile, and the rows go
    in with a few INSERT ... SELECT statements -- the search index and the Beranda counts
    kept by the same triggers as for a single PM, one statement per chunk instead of per
    row -- so that another PC waits as briefly as the indexes allow
    (``bench/bench_import_lock.py``)."""
    require(actor, "residents.import")
    if not rows:
        return 0
    prepared = _prepare(rows)
    summary = tr("Impor {n} PM dari {f}").format(n=len(rows), f=source)
    db = Resident._meta.database.obj
    staged = not dialect.is_postgres(db)
    cursor = db.cursor()
    try:
        if staged:
            with db.atomic():  # TEMP tables only: no lock on the database file
                _stage_rows(cursor, prepared)
        plan = _plan(actor, cursor, prepared, summary, staged)  # before the lock: a guess that usually holds
        with write_transaction():
            _check_niks_still_free(cursor, rows, staged)
            if not _plan_holds(cursor, plan):  # another PC wrote meanwhile: chain again, inside the lock
                plan = _plan(actor, cursor, prepared, summary, staged)
            _write_rows(cursor, prepared, plan, staged, progress)
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        raise ImportFileError(tr(
            "Basis data sedang dipakai untuk menyimpan oleh komputer atau program lain ({e}). "
            "Tidak ada yang disimpan; coba lagi sebentar lagi.").format(e=exc)) from exc
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise ImportFileError(tr(
            "Data bentrok dengan data yang baru saja disimpan pengguna lain ({e}). "
            "Tidak ada yang disimpan; periksa ulang berkas lalu ulangi.").format(e=exc)) from exc
    finally:
        if staged:
            _drop_stage(cursor)
    if progress:
        progress(len(rows), len(rows))
    return len(rows)


@dataclass(frozen=True)
class _Prepared:
    fields: list[str]  # the resident columns each row has its own value for, without the id
    values: list[list[Any]]  # each row's values, in ``fields`` order
    constants: dict[str, Any]  # the other columns: one value for every row (times, version, defaults)
    names: list[str]  # for the audit events

    @property
    def columns(self) -> list[str]:
        """Every column written, without the id: ``fields`` then the constants'."""
        return [*self.fields, *self.constants]


def _prepare(rows: list[dict[str, Any]]) -> _Prepared:
    """Every row's values, built before the write lock is taken."""
    now = str(utcnow())  # the text peewee stores for a DateTimeField
    fields = [f for f in Resident._meta.sorted_fields if f.name not in ("id", "search_text")]
    fixed = {"created_at": now, "updated_at": now, "version": 1}
    given = set().union(*rows)  # the keys of every row (clean() gives each row the same ones)
    own = [f for f in fields if f.name in given and f.name not in fixed]
    defaults = {f.name: _default(f) for f in own}
    names = [f.name for f in own]
    # A column no row has (one clean() does not know, added by a later migration): the model's default, for every row.
    constants = {f.column_name: fixed[f.name] if f.name in fixed else _default(f) for f in fields if f.name not in names}
    in_order = operator.itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    # Only a date column can hold a value that is not stored as it is (the others hold text or None).
    dates = [i for i, f in enumerate(own) if isinstance(f, (peewee.DateField, peewee.DateTimeField))]
    search_key = residents.search_key
    values = []
    for cleaned in rows:
        try:
            row = list(in_order(cleaned))
        except KeyError:  # a row without a column another row has: that column's default
            row = [cleaned.get(name, defaults[name]) for name in names]
        for i in dates:
            if isinstance(row[i], dt.date):  # a datetime too: as peewee stores them in SQLite, ISO text
                row[i] = str(row[i])
        row.append(search_key(cleaned["name"], cleaned.get("nik"), cleaned.get("birth_place", "")))
        values.append(row)
    search_text = Resident.search_text.column_name
    return _Prepared([*(f.column_name for f in own), search_text], values, constants, [r["name"] for r in rows])


# --- staging (SQLite): TEMP tables of the importing connection --------------------------------
# Engine-specific: SQLite's TEMP schema is private to the connection and lives outside the
# database file, so filling it takes no lock another PC could wait on. PostgreSQL writes the
# prepared rows with executemany inside its (server-side) write lock instead.

_STAGE = "balai_import_resident"
_STAGE_AUDIT = "balai_import_audit"


def _stage_rows(cursor: Any, prepared: _Prepared) -> None:
    """The rows into a new TEMP table, numbered by SQLite from 1 in their order (``seq``: an
    ``INTEGER PRIMARY KEY`` of an empty table starts at 1)."""
    columns = ", ".join(f'"{c}"' for c in prepared.fields)
    cursor.execute(f'DROP TABLE IF EXISTS temp."{_STAGE}"')  # its columns are this import's
    cursor.execute(f'CREATE TEMP TABLE "{_STAGE}" ("seq" INTEGER PRIMARY KEY, {columns})')
    marks = ", ".join("?" * len(prepared.fields))
    cursor.executemany(f'INSERT INTO "{_STAGE}" ({columns}) VALUES ({marks})', prepared.values)


def _drop_stage(cursor: Any) -> None:
    for table in (_STAGE, _STAGE_AUDIT):
        cursor.execute(f'DROP TABLE IF EXISTS temp."{table}"')


# --- the plan: ids and audit chain, guessed before the lock, checked inside it -----------------


@dataclass(frozen=True)
class _Plan:
    first: int  # the id of the first new resident
    chain: audit.Chain


def _plan(actor: Actor, cursor: Any, prepared: _Prepared, summary: str, staged: bool) -> _Plan:
    first = _next_resident_id(cursor)
    changes = '{"sumber": ["", "impor"]}'
    events = [audit.NewEvent(actor.user_id, actor.username, "create", "resident", first + i, name, changes)
              for i, name in enumerate(prepared.names)]
    events.append(audit.NewEvent(actor.user_id, actor.username, "import", "resident", None, summary,
                                 audit.changes_json(None)))
    chain = audit.chain_events(events, audit.last_event(cursor))
    if staged:
        with Resident._meta.database.obj.atomic():
            audit.stage_chain(cursor, chain, _STAGE_AUDIT)
    return _Plan(first, chain)


def _plan_holds(cursor: Any, plan: _Plan) -> bool:
    return _next_resident_id(cursor) == plan.first and audit.chain_holds(cursor, plan.chain)


def _next_resident_id(cursor: Any) -> int:
    """The first id the new rows take (never one a deleted PM had, when SQLite counts the
    table's ids in sqlite_sequence); final only inside the write lock."""
    top = Resident.select(fn.COALESCE(fn.MAX(Resident.id), 0)).scalar() or 0
    if isinstance(Resident._meta.database.obj, peewee.SqliteDatabase):  # engine-specific: SQLite only
        has_sequence = cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").fetchone()
        row = cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'resident'").fetchone() if has_sequence else None
        top = max(top, row[0] if row else 0)
    return int(top) + 1


def write_chunk(total: int) -> int:
    """Rows per INSERT statement inside the lock: about 20 statements per import (the search
    index flushes once per statement), at least ``CHUNK`` (progress is reported per chunk)."""
    return max(CHUNK, -(-total // 20))


def _write_rows(cursor: Any, prepared: _Prepared, plan: _Plan, staged: bool,
                progress: Callable[[int, int], None] | None) -> None:
    """Inside the caller's transaction: the rows in chunks (explicit ids, so that no row has
    to be read back), then their audit events and the import's through the one audit
    writer's bulk form."""
    total = len(prepared.values)
    step = write_chunk(total)
    own = ", ".join(f'"{c}"' for c in prepared.fields)
    columns = ", ".join(f'"{c}"' for c in prepared.columns)
    constants = list(prepared.constants.values())
    marks = "".join(", ?" for _ in constants)
    table = Resident._meta.table_name
    for start in range(0, total, step):
        if staged:  # the row numbered seq (from 1) takes the id first - 1 + seq
            cursor.execute(f'INSERT INTO "{table}" ("id", {columns}) SELECT ? + "seq", {own}{marks} '
                           f'FROM temp."{_STAGE}" WHERE "seq" > ? AND "seq" <= ? ORDER BY "seq"',
                           (plan.first - 1, *constants, start, start + step))
        else:
            batch = prepared.values[start:start + step]
            cursor.executemany(_insert_sql(table, ["id", *prepared.columns]),
                               [[plan.first + start + i, *values, *constants] for i, values in enumerate(batch)])
        if progress:
            progress(min(start + step, total), total)
    dialect.reset_sequences(Resident._meta.database.obj, ["resident"])  # PostgreSQL: the next id follows
    audit.append_chain(cursor, plan.chain, staged=_STAGE_AUDIT if staged else None)


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def _check_niks_still_free(cursor: Any, rows: list[dict[str, Any]], staged: bool) -> None:
    """Inside the write lock: the rows were checked before it was taken, and
    another user may have registered one of these NIKs since."""
    if staged:  # one statement: the staged NIKs probe the unique NIK index
        taken = cursor.execute(
            f'SELECT r."id", r."name", r."nik" FROM temp."{_STAGE}" AS s CROSS JOIN "resident" AS r '
            f'ON r."nik" = s."nik" WHERE s."nik" IS NOT NULL ORDER BY s."seq" LIMIT 6').fetchall()
    else:
        niks = [r["nik"] for r in rows if r.get("nik")]
        taken = []
        for start in range(0, len(niks), 500):
            query = Resident.select(Resident.id, Resident.name, Resident.nik).where(Resident.nik.in_(niks[start:start + 500]))
            taken.extend(query.tuples())
    if taken:
        listed = "; ".join(f"{nik} ({name}, No. {rid})" for rid, name, nik in taken[:5])
        raise ImportFileError(tr(
            "Selama berkas diperiksa, pengguna lain mendaftarkan NIK yang juga ada di berkas: {x}. "
            "Tidak ada yang disimpan; periksa dan ulangi impor."
        ).format(x=listed + (" …" if len(taken) > 5 else "")))


def _default(f) -> Any:
    # A column clean() does not know (added by a later migration): the model's default.
    value = f.default() if callable(f.default) else f.default
    return _sql_value(f.db_value(value))


def _sql_value(value: Any) -> Any:
    # As peewee stores them in SQLite: dates as ISO text.
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value)
    return value
