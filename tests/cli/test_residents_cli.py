"""``balai-app residents import|export``: output lines and exit codes (a contract for scripts)."""

from __future__ import annotations

import pytest

import sqlite3
from pathlib import Path

from support.inprocess import invoke

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run(*args):
    return invoke(*args)


def count(db: Path, table: str = "resident") -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_import_valid_file_exit_0(tmp_path):
    db = tmp_path / "b.sqlite"
    result = run("--db", db, "residents", "import", FIXTURES / "pm_excel_id.csv")
    assert result.returncode == 0, result.stderr
    # The Indonesian sentence, then the English last line scripts rely on (issue 13).
    assert result.stdout.splitlines() == ["Impor selesai: 4 PM disimpan, 0 baris dilewati.", "imported 4, skipped 0"]
    assert count(db) == 4


def test_invalid_rows_stop_everything_exit_1_with_each_problem(tmp_path):
    db = tmp_path / "b.sqlite"
    result = run("--db", db, "residents", "import", FIXTURES / "pm_errors.csv")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "baris 3, kolom tanggal_lahir: Tanggal lahir: tanggal tidak ada di kalender: '31-02-2026'"
    assert lines[1].startswith("baris 4, kolom klaster: Klaster tidak dikenal: 'veteran'")
    assert lines[2] == "baris 5, kolom nik: NIK 3201010703900001 sudah dipakai di baris 2 berkas ini."
    assert lines[-2] == "Impor dibatalkan: tidak ada PM yang disimpan, 5 baris dilewati."
    assert lines[-1] == "imported 0, skipped 5 (3 baris tidak valid; tidak ada yang disimpan)"
    assert len(lines) == 5
    assert count(db) == 0


def test_skip_invalid_exit_0_and_says_so_in_the_last_line(tmp_path):
    db = tmp_path / "b.sqlite"
    result = run("--db", db, "residents", "import", FIXTURES / "pm_errors.csv", "--skip-invalid")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "imported 2, skipped 3 (3 baris tidak valid dilewati)"
    assert count(db) == 2
    # Running it again: every row is now a duplicate or invalid, nothing imported -> 1.
    again = run("--db", db, "residents", "import", FIXTURES / "pm_errors.csv", "--skip-invalid")
    assert again.returncode == 1
    assert "NIK sudah terdaftar atas nama Muh. Ma'ruf" in again.stdout
    assert again.stdout.splitlines()[-1].startswith("imported 0, skipped 5")


def test_dry_run_writes_nothing(tmp_path):
    db = tmp_path / "b.sqlite"
    clean = run("--db", db, "residents", "import", FIXTURES / "pm_excel_id.csv", "--dry-run")
    assert clean.returncode == 0
    assert clean.stdout.splitlines()[-1].startswith("imported 0, skipped 0 (uji coba: 4 baris valid siap diimpor, 0 baris")
    dirty = run("--db", db, "residents", "import", FIXTURES / "pm_errors.csv", "--dry-run")
    assert dirty.returncode == 1
    assert count(db) == 0


