"""Round-trip proof: backup, then restore, gives the same data row for row.

Every table of the database is compared (``SELECT *`` in rowid order), plus
the schema and ``user_version``. The only difference allowed after a restore
is the one audit event that records the restore itself.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, the schema and the version of the database at ``path``."""
    conn = sqlite3.connect(str(path))
    try:
        out = {"@schema": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall(),
               "@version": [conn.execute("PRAGMA user_version").fetchone()]}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
            try:
                out[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # a full-text index's shadow tables have no rowid
                out[table] = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 80), (120, 30, 200)).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def filled(db, system):
    from balai_app.services import demo
    from balai_app.services import residents_photo

    demo.create_demo(system, residents=40, seed=11)
    residents_photo.set_photo(system, 3, _png())
    return Path(db.database)


@pytest.mark.sqlite_only  # reads the file with sqlite3; a server's backup and restore: tests/cli/test_move_cli.py
def test_backup_then_restore_gives_the_same_data_row_for_row(filled, system):
    from balai_app.services import backup, backup_restore, residents
    from balai_app.services import residents_photo

    before = dump(filled)
    non_empty = [t for t, rows in before.items() if not t.startswith("@") and rows]
    assert {"resident", "resident_photo", "assessment", "service_record", "audit_event"} <= set(non_empty)

    made = backup.create_backup(system)
    assert made.info.sound and made.info.residents == 40
    assert dump(made.info.path) == before

    # Life goes on after the backup: new, changed and photo-less records.
    residents.create_resident(system, {"name": "Sesudah Cadangan", "sex": "P", "klaster": "lansia",
                                       "entry_date": "2026-01-05", "nik_missing_reason": "tidak ada KTP"})
    current = residents.get_resident(system, 1)
    residents.update_resident(system, 1, {"notes": "diubah sesudah cadangan"}, expected_version=current.version)
    residents_photo.set_photo(system, 3, None)
    changed = dump(filled)
    assert changed != before

    result = backup_restore.restore_backup(system, made.info.path, db_path=filled)

    after = dump(filled)
    for table, rows in before.items():
        if table == "audit_event":
            continue
        assert after[table] == rows, f"table {table} differs after restore"
    assert after["audit_event"][: len(before["audit_event"])] == before["audit_event"]
    extra = after["audit_event"][len(before["audit_event"]):]
    assert len(extra) == 1 and extra[0][4] == "restore", extra
    # The state that was replaced is kept, whole, in the safety copy.
    assert result.safety_copy and dump(result.safety_copy) == changed
    # The open connection of this process sees the restored data.
    assert residents.count_residents(system) == 40
    assert residents.get_resident(system, 1).notes != "diubah sesudah cadangan"


@pytest.mark.sqlite_only  # checks the file with sqlite3; PostgreSQL: test_proof_postgres.py
def test_round_trip_of_a_v1_fixture_database(tmp_path, db, system):
    """A backup from the oldest schema restores and is upgraded to the current one."""
    from balai_app.db import migrations
    from balai_app.services import backup_restore

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"
    old = dump(fixture)
    backup_restore.restore_backup(system, fixture, db_path=Path(db.database))
    after = dump(Path(db.database))
    assert after["@version"] == [(migrations.latest_version(),)]
    conn = sqlite3.connect(str(fixture))
    columns_then = {t: [c[1] for c in conn.execute(f'PRAGMA table_info("{t}")')] for t in old if not t.startswith("@")}
    conn.close()
    conn = sqlite3.connect(db.database)
    columns_now = {t: [c[1] for c in conn.execute(f'PRAGMA table_info("{t}")')] for t in old if not t.startswith("@")}
    conn.close()
    for table, rows in old.items():
        # Tables a later migration changed are upgraded, not copied; the rest must be identical.
        if not table.startswith("@") and table != "audit_event" and columns_then[table] == columns_now[table]:
            assert after[table] == rows, table
