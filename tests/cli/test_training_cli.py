"""``programs list``, ``batches list|create``, ``enroll``: output and exit codes 0/1/2."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.cli import main
from balai_app.db.connection import close_database, open_database
from support.inprocess import invoke


@pytest.fixture
def dbfile(tmp_path, system):
    from balai_app.services import residents
    from balai_app.services import curriculum

    path = tmp_path / "cli.sqlite"
    open_database(path)
    curriculum.create_sample_programs(system)
    residents.create_resident(system, {"name": "Muh. Ma'ruf", "sex": "L", "klaster": "napza",
                                       "nik": "3201011501900001", "birth_date": "15-01-1990",
                                       "entry_date": "2026-01-05"}, confirm_warnings=True)
    residents.create_resident(system, {"name": "Sukarti", "sex": "P", "klaster": "lansia", "nik": "",
                                       "nik_missing_reason": "Tidak punya KTP", "entry_date": "2026-01-05",
                                       "status": "selesai", "exit_date": "2026-02-01"}, confirm_warnings=True)
    close_database()
    yield str(path)
    close_database()


def test_programs_list(dbfile, capsys):
    assert main(["--db", dbfile, "programs", "list"]) == 0
    out = capsys.readouterr().out
    assert "MJH\tMenjahit\t6 unit" in out and "contoh — sesuaikan dengan SKKNI" in out
    assert out.strip().endswith("4 program")


def test_batches_create_list_and_enroll(dbfile, capsys):
    start = dt.date.today()
    end = start + dt.timedelta(days=90)
    assert main(["--db", dbfile, "batches", "create", "--program", "LAS", "--name", "Angkatan I 2026",
                 "--start", start.strftime("%d/%m/%Y"), "--end", end.isoformat(), "--capacity", "12"]) == 0
    batch_id = capsys.readouterr().out.strip()
    assert batch_id.isdigit()
    assert main(["--db", dbfile, "batches", "list", "--program", "LAS"]) == 0
    out = capsys.readouterr().out
    assert f"{batch_id}\tLAS\tAngkatan I 2026" in out and "0/12" in out
    # No assessment yet: the command as the issue writes it warns, then enrolls.
    assert main(["--db", dbfile, "enroll", "--batch", batch_id, "--resident", "3201011501900001"]) == 0
    captured = capsys.readouterr()
    assert "peringatan" in captured.err and "asesmen" in captured.err
    assert "Muh. Ma'ruf terdaftar di Angkatan I 2026" in captured.out
    # Twice: refused with exit 1.
    assert main(["--db", dbfile, "enroll", "--batch", batch_id, "--resident", "1", "--yes"]) == 1
    assert "sudah terdaftar" in capsys.readouterr().err
    # A resident who left: refused.
    assert main(["--db", dbfile, "enroll", "--batch", batch_id, "--resident", "2", "--yes"]) == 1
    assert "Aktif" in capsys.readouterr().err
    assert main(["--db", dbfile, "batches", "list", "--year", str(start.year)]) == 0
    assert "1/12" in capsys.readouterr().out


def test_invalid_data_and_usage_errors(dbfile, capsys):
    # Unknown program / batch / resident: invalid data (1).
    assert main(["--db", dbfile, "batches", "create", "--program", "XX", "--name", "A", "--start", "2026-01-01",
                 "--end", "2026-02-01"]) == 1
    assert main(["--db", dbfile, "enroll", "--batch", "99", "--resident", "1"]) == 1
    assert main(["--db", dbfile, "batches", "create", "--program", "MJH", "--name", "A", "--start", "2026-03-01",
                 "--end", "2026-02-01"]) == 1
    assert "Tanggal selesai" in capsys.readouterr().err
    # Unparseable date: usage (2).
    assert main(["--db", dbfile, "batches", "create", "--program", "MJH", "--name", "A", "--start", "kemarin",
                 "--end", "2026-02-01"]) == 2


def test_missing_option_is_usage_error(dbfile):
    result = invoke("--db", dbfile, "batches", "create", "--name", "A")
    assert result.returncode == 2
    assert "--program" in result.stderr


def test_write_needs_an_account_once_accounts_exist(tmp_path, capsys, monkeypatch, fast_hashing):
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo", "--residents", "30"]) == 0
    close_database()
    capsys.readouterr()
    assert main(["--db", db, "batches", "list"]) == 2  # reading needs an account too (issue 12)
    monkeypatch.setenv("BALAI_PASSWORD", "demo")
    assert main(["--db", db, "--user", "staf", "batches", "list"]) == 0
    assert "angkatan" in capsys.readouterr().out
    monkeypatch.delenv("BALAI_PASSWORD")
    args = ["--db", db, "batches", "create", "--program", "DG", "--name", "X", "--start", "2030-01-01",
            "--end", "2030-03-01"]
    assert main(args) == 2
    monkeypatch.setenv("BALAI_PASSWORD", "demo")
    assert main(["--user", "instruktur", *args]) == 1  # an instruktur may not create batches
    assert "Ditolak" in capsys.readouterr().err
    assert main(["--user", "staf", *args]) == 0
    assert capsys.readouterr().out.strip().isdigit()


def test_a_child_in_an_adults_only_program_needs_enroll_reason(dbfile, capsys, system):
    """Issue 14: `enroll --reason`; without it a PM under 15 is refused from las (adults only)."""
    import json

    from balai_app.db.models import AuditEvent, Enrollment
    from balai_app.services import residents

    today = dt.date.today()
    open_database(dbfile)
    child = residents.create_resident(system, {"name": "Anak Sebelas", "sex": "L", "klaster": "anak",
                                               "nik": "3201011501150002",
                                               "birth_date": (today - dt.timedelta(days=365 * 11)).strftime("%d-%m-%Y"),
                                               "entry_date": "2026-01-05"}, confirm_warnings=True)
    close_database()
    assert main(["--db", dbfile, "batches", "create", "--program", "LAS", "--name", "Las I", "--start",
                 today.isoformat(), "--end", (today + dt.timedelta(days=60)).isoformat()]) == 0
    batch_id = capsys.readouterr().out.strip()
    assert main(["--db", dbfile, "enroll", "--batch", batch_id, "--resident", str(child.id), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "Anak Sebelas berumur 10 tahun" in err and "alasan tertulis" in err
    assert main(["--db", dbfile, "enroll", "--batch", batch_id, "--resident", str(child.id), "--yes",
                 "--reason", "Rekomendasi peksos: bengkel keluarga"]) == 0
    assert "Anak Sebelas terdaftar di Las I" in capsys.readouterr().out
    open_database(dbfile)
    try:
        assert Enrollment.select().count() == 1
        event = AuditEvent.get((AuditEvent.entity == "enrollment") & (AuditEvent.action == "create"))
        assert json.loads(event.changes)["alasan"] == [None, "Rekomendasi peksos: bengkel keluarga"]
    finally:
        close_database()
