"""How the importer writes: prepared and staged before the write lock, a few statements inside it,
the audit chain computed beforehand and computed again when another PC wrote meanwhile."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from balai_app.db.models import AuditEvent, Resident
from balai_app.domain.audit_chain import CONTENT_COLUMNS, event_hash, first_break
from balai_app.services import audit, residents
from balai_app.services import resident_io as rio

HEADER = "nama;jenis_kelamin;klaster;tanggal_masuk;alamat\r\n"


def _csv(folder: Path, n: int, name: str = "PM") -> Path:
    path = folder / f"impor-{name}-{n}.csv"
    path.write_text(HEADER + "".join(f"{name} {i} Ma'ruf;{'LP'[i % 2]};{'anak' if i % 3 else 'lansia'};05/01/2026;"
                                     f"Jl. Melati No. {i}\r\n" for i in range(n)), encoding="utf-8")
    return path


def _chain_is_whole() -> bool:
    rows = AuditEvent.select(*(getattr(AuditEvent, c) for c in CONTENT_COLUMNS),
                             AuditEvent.prev_hash, AuditEvent.hash).order_by(AuditEvent.id).tuples()
    return first_break(rows) is None


@pytest.mark.sqlite_only  # counts the statements SQLite runs
def test_rows_go_in_with_one_statement_per_chunk_not_one_per_row(db, system, tmp_path):
    """The search index (FTS5) flushes at the end of every statement: one INSERT per row made a
    10,000-row import spend seconds in it. The rows now go in with one INSERT ... SELECT per
    chunk, while the triggers still keep the search index and the Beranda counts."""
    n = 1300
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        report = rio.run_import(system, _csv(tmp_path, n))
    finally:
        db.connection().set_trace_callback(None)
    assert report.imported == n
    # (the trace repeats a statement for each trigger run it starts: count distinct texts, which hold the values)
    resident_inserts = {s for s in statements if s.upper().startswith('INSERT INTO "RESIDENT"')}
    audit_inserts = {s for s in statements if s.upper().startswith('INSERT INTO "AUDIT_EVENT"')}
    assert len(resident_inserts) == -(-n // rio.write_chunk(n)) == 3
    assert len(audit_inserts) == 1
    # Same result as one by one: every PM findable, counted, with its chained audit event.
    assert Resident.select().count() == n
    found = [r.id for r in residents.list_residents(system, residents.ResidentFilter(text="pm 1299 ma'ruf"))]
    assert found == [Resident.get(Resident.name == "PM 1299 Ma'ruf").id]
    assert sum(residents.counts_by_klaster_and_status(system).values()) == n
    assert AuditEvent.select().where(AuditEvent.action == "create").count() == n
    assert _chain_is_whole()


@pytest.mark.sqlite_only  # PostgreSQL stages nothing: it writes the prepared rows inside its server lock
def test_nothing_of_the_database_is_locked_while_the_rows_are_staged(db, system, db_path):
    """What can be done before the write lock is: the staged rows live in the connection's
    own TEMP tables; another PC can write the whole time."""
    rows = [residents.clean({"name": f"PM {i}", "sex": "P", "klaster": "anak", "entry_date": "2026-01-05",
                             "nik_missing_reason": "belum ada"})[0] for i in range(700)]
    prepared = rio._prepare(rows)
    cursor = db.cursor()
    other = sqlite3.connect(str(db_path), timeout=0, isolation_level=None)
    try:
        with db.atomic():
            rio._stage_rows(cursor, prepared)
            plan = rio._plan(system, cursor, prepared, "uji", True)
            other.execute("BEGIN IMMEDIATE")  # would raise "database is locked"
            other.execute("ROLLBACK")
        assert len(plan.chain.rows) == 701 and Resident.select().count() == 0
    finally:
        rio._drop_stage(cursor)
        other.close()


def test_a_chain_computed_before_another_pc_wrote_is_computed_again(db, system, tmp_path, make_resident):
    """The audit chain is computed before the lock; if another PC appended an event (or a PM)
    meanwhile the guess no longer holds and is made again inside the lock."""
    cursor = db.cursor()
    rows = [residents.clean({"name": "Rina", "sex": "P", "klaster": "anak", "entry_date": "2026-01-05",
                             "nik_missing_reason": "belum ada"})[0]]
    prepared = rio._prepare(rows)
    staged = not rio.dialect.is_postgres(db)
    plan = rio._plan(system, cursor, prepared, "uji", staged)
    assert rio._plan_holds(cursor, plan)
    make_resident(name="Dari PC lain")  # a PM and its audit event, written "meanwhile"
    assert not rio._plan_holds(cursor, plan)
    with pytest.raises(RuntimeError):  # a stale chain is never appended
        audit.append_chain(cursor, plan.chain)
    if staged:
        rio._drop_stage(cursor)
    # The whole importer after another PC wrote: chained again, nothing broken.
    report = rio.run_import(system, _csv(tmp_path, 600))
    assert report.imported == 600 and _chain_is_whole()


def test_chain_events_is_the_chain_append_events_writes(db):
    after = audit.last_event(db.cursor())
    chain = audit.chain_events([audit.NewEvent(None, "sistem", "create", "resident", 1, "Rina")], after)
    (row,) = chain.rows
    assert row[0] == after[0] + 1 and row[-2] == after[1]
    assert row[-1] == event_hash(after[1], row[: len(CONTENT_COLUMNS)])


def test_clean_translates_its_labels_once_per_language_not_per_row(db):
    """An import runs ``clean`` for every row: its 21 labels are translated once per language."""
    from balai_app import i18n

    asked: list[str] = []

    def translator(_context: str, text: str) -> str:
        asked.append(text)
        return text

    data = {"name": "Rina", "sex": "P", "klaster": "anak", "entry_date": "2026-01-05", "nik_missing_reason": "-"}
    before = i18n._translate
    i18n.set_translator(translator)
    try:
        for _ in range(3):
            residents.clean(data)
    finally:
        i18n.set_translator(before)
    assert asked.count("Tempat lahir") <= 1


def test_imported_rows_hold_what_a_form_stores_and_a_column_clean_does_not_give_its_default(db, system):
    """The importer writes each row's own values and, once for all rows, what they share (the
    times, the version, a column no row has): read back, every column is what the form's
    ``create_resident`` stores, a row without a column another row has takes the model's
    default for it, and each row gets the id that follows the last one."""
    import datetime as dt

    data = {"name": "Siti Aminah", "sex": "P", "klaster": "lansia", "birth_place": "Bogor",
            "birth_date": "05/01/1960", "entry_date": "02/01/2026", "status": "selesai", "exit_date": "03/01/2026",
            "nik": None, "nik_missing_reason": "tidak memiliki KTP", "disabilities": ["fisik"]}
    by_form = residents.create_resident(system, data, confirm_warnings=True)
    cleaned, collector = residents.clean(data)
    assert not collector.errors
    without_notes = {k: v for k, v in cleaned.items() if k != "notes"}  # as if clean() did not know the column
    still_here = {k: v for k, v in cleaned.items() if k not in ("status", "exit_date", "exit_reason", "address")}
    rows = [without_notes, dict(cleaned, name="Rina", notes="penting"), dict(still_here, name="Dewi")]
    assert rio.insert_rows(system, rows, "uji.csv") == 3
    form_row = Resident.get_by_id(by_form.id)
    imported = list(Resident.select().where(Resident.id > by_form.id).order_by(Resident.id))
    assert [r.id for r in imported] == [by_form.id + 1, by_form.id + 2, by_form.id + 3]
    skip = {"id", "name", "notes", "search_text", "created_at", "updated_at"}
    for row in imported[:2]:
        for field in Resident._meta.sorted_fields:
            if field.name not in skip:
                assert getattr(row, field.name) == getattr(form_row, field.name), field.name
        assert row.birth_date == dt.date(1960, 1, 5) and row.version == 1
        assert isinstance(row.created_at, dt.datetime) and row.created_at == row.updated_at
        assert row.search_text == residents.search_key(row.name, None, "Bogor")
    assert [r.name for r in imported] == ["Siti Aminah", "Rina", "Dewi"]
    assert imported[0].notes == Resident.notes.default == "" and imported[1].notes == "penting"
    still = imported[2]  # the columns it lacks: the model's defaults
    assert (still.status, still.exit_date, still.exit_reason, still.address) == ("aktif", None, "", "")
    assert (still.sex, still.birth_date, still.notes) == ("P", dt.date(1960, 1, 5), "")
