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
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee
from peewee import fn

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


def check_import(actor: Actor, path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Read and validate a file; nothing is written."""
    require(actor, "residents.import")
    columns, rows, header_problems = _read_data(path)
    valid, problems = check_rows(rows, columns, progress=progress)
    return ImportReport(Path(path), total=len(rows), valid_rows=valid, problems=header_problems + problems, dry_run=True)


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

    Everything that does not need the database is prepared before the write lock is
    taken (the column values, the search keys, the audit texts); inside it only the
    NIKs are checked once more and the rows and their audit events written in bulk,
    so that another PC waits as briefly as the indexes allow (``bench/bench_import_lock.py``)."""
    require(actor, "residents.import")
    if not rows:
        return 0
    prepared = _prepare(rows)
    summary = tr("Impor {n} PM dari {f}").format(n=len(rows), f=source)
    try:
        with write_transaction():
            _check_niks_still_free(rows)
            _write_rows(actor, prepared, summary, progress)
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        raise ImportFileError(tr(
            "Basis data sedang dipakai untuk menyimpan oleh komputer atau program lain ({e}). "
            "Tidak ada yang disimpan; coba lagi sebentar lagi.").format(e=exc)) from exc
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise ImportFileError(tr(
            "Data bentrok dengan data yang baru saja disimpan pengguna lain ({e}). "
            "Tidak ada yang disimpan; periksa ulang berkas lalu ulangi.").format(e=exc)) from exc
    if progress:
        progress(len(rows), len(rows))
    return len(rows)


@dataclass(frozen=True)
class _Prepared:
    sql: str  # INSERT with an explicit id first
    values: list[list[Any]]  # each row's column values, without the id
    names: list[str]  # for the audit events


def _prepare(rows: list[dict[str, Any]]) -> _Prepared:
    """The INSERT and every row's values, built before the write lock is taken."""
    now = str(utcnow())  # the text peewee stores for a DateTimeField
    fields = [f for f in Resident._meta.sorted_fields if f.name != "id"]
    defaults = {f.name: _default(f) for f in fields}
    values = []
    for cleaned in rows:
        record = dict(cleaned)
        record["search_text"] = residents.search_key(record["name"], record.get("nik"), record.get("birth_place", ""))
        record["created_at"] = record["updated_at"] = now
        record["version"] = 1
        values.append([_sql_value(record[f.name]) if f.name in record else defaults[f.name] for f in fields])
    return _Prepared(_insert_sql(Resident, ["id", *(f.name for f in fields)]), values, [r["name"] for r in rows])


def _insert_sql(model: Any, names: list[str]) -> str:
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(names))})'


def _next_resident_id(cursor: Any) -> int:
    """Inside the write lock: the first id the new rows take (never one a deleted PM had,
    when SQLite counts the table's ids in sqlite_sequence)."""
    top = Resident.select(fn.COALESCE(fn.MAX(Resident.id), 0)).scalar() or 0
    if isinstance(Resident._meta.database.obj, peewee.SqliteDatabase):  # engine-specific: SQLite only
        has_sequence = cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").fetchone()
        row = cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'resident'").fetchone() if has_sequence else None
        top = max(top, row[0] if row else 0)
    return int(top) + 1


def _write_rows(actor: Actor, prepared: _Prepared, summary: str,
                progress: Callable[[int, int], None] | None) -> None:
    """Inside the caller's transaction: the rows in bulk (explicit ids, so that no row has
    to be read back), then their audit events and the import's through the one audit
    writer's bulk form."""
    cursor = Resident._meta.database.cursor()
    first = _next_resident_id(cursor)
    total = len(prepared.values)
    for start in range(0, total, CHUNK):
        batch = prepared.values[start:start + CHUNK]
        cursor.executemany(prepared.sql, [[first + start + i, *values] for i, values in enumerate(batch)])
        if progress:
            progress(min(start + CHUNK, total), total)
    dialect.reset_sequences(Resident._meta.database.obj, ["resident"])  # PostgreSQL: the next id follows
    changes = '{"sumber": ["", "impor"]}'
    events = [audit.NewEvent(actor.user_id, actor.username, "create", "resident", first + i, name, changes)
              for i, name in enumerate(prepared.names)]
    events.append(audit.NewEvent(actor.user_id, actor.username, "import", "resident", None, summary,
                                 audit.changes_json(None)))
    audit.append_events(cursor, events)


def _check_niks_still_free(rows: list[dict[str, Any]]) -> None:
    """Inside the write lock: the rows were checked before it was taken, and
    another user may have registered one of these NIKs since."""
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