def test_warnings_are_printed_but_do_not_block(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("nik;nama;jenis_kelamin;klaster;hobi\n3201011501100001;Ani;P;anak;menjahit\n", encoding="utf-8")
    result = run("--db", tmp_path / "b.sqlite", "residents", "import", path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "baris 1, kolom hobi: peringatan: Kolom tidak dikenal; isinya diabaikan."
    assert lines[1].startswith("baris 2, kolom nik: peringatan: NIK menunjukkan jenis kelamin laki-laki")
    assert lines[-1] == "imported 1, skipped 0"


def test_missing_file_is_invalid_input_and_unknown_extension_is_usage(tmp_path):
    db = tmp_path / "b.sqlite"
    missing = run("--db", db, "residents", "import", tmp_path / "tidak-ada.csv")
    assert missing.returncode == 1
    assert "tidak ditemukan" in missing.stderr and missing.stdout.splitlines() == [
        "Impor dibatalkan: tidak ada PM yang disimpan.", "imported 0, skipped 0"]
    odd = run("--db", db, "residents", "import", FIXTURES / "pm_errors.csv.bak")
    assert odd.returncode == 2 and "tidak didukung" in odd.stderr
    no_file = run("--db", db, "residents", "import")
    assert no_file.returncode == 2


def test_missing_required_column_exit_1(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("nama;tempat_lahir\nAni;Bogor\n", encoding="utf-8")
    result = run("--db", tmp_path / "b.sqlite", "residents", "import", path)
    assert result.returncode == 1
    assert "Kolom wajib tidak ada: jenis_kelamin, klaster" in result.stderr
    assert result.stdout.splitlines()[-1] == "imported 0, skipped 0"


def test_export_masked_then_with_nik_round_trip(tmp_path):
    db = tmp_path / "b.sqlite"
    assert run("--db", db, "residents", "import", FIXTURES / "pm_excel_id.csv").returncode == 0

    masked = run("--db", db, "residents", "export", tmp_path / "pm.csv")
    assert masked.returncode == 0, masked.stderr
    assert masked.stdout.strip() == f"4 PM diekspor ke {tmp_path / 'pm.csv'} (NIK dan No. KK disamarkan)"
    assert "3201**********01" in (tmp_path / "pm.csv").read_text(encoding="utf-8-sig")

    full = run("--db", db, "residents", "export", tmp_path / "pm.xlsx", "--with-nik")
    assert full.returncode == 0 and "NIK lengkap" in full.stdout
    assert count(db, "audit_event WHERE action = 'export'") == 2

    fresh = tmp_path / "fresh.sqlite"
    back = run("--db", fresh, "residents", "import", tmp_path / "pm.xlsx")
    assert back.returncode == 0 and back.stdout.splitlines()[-1] == "imported 4, skipped 0"
    columns = "nik, no_kk, name, sex, birth_place, birth_date, klaster, address, entry_date, guardian_name, " \
              "guardian_phone, notes"
    rows = [sqlite3.connect(d).execute(f"SELECT {columns} FROM resident ORDER BY id").fetchall() for d in (db, fresh)]
    assert rows[0] == rows[1]


def test_export_unknown_extension_is_usage(tmp_path):
    result = run("--db", tmp_path / "b.sqlite", "residents", "export", tmp_path / "pm.pdf")
    assert result.returncode == 2 and "tidak didukung" in result.stderr


@pytest.mark.sqlite_only  # checks the file with sqlite3; PostgreSQL: test_proof_postgres.py
def test_with_accounts_the_user_and_role_decide(db, db_path, system, monkeypatch):
    from balai_app.db.connection import write_transaction
    from balai_app.services import accounts

    with write_transaction():
        for name, role in (("staf1", "staf"), ("instruktur1", "instruktur")):
            accounts.insert_user(system, {"username": name, "full_name": name.title(), "role": role},
                                 "kata-sandi-rahasia-1", must_change_password=False)
    monkeypatch.setenv("BALAI_PASSWORD", "kata-sandi-rahasia-1")
    file = FIXTURES / "pm_excel_id.csv"

    anonymous = run("--db", db_path, "residents", "import", file)
    assert anonymous.returncode == 2 and "--user" in anonymous.stderr
    trainer = run("--db", db_path, "--user", "instruktur1", "residents", "import", file)
    assert trainer.returncode == 1 and "tidak berhak" in trainer.stderr
    staff = run("--db", db_path, "--user", "staf1", "residents", "import", file)
    assert staff.returncode == 0 and staff.stdout.splitlines()[-1] == "imported 4, skipped 0"
    assert run("--db", db_path, "residents", "export", db_path.with_name("pm.csv")).returncode == 2
    export = run("--db", db_path, "--user", "staf1", "residents", "export", db_path.with_name("pm.csv"), "--with-nik")
    assert export.returncode == 0
    con = sqlite3.connect(db_path)
    who = con.execute("SELECT username FROM audit_event WHERE action = 'export'").fetchall()
    con.close()
    assert who == [("staf1",)]
