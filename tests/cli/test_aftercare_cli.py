"""``partners``, ``outcomes``, ``followups``: output and exit codes 0/1/2 (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.cli import main
from balai_app.db.connection import close_database, open_database
from balai_app.services.followups import add_months


@pytest.fixture
def dbfile(tmp_path, system):
    from balai_app.services import residents

    path = tmp_path / "cli.sqlite"
    open_database(path)
    # Left four months ago: the 3-month contact is overdue (or due this month), the 6-month one still ahead.
    exit_date = add_months(dt.date.today().replace(day=1), -4)
    residents.create_resident(system, {"name": "Muh. Ma'ruf", "sex": "L", "klaster": "napza",
                                       "nik": "3201011501900001", "birth_date": "15-01-1990",
                                       "entry_date": "2025-01-06", "status": "selesai",
                                       "exit_date": exit_date.isoformat()}, confirm_warnings=True)
    residents.create_resident(system, {"name": "Sukarti", "sex": "P", "klaster": "lansia", "nik": "",
                                       "nik_missing_reason": "Tidak punya KTP", "entry_date": "2026-01-05"},
                              confirm_warnings=True)
    close_database()
    yield str(path)
    close_database()


def test_partner_then_job_then_list(dbfile, capsys):
    assert main(["--db", dbfile, "partners", "add", "--name", "Bank Permata", "--kind", "perusahaan",
                 "--contact", "Pak Andi", "--phone", "021-5237788", "--agreement", "PKS-7/2026"]) == 0
    partner_id = capsys.readouterr().out.strip()
    assert partner_id.isdigit()
    assert main(["--db", dbfile, "outcomes", "add", "--resident", "3201011501900001", "--kind", "bekerja",
                 "--partner", partner_id, "--position", "Agen contact center", "--wage", "umk"]) == 0
    outcome_id = capsys.readouterr().out.strip()
    assert main(["--db", dbfile, "outcomes", "list", "--resident", "1"]) == 0
    out = capsys.readouterr().out
    assert f"{outcome_id}\t" in out and "Muh. Ma'ruf (No. 1)\tBekerja — Bank Permata, Agen contact center" in out
    assert out.strip().endswith("1 hasil")
    assert main(["--db", dbfile, "partners", "list"]) == 0
    out = capsys.readouterr().out
    assert f"{partner_id}\tBank Permata\tPerusahaan\taktif\tPak Andi\t021-5237788\tPKS-7/2026\t1 penempatan" in out


def test_invalid_data_exits_1_with_the_field_named(dbfile, capsys):
    assert main(["--db", dbfile, "outcomes", "add", "--resident", "1", "--kind", "bekerja"]) == 1
    assert "Pilih mitra atau isi nama tempat kerja." in capsys.readouterr().err
    assert main(["--db", dbfile, "outcomes", "add", "--resident", "2", "--kind", "belum"]) == 1
    assert "belum lulus" in capsys.readouterr().err
    assert main(["--db", dbfile, "outcomes", "add", "--resident", "1", "--kind", "magang", "--partner", "99"]) == 1
    assert "Mitra No. '99' tidak terdaftar." in capsys.readouterr().err
    assert main(["--db", dbfile, "partners", "add", "--name", "", "--kind", "lks"]) == 1
    assert "Nama mitra wajib diisi." in capsys.readouterr().err
    assert main(["--db", dbfile, "outcomes", "list"]) == 0
    assert capsys.readouterr().out.strip() == "0 hasil"


def test_wrong_usage_exits_2(dbfile, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--db", dbfile, "outcomes", "add", "--resident", "1", "--kind", "pensiun"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["--db", dbfile, "partners", "add", "--name", "X"])
    assert caught.value.code == 2
    assert main(["--db", dbfile, "followups", "record", "--resident", "1", "--date", "31/02/2026", "--how",
                 "telepon", "--note", "x"]) == 2
    assert "tidak ada di kalender" in capsys.readouterr().err


def test_followups_due_then_record(dbfile, capsys):
    assert main(["--db", dbfile, "followups", "due"]) == 0
    out = capsys.readouterr().out
    assert "Muh. Ma'ruf (No. 1)\t3 bulan" in out
    contact = dt.date.today().isoformat()
    assert main(["--db", dbfile, "followups", "record", "--resident", "1", "--date", contact, "--how", "telepon",
                 "--note", "Sudah bekerja di bengkel"]) == 0
    assert "kontak" in capsys.readouterr().out
    assert main(["--db", dbfile, "followups", "due"]) == 0
    assert "3 bulan" not in capsys.readouterr().out
    assert main(["--db", dbfile, "followups", "record", "--resident", "2", "--date", contact, "--how", "telepon",
                 "--note", "x"]) == 1
    assert "belum keluar" in capsys.readouterr().err


def test_commands_need_an_office_account_once_accounts_exist(dbfile, capsys, monkeypatch):
    from support.accounts import PASSWORD, make_account

    open_database(dbfile)
    make_account("instruktur", "guru")
    close_database()
    assert main(["--db", dbfile, "partners", "list"]) == 2
    monkeypatch.setenv("BALAI_PASSWORD", PASSWORD)
    assert main(["--db", dbfile, "--user", "guru", "partners", "list"]) == 1
    assert "tidak berhak melihat daftar mitra" in capsys.readouterr().err


def test_reports_monthly_writes_xlsx_and_pdf(dbfile, capsys, tmp_path):
    from openpyxl import load_workbook

    month = dt.date.today().strftime("%Y-%m")
    out = tmp_path / "bulanan.xlsx"
    assert main(["--db", dbfile, "reports", "monthly", "--month", month, "--out", str(out)]) == 0
    assert "Laporan Bulanan" in capsys.readouterr().out
    rows = [[c.value for c in row] for row in load_workbook(out).active.iter_rows()]
    served = next(r for r in rows if r[0] == "PM dilayani")
    assert served[-1] == 1  # Sukarti (active); Muh. Ma'ruf left months ago
    assert main(["--db", dbfile, "reports", "monthly", "--month", month, "--out", str(tmp_path / "b.pdf")]) == 0
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


def test_reports_monthly_usage_errors_exit_2(dbfile, capsys, tmp_path):
    assert main(["--db", dbfile, "reports", "monthly", "--month", "2026-13", "--out", "x.xlsx"]) == 2
    assert "bulan tidak valid" in capsys.readouterr().err
    assert main(["--db", dbfile, "reports", "monthly", "--month", "2026-11", "--out", "x.doc"]) == 2
    with pytest.raises(SystemExit) as caught:
        main(["--db", dbfile, "reports", "monthly", "--out", "x.pdf"])
    assert caught.value.code == 2
    assert main(["--db", dbfile, "reports", "monthly", "--from", "2026-02-01", "--to", "2026-01-01",
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert "sebelum tanggal awal" in capsys.readouterr().err
