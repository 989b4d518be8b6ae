"""Files that are not what they seem (issue 12): another program's SQLite file, an
empty file, a database whose indexes disagree with its tables."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.damage import drop_row_from_index, quick_and_full


def run(*args, user: str | None = None, env_extra: dict | None = None):
    env = {**os.environ, "BALAI_PASSWORD": "demo", **(env_extra or {})}
    extra = ["--user", user] if user else []
    return subprocess.run([sys.executable, "-m", "balai_app", *args[:2], *extra, *args[2:]],
                          capture_output=True, text=True, timeout=120, env=env)


def orders_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    conn.execute("INSERT INTO orders (item) VALUES ('kopi')")
    conn.commit()
    conn.close()
    return path


def test_another_programs_file_is_refused_by_every_command_and_left_unchanged(tmp_path):
    orders = orders_file(tmp_path / "orders.sqlite")
    before = orders.read_bytes()
    for command in (["residents", "list"], ["residents", "import", str(tmp_path / "x.csv")], ["demo"]):
        (tmp_path / "x.csv").write_text("nama\n", encoding="utf-8")
        result = run("--db", str(orders), *command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "bukan basis data Balai" in result.stderr
        assert "Traceback" not in result.stderr
    assert orders.read_bytes() == before
    assert not Path(str(orders) + "-wal").exists()
    check = run("--db", str(orders), "check")
    assert check.returncode == 1 and "bukan basis data Balai" in check.stdout


def test_open_database_refuses_a_foreign_file_before_any_pragma(tmp_path):
    from balai_app.db.connection import DatabaseError, open_database

    orders = orders_file(tmp_path / "orders.sqlite")
    before = orders.read_bytes()
    with pytest.raises(DatabaseError, match="bukan basis data Balai"):
        open_database(orders)
    assert orders.read_bytes() == before
    conn = sqlite3.connect(orders)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # never switched to WAL
    conn.close()


def test_an_empty_file_is_initialised_only_by_commands_that_create(tmp_path):
    empty = tmp_path / "kosong.sqlite"
    empty.write_bytes(b"")
    result = run("--db", str(empty), "residents", "list")
    assert result.returncode == 1 and "kosong" in result.stderr
    assert empty.stat().st_size == 0
    assert run("--db", str(empty), "demo", "--residents", "3").returncode == 0


def test_a_file_whose_index_lacks_a_row_is_refused_by_the_command_line(tmp_path):
    db = tmp_path / "kantor.sqlite"
    assert run("--db", str(db), "demo", "--residents", "12").returncode == 0
    drop_row_from_index(db, rowid=5)
    quick, full = quick_and_full(db)
    assert quick == ["ok"] and "row 5 missing from index resident_status" in full  # what quick_check misses
    before = db.read_bytes()
    (tmp_path / "baru.csv").write_text("nama,jenis_kelamin,klaster,tanggal_masuk\nSiti,P,anak,2026-01-05\n",
                                       encoding="utf-8")
    for command in (["residents", "list"], ["residents", "import", str(tmp_path / "baru.csv")]):
        result = run("--db", str(db), *command, user="admin")
        assert result.returncode == 1, (command, result.stdout)
        assert "rusak" in result.stderr and "resident_status" in result.stderr
    assert db.read_bytes() == before
    check = run("--db", str(db), "check")
    assert check.returncode == 1 and "row 5 missing from index resident_status" in check.stdout


def _wal_database(path: Path) -> sqlite3.Connection:
    """A Balai database with writes still in its -wal (checkpointing off)."""
    from balai_app.db.connection import close_database, open_database

    open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    conn.commit()
    return conn


def test_check_warns_about_a_wal_that_no_process_holds(tmp_path):
    db = tmp_path / "balai.sqlite"
    holder = _wal_database(db)
    assert Path(str(db) + "-wal").stat().st_size > 0
    result = run("--db", str(db), "check")
    assert "-wal" not in result.stderr  # a program has it open: the WAL is its own
    # The WAL of a process that died (or copied from elsewhere) stays behind.
    stray = tmp_path / "stray.sqlite"
    import shutil

    shutil.copy(db, stray)
    shutil.copy(str(db) + "-wal", str(stray) + "-wal")
    holder.close()
    result = run("--db", str(stray), "check")
    assert "PERINGATAN" in result.stderr and "stray.sqlite-wal" in result.stderr
