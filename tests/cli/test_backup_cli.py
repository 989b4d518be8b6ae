"""``balai-app --db PATH backup [--out FILE]``, ``restore FILE``, ``check``: the contract."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support.inprocess import invoke


def run(*args, user: str | None = "admin"):
    """The demo database has accounts (admin/staf/instruktur, password "demo")."""
    import os

    env = {**os.environ, "BALAI_PASSWORD": "demo"}
    extra = ["--user", user] if user and args and args[0] == "--db" and args[2] in ("backup", "restore") else []
    return invoke(*args[:2], *extra, *args[2:], env=env)


def residents_of(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM resident ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path, demo_copy):
    """``balai-app --db kantor.sqlite demo --residents 25``, built once per run and copied."""
    return demo_copy(25, tmp_path / "kantor.sqlite")


def test_backup_check_restore_round_trip(demo_db, tmp_path, isolated_paths):
    result = run("--db", str(demo_db), "backup")
    assert result.returncode == 0, result.stderr
    assert "Cadangan dibuat dan diperiksa (utuh):" in result.stdout and "25 PM" in result.stdout
    assert len(list((isolated_paths / "backups").glob("balai-*.sqlite"))) == 1

    out = tmp_path / "flashdisk" / "cadangan.sqlite"
    result = run("--db", str(demo_db), "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    saved = residents_of(out)
    assert saved == residents_of(demo_db)

    result = run("--db", str(demo_db), "check")
    assert result.returncode == 0, result.stderr
    assert "sehat" in result.stdout

    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE resident SET name = 'Salah Hapus' WHERE id = 1")
    conn.execute("DELETE FROM service_record")
    conn.commit()
    conn.close()

    result = run("--db", str(demo_db), "restore", str(out))
    assert result.returncode == 0, result.stderr
    assert "25 PM" in result.stdout and "sebelum-pemulihan-" in result.stdout
    assert residents_of(demo_db) == saved
    safety = next((isolated_paths / "backups").glob("sebelum-pemulihan-*.sqlite"))
    assert residents_of(safety)[0][4] == "Salah Hapus"


def test_restore_refuses_with_an_indonesian_message(demo_db, tmp_path):
    junk = tmp_path / "foto.sqlite"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    result = run("--db", str(demo_db), "restore", str(junk))
    assert result.returncode == 1
    assert "tidak dapat dipulihkan" in result.stderr and "bukan basis data SQLite" in result.stderr

    newer = tmp_path / "baru.sqlite"
    assert run("--db", str(demo_db), "backup", "--out", str(newer)).returncode == 0
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    result = run("--db", str(demo_db), "restore", str(newer))
    assert result.returncode == 1
    assert "versi Balai yang lebih baru" in result.stderr


def test_check_lists_problems_and_exits_1(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE assessment SET resident_id = 9999 WHERE id = 1")
    conn.commit()
    conn.close()
    result = run("--db", str(demo_db), "check")
    assert result.returncode == 1
    assert "BERMASALAH" in result.stdout and "assessment" in result.stdout

    with open(demo_db, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 8)
    result = run("--db", str(demo_db), "check")
    assert result.returncode == 1
    assert "BERMASALAH" in result.stdout


def test_check_does_not_create_a_missing_database(tmp_path):
    missing = tmp_path / "tidak-ada.sqlite"
    result = run("--db", str(missing), "check")
    assert result.returncode == 1 and "tidak ditemukan" in result.stdout
    assert not missing.exists()


def test_failure_in_second_folder_is_shown_and_exit_1(demo_db, tmp_path):
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import backup
    from balai_app.services.context import SYSTEM

    open_database(demo_db)
    try:
        backup.set_second_folder(SYSTEM, tmp_path / "usb-tidak-terpasang")
    finally:
        close_database()
    result = run("--db", str(demo_db), "backup")
    assert result.returncode == 1
    assert "PERINGATAN" in result.stderr and "usb-tidak-terpasang" in result.stderr
    assert "Cadangan dibuat dan diperiksa (utuh):" in result.stdout  # the main copy was made


def test_backup_and_restore_need_an_admin_account(demo_db, tmp_path):
    out = tmp_path / "c.sqlite"
    assert run("--db", str(demo_db), "backup", "--out", str(out), user=None).returncode == 2
    result = run("--db", str(demo_db), "backup", "--out", str(out), user="staf")
    assert result.returncode == 1 and "Ditolak" in result.stderr
    assert run("--db", str(demo_db), "backup", "--out", str(out)).returncode == 0
    result = run("--db", str(demo_db), "restore", str(out), user="staf")
    assert result.returncode == 1 and "Ditolak" in result.stderr


def test_restore_over_a_damaged_database_without_opening_it(demo_db, tmp_path, isolated_paths):
    out = tmp_path / "c.sqlite"
    assert run("--db", str(demo_db), "backup", "--out", str(out)).returncode == 0
    with open(demo_db, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 8)
    result = run("--db", str(demo_db), "restore", str(out), user=None)
    assert result.returncode == 0, result.stderr
    assert "rusak" in result.stderr
    assert next((isolated_paths / "backups").glob("rusak-*.sqlite"))
    assert run("--db", str(demo_db), "check").returncode == 0


def test_other_commands_refuse_a_damaged_database(demo_db, isolated_paths):
    assert run("--db", str(demo_db), "backup").returncode == 0
    with open(demo_db, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 8)
    damaged = demo_db.read_bytes()
    result = run("--db", str(demo_db), "residents", "list")
    assert result.returncode == 1
    assert "rusak" in result.stderr and "restore" in result.stderr and "balai-2" in result.stderr
    assert demo_db.read_bytes() == damaged
