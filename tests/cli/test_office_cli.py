"""The office's jobs from the command line (issue 13): residents add/edit/show, assessments and ATENSI
services, withdrawing and completing an enrollment, the Laporan report, the balai profile and certificate
settings, ``programs show CODE`` and ``assess --unit`` by unit number. Dates DD/MM/YYYY, numbers 1.234."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.cli import main
from balai_app.domain.numbers import number
from balai_app.db.models import Assessment, Enrollment, Resident, ServiceRecord, UnitAssessment
from balai_app.services import certificates_settings, profile
from support.accounts import PASSWORD, make_account
from support.sessions import DAY, build_training

TODAY = dt.date.today()


@pytest.fixture
def cli(db, db_path, capsys, monkeypatch):
    """``balai-app --db DB ARGS``; once the database has accounts, as the admin ``kepala``."""
    from balai_app.services import accounts

    monkeypatch.setenv("BALAI_PASSWORD", PASSWORD)

    def run(*args):
        user = ["--user", "kepala"] if accounts.has_accounts() else []
        code = main(["--db", str(db_path), *user, *map(str, args)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


@pytest.fixture
def admin(db, fast_hashing):
    return make_account("admin", "kepala")


def test_residents_add_edit_show(cli):
    code, out, err = cli("residents", "add", "--name", "Muh. Ma'ruf", "--sex", "L", "--klaster", "Lanjut Usia",
                         "--no-nik-reason", "Tidak memiliki KTP", "--birth-date", "04/03/1950")
    assert code == 0, err
    rid = int(out.strip())
    saved = Resident.get_by_id(rid)
    assert (saved.klaster, saved.birth_date, saved.nik) == ("lansia", dt.date(1950, 3, 4), None)

    # the same person typed again: a warning, nothing saved, until --yes
    code, out, err = cli("residents", "add", "--name", "MUH. MA'RUF", "--sex", "L", "--klaster", "lansia",
                         "--no-nik-reason", "Tanpa KTP", "--birth-date", "1950-03-04")
    assert code == 1 and "Mungkin orang yang sama dengan Muh. Ma'ruf" in err and "--yes" in err
    assert Resident.select().count() == 1

    code, out, err = cli("residents", "add", "--name", "", "--sex", "X", "--klaster", "veteran")
    assert code == 1 and "Nama lengkap wajib diisi." in err and "'veteran'" in err
    assert Resident.select().count() == 1

    code, out, err = cli("residents", "edit", str(rid), "--address", "Jl. Melati 5", "--guardian", "Siti Rahmah",
                         "--guardian-relation", "Ibu")
    assert code == 0, err
    assert Resident.get_by_id(rid).guardian_name == "Siti Rahmah"
    code, out, err = cli("residents", "edit", str(rid))
    assert code == 2
    code, out, err = cli("residents", "show", str(rid))
    assert code == 0 and "04/03/1950" in out and "Siti Rahmah (Ibu)" in out and "1950-03-04" not in out


def test_assessments_and_services(cli, make_resident):
    resident = make_resident(name="Budi")
    code, out, err = cli("services", "add", "--resident", resident.id, "--kind", "terapi",
                         "--description", "Terapi psikososial")
    assert code == 1 and "belum pernah diasesmen" in err and ServiceRecord.select().count() == 0
    code, out, err = cli("assessments", "add", "--resident", resident.nik, "--assessor", "Rina",
                         "--summary", "Perlu pendampingan", "--date", "02/03/2026")
    assert code == 0, err
    assert Assessment.select().count() == 1
    code, out, err = cli("assessments", "list", "--resident", resident.id)
    assert "02/03/2026\tRina\tPerlu pendampingan" in out
    code, out, err = cli("services", "add", "--resident", resident.id, "--kind", "terapi",
                         "--description", "Terapi psikososial", "--date", "03/03/2026")
    assert code == 0, err
    code, out, err = cli("services", "list", "--resident", resident.id)
    assert "03/03/2026\tTerapi" in out


def test_withdraw_and_complete_an_enrollment(admin, cli, make_resident):
    training = build_training(make_resident, participants=2, units=2, start=TODAY - 20 * DAY)
    first, second = training.residents
    code, out, err = cli("enrollment", "withdraw", "--batch", training.batch.id, "--resident", first.id,
                         "--reason", "Pindah ke luar kota", "--date", (TODAY - DAY).strftime("%d/%m/%Y"))
    assert code == 0, err
    assert "mengundurkan diri per" in out
    assert Enrollment.get(Enrollment.resident == first.id).status == "mengundurkan_diri"
    code, out, err = cli("enrollment", "complete", "--batch", training.batch.id, "--resident", second.nik)
    assert code == 0, err
    assert f"lulus per {TODAY:%d/%m/%Y}" in out
    code, out, err = cli("enrollment", "complete", "--batch", training.batch.id, "--resident", first.id)
    assert code == 1 and "sudah berstatus Mengundurkan diri" in err


def test_programs_show_and_assess_by_unit_number(admin, cli, make_resident):
    training = build_training(make_resident, participants=1, units=3, start=TODAY - 20 * DAY)
    code, out, err = cli("programs", "show", training.program.code)
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"{training.program.code}\t{training.program.name}"
    assert f"2\t{training.units[1].code}\t{training.units[1].title}" in lines
    code, out, err = cli("assess", "--batch", training.batch.id, "--resident", training.residents[0].id,
                         "--unit", "3", "--result", "K")
    assert code == 0, err
    assert UnitAssessment.get_by_id(int(out)).unit_id == training.units[2].id
    code, out, err = cli("assess", "--batch", training.batch.id, "--resident", training.residents[0].id,
                         "--unit", "7", "--result", "K")
    assert code == 2 and "No. 1-3" in err


def test_report_and_settings(cli, make_resident, tmp_path):
    from support.certificates import make_profile

    make_profile()
    for i in range(3):
        make_resident(name=f"PM {i}", entry_date="2026-01-05")
    code, out, err = cli("reports", "served", "--from", "01/01/2026", "--to", "31/01/2026",
                         "--out", tmp_path / "laporan.xlsx")
    assert code == 0, err
    assert out.splitlines()[0] == "PM dilayani 01/01/2026 s.d. 31/01/2026"
    assert "Anak\t3\t0\t3\t3\t0" in out and (tmp_path / "laporan.xlsx").stat().st_size > 0
    code, out, err = cli("settings", "profile", "--head-name", "Drs. Ahmad Yani", "--city", "Bekasi")
    assert code == 0, err
    assert profile.get_profile().head_name == "Drs. Ahmad Yani"
    code, out, err = cli("settings", "certificates", "--bilingual", "ya")
    assert code == 0, err
    assert certificates_settings.read_settings().bilingual is True
    code, out, err = cli("settings", "certificates", "--number-format", "{program}")
    assert code == 1 and certificates_settings.read_settings().number_template != "{program}"
    code, out, err = cli("settings", "show")
    assert "Drs. Ahmad Yani" in out and "Dwibahasa (Indonesia/Inggris): Ya" in out


def test_indonesian_number_separators():
    assert number(1884160) == "1.884.160" and number(12) == "12" and number(2.5) == "2,5"


def test_cli_output_dates_and_numbers(cli, make_resident, tmp_path, monkeypatch):
    """Backups show sizes as 1.234.567 bita; sessions and the audit trail show DD/MM/YYYY."""
    for i in range(2):
        make_resident(name=f"PM {i}")
    code, out, err = cli("backup", "--out", tmp_path / "cadangan.sqlite")
    assert code == 0, err
    size_text = out.split("skema")[1]
    assert " bita" in size_text and "byte" not in out
    digits = size_text.split(";")[1].strip().split()[0]
    assert "." in digits and "," not in digits  # at least some kilobytes: 12.345
    code, out, err = cli("audit", "list")
    first = out.splitlines()[0]
    assert first[2] == "/" and first[5] == "/", first  # 01/12/2026 12:00:00
    from balai_app.services import audit_text

    assert "TTTT-BB-HH" in audit_text.EXPORT_HEADERS[1]  # the CSV keeps ISO dates and says so


def test_residents_list_counts_with_thousands_separator(cli, system):
    from balai_app.services import residents

    template, collector = residents.clean({"name": "Contoh", "sex": "P", "klaster": "tuna_sosial",
                                           "entry_date": "2026-01-05", "nik_missing_reason": "Tidak memiliki KTP"})
    assert not collector.errors
    for i in range(1001):
        residents.create_resident(system, dict(template, name=f"PM {i}"))
    code, out, err = cli("residents", "list", "--limit", "1")
    assert code == 0, err
    assert out.splitlines()[-1] == "1 dari 1.001 PM"
