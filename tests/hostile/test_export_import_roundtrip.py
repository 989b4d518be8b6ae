"""Export and import round-trip (issue 13): an export with NIK, imported into an empty
database, gives the same PMs with the same status, dates, disability and every other
field of the register -- from XLSX and from CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from balai_app.db.connection import close_database, open_database
from balai_app.services import resident_io, resident_io_export, resident_io_read, residents

FIELDS = [f for f in residents.EDITABLE]


def _people(system):
    rows = [
        dict(name="Muh. Ma'ruf", sex="L", klaster="disabilitas", nik="3201011501900001", birth_date="15-01-1990",
             disabilities=["fisik", "sensorik_rungu"], religion="Islam", education="SD/sederajat",
             guardian_name="Ibu Siti", guardian_relation="Ibu", guardian_phone="081234567890",
             referral_source="Dinas Sosial Bogor", entry_date="2025-02-01", birth_place="Bogor",
             address="Jl. Melati 1\nRT 01/RW 02", notes="=HYPERLINK(\"x\") catatan"),
        dict(name="Ni Luh Putu Ayu", sex="P", klaster="lansia", nik="5171015505490002", birth_date="15-05-1949",
             entry_date="2024-03-01", status="kembali_keluarga", exit_date="2025-06-30",
             exit_reason="Dijemput keluarga"),
        dict(name="Sukarno", sex="L", klaster="tuna_sosial", nik=None, nik_missing_reason="Tidak memiliki KTP",
             entry_date="2024-06-01", status="dirujuk", exit_date="2024-12-01", exit_reason="Dirujuk ke RS jiwa"),
        dict(name="Dewi", sex="P", klaster="napza", nik="3201015012950003", birth_date="10-12-1995",
             entry_date="2025-01-10", status="meninggal", exit_date="2025-08-01", exit_reason="Sakit"),
    ]
    for row in rows:
        residents.create_resident(system, row, confirm_warnings=True)


def _register() -> list[dict]:
    from balai_app.db.models import Resident

    return [{f: getattr(r, f) for f in FIELDS} for r in Resident.select().order_by(Resident.name)]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_with_nik_imports_back_as_the_same_pms(db, system, tmp_path, suffix):
    _people(system)
    before = _register()
    target = tmp_path / f"ekspor{suffix}"
    resident_io_export.export_residents(system, target, with_nik=True)
    close_database()
    open_database(tmp_path / "kosong.sqlite")
    try:
        report = resident_io.run_import(system, target)
        assert report.imported == len(before), [p.message for p in report.problems]
        after = _register()
    finally:
        close_database()
    assert after == before
    assert {r["status"] for r in after} == {"aktif", "kembali_keluarga", "dirujuk", "meninggal"}
    assert any(r["disabilities"] == "fisik,sensorik_rungu" for r in after)


def test_an_older_export_without_the_new_columns_still_imports(db, system, tmp_path):
    path = tmp_path / "lama.csv"
    path.write_text("nik;nama;jenis_kelamin;klaster;tanggal_masuk\n;Sukarno;L;tuna_sosial;2024-06-01\n",
                    encoding="utf-8")
    report = resident_io.run_import(system, path)
    assert report.imported == 1
    from balai_app.db.models import Resident

    person = Resident.get()
    assert person.status == "aktif" and person.nik_missing_reason == resident_io_read.DEFAULT_NIK_MISSING_REASON


def test_an_unknown_status_or_disability_names_row_and_column(db, system, tmp_path):
    path = tmp_path / "salah.csv"
    path.write_text("nama;jenis_kelamin;klaster;tanggal_masuk;status;disabilitas\n"
                    "Sukarno;L;tuna_sosial;2024-06-01;pensiun;fisik, terbang\n", encoding="utf-8")
    report = resident_io.check_import(system, path)
    assert {(p.row, p.column) for p in report.errors} == {(2, "status"), (2, "disabilitas")}
    assert Path(path).exists()


def test_the_same_person_without_nik_is_warned_about_on_import(db, system, tmp_path, make_resident):
    make_resident(name="Muh. Ma'ruf", nik=None, nik_missing_reason="Tidak memiliki KTP", birth_date="15-01-1990")
    make_resident(name="Sukarno", nik=None, nik_missing_reason="Tidak memiliki KTP", birth_date=None,
                  guardian_name="Ibu Fatmawati")
    path = tmp_path / "dua-kali.csv"
    path.write_text(
        "nama;jenis_kelamin;klaster;tanggal_lahir;nama_wali;tanggal_masuk\n"
        "MUH. MA’RUF;L;anak;15/01/1990;;05/01/2026\n"      # folded name + birth date
        "sukarno;L;tuna_sosial;;ibu fatmawati;05/01/2026\n"  # name + family name
        "Siti Aminah;P;anak;01/02/2001;;05/01/2026\n"
        "Siti  Aminah;P;anak;01/02/2001;;05/01/2026\n",      # twice in the same file
        encoding="utf-8")
    report = resident_io.check_import(system, path)
    warned = {(p.row, p.column): p.message for p in report.warnings if "orang yang sama" in p.message}
    assert set(warned) == {(2, "nama"), (3, "nama"), (5, "nama")}
    assert "tanggal lahir" in warned[(2, "nama")] and "Ma'ruf" in warned[(2, "nama")]
    assert "nama keluarga/wali" in warned[(3, "nama")] and "baris 4" in warned[(5, "nama")]
    assert not report.errors  # a warning, never a refusal
