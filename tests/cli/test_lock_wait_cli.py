"""A write that waits on another PC's lock has a time limit on both engines (issue 16).

SQLite waits ``busy_timeout``; the server waits ``lock_timeout`` (the same number:
15 s, or ``BALAI_BUSY_TIMEOUT``). When it runs out the command line says in
Indonesian that the database is busy, exits 1 and has changed nothing; once the
other PC is done, the same command goes through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.inprocess import invoke
from support.lock_holder import hold

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SHORT_WAIT = {"BALAI_BUSY_TIMEOUT": "0.3"}


def _count(location, table: str) -> int:
    from balai_app.db.connection import close_database, open_database
    from balai_app.db.models import database

    open_database(location, migrate=False)
    try:
        return database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        close_database()


def _kinds(engine: str) -> list[str]:
    return ["write", "table"] if engine == "postgresql" else ["write"]


PARTNER = ("partners", "add", "--name", "Bank Permata", "--kind", "perusahaan")
IMPORT = ("residents", "import", FIXTURES / "pm_excel_id.csv")


def test_a_write_behind_another_pcs_lock_exits_1_busy_in_indonesian_then_goes_through(db, db_path, engine):
    from balai_app.db.connection import close_database

    close_database()
    for kind in _kinds(engine):
        for command, table in ((PARTNER, "partner"), (IMPORT, "resident")):
            holder = hold(db_path, kind, table=table)
            try:
                result = invoke("--db", db_path, *command, env=SHORT_WAIT)
            finally:
                holder.release()
            assert result.returncode == 1, (kind, command, result.stdout, result.stderr)
            assert "Basis data sedang dipakai untuk menyimpan oleh" in result.stderr, (kind, command, result.stderr)
            assert "coba lagi sebentar lagi" in result.stderr and "Traceback" not in result.stderr
            assert _count(db_path, table) == 0, f"{kind}/{command[0]}: nothing of the refused write was written"
    assert invoke("--db", db_path, *PARTNER, env=SHORT_WAIT).returncode == 0
    again = invoke("--db", db_path, *IMPORT, env=SHORT_WAIT)
    assert again.returncode == 0, again.stderr
    assert _count(db_path, "resident") == 4 and _count(db_path, "partner") == 1


@pytest.mark.postgresql_only
def test_an_edit_behind_another_programs_row_lock_is_refused_as_busy_and_the_connection_stays_usable(
        db, db_path, make_resident, system):
    """A row held by another program (``SELECT … FOR UPDATE``): the update gives up after the
    wait with the busy error, the aborted transaction is rolled back, and the same connection
    saves the edit once the row is free."""
    from balai_app.db.connection import close_database, is_busy_error, open_database
    from balai_app.services import residents

    made = make_resident(name="Siti Aminah")
    close_database()
    open_database(db_path, busy_ms=300)
    holder = hold(db_path, "row", row_id=made.id)
    try:
        with pytest.raises(Exception) as refused:
            residents.update_resident(system, made.id, {"birth_place": "Bogor"}, expected_version=made.version)
    finally:
        holder.release()
    assert is_busy_error(refused.value), refused.value
    assert residents.get_resident(system, made.id).birth_place != "Bogor"
    saved = residents.update_resident(system, made.id, {"birth_place": "Bogor"}, expected_version=made.version)
    assert saved.birth_place == "Bogor"


@pytest.mark.postgresql_only
def test_a_command_started_during_another_pcs_restore_exits_1_busy(db, db_path):
    """Another PC's restore (or schema upgrade) holds the tables: even reading waits, for
    the command line's wait at most, then exit 1 with the Indonesian reason."""
    from balai_app.db.connection import close_database

    close_database()
    holder = hold(db_path, "exclusive", table="balai_schema")
    try:
        result = invoke("--db", db_path, "residents", "list", env=SHORT_WAIT)
    finally:
        holder.release()
    assert result.returncode == 1, result.stdout
    assert "sedang dipakai oleh komputer lain" in result.stderr and "Traceback" not in result.stderr
    assert invoke("--db", db_path, "residents", "list", env=SHORT_WAIT).returncode == 0
