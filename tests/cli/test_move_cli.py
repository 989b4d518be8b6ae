"""``balai-app --db SOURCE move-to TARGET``: SQLite → PostgreSQL → SQLite without a row changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from balai_app.db import transfer
from balai_app.db.connection import close_database, open_database
from balai_app.services.context import SYSTEM


def run(*args):
    return subprocess.run([sys.executable, "-m", "balai_app", *map(str, args)], capture_output=True, text=True,
                          env=dict(os.environ), encoding="utf-8", stdin=subprocess.DEVNULL)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint_of(location) -> dict:
    db = open_database(location, create=False)
    try:
        return transfer.fingerprint(db)
    finally:
        close_database()


@pytest.fixture
def demo_file(tmp_path, demo_copy):
    """``create_demo(SYSTEM, residents=30)`` on a fresh file, built once per run and copied."""
    return demo_copy(30, tmp_path / "balai.sqlite", kind="service")


def test_round_trip_sqlite_postgresql_sqlite_gives_identical_tables(demo_file, pg_empty_database, tmp_path):
    from balai_app.services import server_move

    before, original = sha(demo_file), fingerprint_of(demo_file)
    assert original["certificate"].rows > 0 and original["resident"].rows == 30
    open_database(demo_file)
    to_server = server_move.move_database(SYSTEM, pg_empty_database)
    close_database()
    assert to_server.certificates_checked == original["certificate"].rows + original["rehab_certificate"].rows
    assert to_server.certificates_valid == to_server.certificates_checked
    assert to_server.audit_chain == "ok" and to_server.audit_rows == original["audit_event"].rows > 0
    assert {t.table: t.rows for t in to_server.tables} == {t: fp.rows for t, fp in original.items()}
    assert fingerprint_of(pg_empty_database) == original
    open_database(pg_empty_database)
    back = tmp_path / "kembali.sqlite"
    server_move.move_database(SYSTEM, back)
    close_database()
    assert fingerprint_of(back) == original
    assert sha(demo_file) == before  # the source file was only read


@pytest.mark.sqlite_only  # the source is a SQLite file; the target is the server
def test_cli_moves_to_the_server_and_refuses_a_target_that_is_not_empty(tmp_path, pg_empty_database, make_resident):
    make_resident(name="Muh. Ma'ruf")
    close_database()
    source = tmp_path / "balai.sqlite"  # the db fixture's file
    before = sha(source)
    moved = run("--db", source, "move-to", pg_empty_database)
    assert moved.returncode == 0, moved.stderr
    assert "resident" in moved.stdout and "sama" in moved.stdout and "Sumber tidak diubah" in moved.stdout
    assert sha(source) == before
    again = run("--db", source, "move-to", pg_empty_database)
    assert again.returncode == 1
    assert "tidak kosong" in again.stderr
    existing = run("--db", pg_empty_database, "move-to", source)
    assert existing.returncode == 1 and "sudah ada" in existing.stderr


@pytest.mark.sqlite_only  # the source is a SQLite file; the target is the server
def test_a_move_whose_proof_fails_leaves_the_server_empty(tmp_path, pg_empty_database, make_resident, monkeypatch):
    from balai_app.services import server_move

    make_resident(name="Siti")
    real = transfer.fingerprint

    def lying(db):
        out = real(db)
        if db.__class__.__name__.startswith("BalaiPostgres"):
            out["resident"] = transfer.TableFingerprint("resident", 0, "x")
        return out

    monkeypatch.setattr(transfer, "fingerprint", lying)
    with pytest.raises(server_move.MoveError, match="resident"):
        server_move.move_database(SYSTEM, pg_empty_database)
    close_database()
    monkeypatch.undo()
    with pytest.raises(Exception, match="masih kosong"):
        open_database(pg_empty_database, create=False)


@pytest.mark.postgresql_only
def test_backup_check_and_restore_of_a_server_database(db, db_path, make_resident, tmp_path):
    """The server's backup is a SQLite file; check works; restore puts it back whole."""
    make_resident(name="Sebelum Cadangan")
    close_database()
    env_db = str(db_path)
    made = run("--db", env_db, "backup", "--out", tmp_path / "server.sqlite")
    assert made.returncode == 0, made.stderr
    checked = run("--db", env_db, "check")
    assert checked.returncode == 0 and "1 PM" in checked.stdout, checked.stderr
    open_database(db_path)
    make_resident(name="Sesudah Cadangan")
    close_database()
    file_before = sha(tmp_path / "server.sqlite")
    restored = run("--db", env_db, "restore", tmp_path / "server.sqlite")
    assert restored.returncode == 0, restored.stderr
    assert sha(tmp_path / "server.sqlite") == file_before  # the backup file is not changed
    db = open_database(db_path)
    try:
        from balai_app.db.models import Resident

        assert [r.name for r in Resident.select()] == ["Sebelum Cadangan"]
        assert transfer.fingerprint(db)["resident"].rows == 1
    finally:
        close_database()
    assert run("--db", env_db, "check").returncode == 0


@pytest.mark.sqlite_only  # the source is a SQLite file; the target is the server
def test_a_source_whose_audit_chain_is_broken_is_not_moved(demo_file, pg_empty_database):
    import sqlite3

    from balai_app.services import server_move

    conn = sqlite3.connect(demo_file)
    conn.execute('DROP TRIGGER "audit_event_no_update"')
    conn.execute("UPDATE audit_event SET summary = 'diubah diam-diam' WHERE id = 2")
    conn.commit()
    conn.close()
    open_database(demo_file)
    with pytest.raises(server_move.MoveError, match=r"sumber putus pada peristiwa No\. 2"):
        server_move.move_database(SYSTEM, pg_empty_database)
    close_database()
    with pytest.raises(Exception, match="masih kosong"):
        open_database(pg_empty_database, create=False)
