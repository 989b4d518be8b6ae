"""Importing and exporting residents: real files (CSV in every encoding Excel writes, XLSX), real database."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balai_app.db.models import AuditEvent, Resident
from balai_app.domain.errors import PermissionDenied
from balai_app.services import resident_io as rio
from balai_app.services import resident_io_export as rio_export
from balai_app.services import resident_io_read as rio_read
from balai_app.services.context import Actor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TRAINER = Actor(7, "instruktur1", "instruktur")
STAFF = Actor(None, "staf1", "staf")


def nik_for(region: str, birth: dt.date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(report) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.level) for p in report.problems]


# --- reading -----------------------------------------------------------------------


def test_excel_indonesian_csv_semicolons_bom_title_case_headers(db, system):
    report = rio.run_import(system, FIXTURES / "pm_excel_id.csv")

    assert report.imported == 4 and report.skipped == 0 and not report.errors
    assert report.summary_line() == "imported 4, skipped 0"
    maruf, niluh, sukarno, siti = Resident.select().order_by(Resident.id)
    assert maruf.name == "Muh. Ma'ruf" and maruf.klaster == "napza" and maruf.sex == "L"
    assert maruf.address == "Jl. Melati No. 5; RT 01/RW 02"  # a quoted semicolon stays in its cell
    assert maruf.birth_date == dt.date(1990, 3, 7) and maruf.entry_date == dt.date(2026, 1, 5)
    assert maruf.no_kk == "3201012345678901" and maruf.guardian_phone == "0812-3456-7890"
    assert niluh.sex == "P" and niluh.klaster == "anak" and niluh.address == "Br. Kaja,\nDenpasar"
    assert niluh.birth_date == dt.date(2012, 8, 21) and niluh.entry_date == dt.date(2026, 2, 10)
    # No NIK: imported with the default reason.
    assert sukarno.nik is None and sukarno.nik_missing_reason == rio_read.DEFAULT_NIK_MISSING_REASON
    assert sukarno.klaster == "lansia" and sukarno.notes == "tidak memiliki KTP"
    assert siti.klaster == "disabilitas" and siti.birth_place == "Tanjung Selor"
    # Search works on imported rows.
    assert "ma'ruf" in maruf.search_text and "3201010703900001" in maruf.search_text


def test_multiline_cell_keeps_spreadsheet_row_numbers(db, system):
    text = (FIXTURES / "pm_excel_id.csv").read_text(encoding="utf-8-sig").replace("31/12/1985", "31/02/1985")
    path = write_csv(db_dir(db) / "x.csv", text)
    report = rio.check_import(system, path)
    # Ni Luh's address spans two lines but is one spreadsheet row (3); Siti is row 5.
    assert [(p.row, p.column) for p in report.errors] == [(5, "Tanggal Lahir")]


def db_dir(db) -> Path:
    """The test's own folder: beside the SQLite file; on the server the test's data folder."""
    from balai_app import paths
    from balai_app.db import dialect

    if dialect.is_postgres(db):
        return paths.ensure_dir(paths.data_dir())
    return Path(db.database).parent


def test_windows_1252_csv_with_curly_apostrophe_and_accents(db, system):
    report = rio.run_import(system, FIXTURES / "pm_cp1252.csv")
    assert report.imported == 2, report.problems
    maruf, rene = Resident.select().order_by(Resident.id)
    assert maruf.name == "Muh. Ma\u2019ruf"
    assert maruf.notes == "Caf\u00e9 \u201cSehat\u201d, \u00e9"
    assert rene.name == "Ren\u00e9 D\u00e9sir\u00e9" and rene.nik is None and rene.klaster == "tuna_sosial"


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")],
    ids=["utf8", "utf8-bom", "utf16-bom"],
)
def test_encodings_and_comma_separator(db, system, tmp_path, encoding, prefix):
    text = "Nama,Jenis_Kelamin,KLASTER,Tempat Lahir\r\nD\u00e9wi Ma\u2019ruf,Perempuan,Lanjut Usia,Bogor\r\n"
    path = tmp_path / "pm.csv"
    path.write_bytes(prefix + text.encode(encoding))
    report = rio.run_import(system, path)
    assert report.imported == 1, report.problems
    row = Resident.get()
    assert (row.name, row.sex, row.klaster, row.birth_place) == ("D\u00e9wi Ma\u2019ruf", "P", "lansia", "Bogor")


def test_tab_separated_and_excel_sep_line(db, system, tmp_path):
    tab = write_csv(tmp_path / "a.csv", "nama\tjenis_kelamin\tklaster\nAni\tP\tanak\n")
    sep = write_csv(tmp_path / "b.csv", "sep=;\nnama;jenis_kelamin;klaster;tanggal_lahir\nBudi;L;anak;31-02-2015\n")
    assert rio.run_import(system, tab).imported == 1
    report = rio.check_import(system, sep)
    # The sep= line is hidden by Excel: the header is still row 1, Budi row 2.
    assert [(p.row, p.column) for p in report.errors] == [(2, "tanggal_lahir")]


def test_xlsx_real_date_cells_numeric_nik_and_apostrophe(db, system, tmp_path):
    from openpyxl import Workbook

    born = dt.date(1990, 3, 7)
    nik = nik_for("320101", born, "L", 1)
    nik2 = nik_for("327101", dt.date(2001, 5, 9), "P", 12)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nama", "Jenis Kelamin", "Klaster", "NIK", "No. KK", "Tanggal Lahir", "Tanggal Masuk", "Telepon Wali"])
    sheet.append(["Muh. Ma'ruf", "L", "napza", int(nik), float("3201012345678901"), dt.datetime(1990, 3, 7),
                  dt.date(2026, 1, 5), 81234567890])
    sheet.append(["Ani", "P", "anak", "'" + nik2, None, "09/05/2001", "2026-02-01", "0812 1"])
    sheet.append([None, None, None, None, None, None, None, None])  # a blank row in between
    sheet.append(["Sukarno", "L", "Lanjut Usia", float(nik_for("350501", dt.date(1950, 6, 6), "L", 3)), None,
                  dt.date(1950, 6, 6), 46000, None])  # 46000 = an Excel serial date (2025-12-09)
    sheet["F2"].number_format = "DD/MM/YYYY"
    path = tmp_path / "pm.xlsx"
    workbook.save(path)

    report = rio.run_import(system, path)

    assert report.imported == 3 and report.total == 3, report.problems
    maruf, ani, sukarno = Resident.select().order_by(Resident.id)
    assert maruf.nik == nik and maruf.no_kk == "3201012345678901" and maruf.birth_date == born
    assert maruf.entry_date == dt.date(2026, 1, 5)
    assert maruf.guardian_phone == "081234567890"  # the 0 Excel dropped is put back, with a warning
    assert ani.nik == nik2 and ani.birth_date == dt.date(2001, 5, 9)
    assert sukarno.entry_date == dt.date(2025, 12, 9)
    warnings = [(p.row, p.column) for p in report.warnings]
    assert (2, "Telepon Wali") in warnings
    # Blank row 4 skipped; Sukarno keeps his spreadsheet row number 5.
    assert {p.row for p in report.problems} <= {2, 3, 5}


def test_xlsx_not_a_workbook_is_a_clear_error(db, system, tmp_path):
    path = tmp_path / "pm.xlsx"
    path.write_text("nama;klaster\n", encoding="utf-8")
    with pytest.raises(rio.ImportFileError, match="XLSX"):
        rio.check_import(system, path)


# --- problems ------------------------------------------------------------------------


def test_every_problem_has_row_column_and_reason_and_nothing_is_written(db, system, make_resident):
    make_resident(name="Sudah Ada", nik=nik_for("317101", dt.date(1980, 1, 1), "L", 9))
    residents_before, events_before = Resident.select().count(), AuditEvent.select().count()

    report = rio.run_import(system, FIXTURES / "pm_errors.csv")

    errors = {(p.row, p.column): p.message for p in report.errors}
    assert set(errors) == {(3, "tanggal_lahir"), (4, "klaster"), (5, "nik")}
    assert "31-02-2026" in errors[(3, "tanggal_lahir")] and "tidak ada di kalender" in errors[(3, "tanggal_lahir")]
    assert "veteran" in errors[(4, "klaster")]
    assert "baris 2" in errors[(5, "nik")]
    assert report.imported == 0 and report.skipped == 5 and report.invalid_count == 3
    assert report.summary_line() == "imported 0, skipped 5 (3 baris tidak valid; tidak ada yang disimpan)"
    assert Resident.select().count() == residents_before
    assert AuditEvent.select().count() == events_before


def test_skip_invalid_imports_the_valid_rows_only(db, system):
    report = rio.run_import(system, FIXTURES / "pm_errors.csv", skip_invalid=True)
    assert report.imported == 2 and report.skipped == 3
    assert report.summary_line() == "imported 2, skipped 3 (3 baris tidak valid dilewati)"
    assert [r.name for r in Resident.select().order_by(Resident.id)] == ["Muh. Ma'ruf", "Siti Aminah"]


def test_dry_run_writes_nothing(db, system):
    events = AuditEvent.select().count()
    report = rio.run_import(system, FIXTURES / "pm_excel_id.csv", dry_run=True)
    assert len(report.valid_rows) == 4 and report.imported == 0 and not report.errors
    assert "uji coba" in report.summary_line()
    assert Resident.select().count() == 0 and AuditEvent.select().count() == events


def test_duplicate_nik_against_database_names_the_owner(db, system, make_resident):
    owner = make_resident(name="Pemilik Lama", nik="3201010703900001", birth_date="07-03-1990")
    report = rio.run_import(system, FIXTURES / "pm_cp1252.csv")
    assert [(p.row, p.column) for p in report.errors] == [(2, "nik")]
    assert "Pemilik Lama" in report.errors[0].message and str(owner.id) in report.errors[0].message
    assert Resident.select().count() == 1


def test_nik_birth_date_mismatch_is_a_warning_that_does_not_block(db, system, tmp_path):
    nik = nik_for("320101", dt.date(1990, 3, 7), "L", 1)
    path = write_csv(tmp_path / "w.csv", f"nik;nama;jenis_kelamin;klaster;tanggal_lahir\n{nik};Ani;P;anak;08-03-1990\n")
    report = rio.run_import(system, path)
    assert report.imported == 1 and not report.errors
    assert {(p.row, p.column, p.level) for p in report.warnings} == {(2, "nik", "warning")}
    assert "perempuan" in report.warnings[0].message and "07/03/90" in report.warnings[0].message


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("3,20101E+15", "rusak oleh Excel"),
        ("3201**********01", "disamarkan"),
        ("32010107039000", "16 digit"),
        ("32010107O3900001", "angka"),
        ("3201010703900000", "0000"),
        ("3201013202900001", "tidak mungkin"),
    ],
)
def test_malformed_nik_errors(db, system, tmp_path, cell, expected):
    path = write_csv(tmp_path / "n.csv", f'nama;jenis_kelamin;klaster;nik\nAni;L;anak;"{cell}"\n')
    report = rio.check_import(system, path)
    assert [(p.row, p.column) for p in report.errors] == [(2, "nik")]
    assert expected in report.errors[0].message


def test_unknown_sex_and_empty_required_cells(db, system, tmp_path):
    path = write_csv(tmp_path / "s.csv", "nama;jenis_kelamin;klaster\nAni;X;anak\n;L;\n")
    report = rio.check_import(system, path)
    assert problems_of(report) == [
        (2, "jenis_kelamin", "error"), (3, "nama", "error"), (3, "klaster", "error"),
    ]
    assert "L/P" in report.problems[0].message
    assert "wajib" in report.problems[1].message


def test_missing_required_headers_are_one_clear_error(db, system, tmp_path):
    path = write_csv(tmp_path / "h.csv", "Nama Lengkap;Tempat Lahir\nAni;Bogor\n")
    with pytest.raises(rio.ImportFileError) as info:
        rio.check_import(system, path)
    assert "jenis_kelamin, klaster" in info.value.message and "nama," not in info.value.message.split(":")[1][:8]


def test_unknown_headers_are_reported_and_ignored(db, system, tmp_path):
    path = write_csv(tmp_path / "u.csv", "nama;jenis_kelamin;klaster;hobi\nAni;P;anak;Menjahit\n")
    report = rio.run_import(system, path)
    assert report.imported == 1
    assert problems_of(report) == [(1, "hobi", "warning")]


def test_empty_file_and_header_only_and_unknown_extension(db, system, tmp_path):
    with pytest.raises(rio.ImportFileError, match="kosong"):
        rio.check_import(system, write_csv(tmp_path / "e.csv", "\r\n\r\n"))
    with pytest.raises(rio.ImportFileError, match="tidak berisi baris data"):
        rio.check_import(system, write_csv(tmp_path / "h.csv", "nama;jenis_kelamin;klaster\n"))
    with pytest.raises(rio_read.UnsupportedFormat):
        rio.check_import(system, write_csv(tmp_path / "x.ods", "nama\n"))
    with pytest.raises(rio_read.UnsupportedFormat, match="xls"):
        rio.check_import(system, write_csv(tmp_path / "x.xls", "nama\n"))
    with pytest.raises(rio.ImportFileError, match="tidak ditemukan"):
        rio.check_import(system, tmp_path / "missing.csv")


def test_import_needs_permission(db):
    with pytest.raises(PermissionDenied):
        rio.run_import(TRAINER, FIXTURES / "pm_excel_id.csv")
    assert rio.run_import(STAFF, FIXTURES / "pm_excel_id.csv").imported == 4


def test_audit_one_event_per_resident_and_one_for_the_import(db, system):
    rio.run_import(system, FIXTURES / "pm_excel_id.csv")
    events = list(AuditEvent.select().order_by(AuditEvent.id))
    creates = [e for e in events if e.action == "create" and e.entity == "resident"]
    assert sorted(e.entity_id for e in creates) == sorted(r.id for r in Resident.select())
    assert [e.summary for e in events if e.action == "import"] == ["Impor 4 PM dari pm_excel_id.csv"]


def test_progress_reaches_the_total_and_never_goes_back(db, system):
    seen = []
    rio.run_import(system, FIXTURES / "pm_excel_id.csv", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (8, 8)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- export ---------------------------------------------------------------------------


def read_export_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def test_export_masks_nik_and_no_kk_by_default(db, system, make_resident, tmp_path):
    make_resident(name="Muh. Ma'ruf", nik="3201011501100001", no_kk="3201012345678901")
    make_resident(name="Tanpa NIK", nik="", nik_missing_reason="tidak memiliki KTP")
    count = rio_export.export_residents(system, tmp_path / "pm.csv")
    rows = read_export_csv(tmp_path / "pm.csv")
    assert count == 2 and list(rows[0]) == list(rio_read.HEADERS)
    assert rows[0]["nik"] == "3201**********01" and rows[0]["no_kk"] == "3201**********01"
    assert rows[1]["nik"] == "" and rows[0]["nama"] == "Muh. Ma'ruf" and rows[0]["klaster"] == "Anak"
    assert "3201011501100001" not in (tmp_path / "pm.csv").read_text(encoding="utf-8-sig")

    rio_export.export_residents(system, tmp_path / "pm.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "pm.xlsx").active
    assert sheet["A2"].value == "3201**********01" and sheet["B2"].value == "3201**********01"
    assert sheet["F2"].is_date and sheet["F2"].number_format == "DD/MM/YYYY"


def test_masked_export_does_not_import_back_silently(db, system, make_resident, tmp_path):
    make_resident(name="Ani", nik="3201011501100001")
    rio_export.export_residents(system, tmp_path / "pm.csv")
    report = rio.check_import(system, tmp_path / "pm.csv")
    assert [(p.row, p.column) for p in report.errors] == [(2, "nik")]
    assert "disamarkan" in report.errors[0].message


def test_export_is_audited_and_full_nik_needs_permission(db, system, make_resident, tmp_path):
    make_resident(name="Ani")
    rio_export.export_residents(system, tmp_path / "a.xlsx", with_nik=True)
    rio_export.export_residents(system, tmp_path / "b.csv")
    events = list(AuditEvent.select().where(AuditEvent.action == "export").order_by(AuditEvent.id))
    assert [(e.entity, e.entity_id) for e in events] == [("resident", None), ("resident", None)]
    assert "NIK lengkap" in events[0].summary and "a.xlsx" in events[0].summary
    assert "NIK disamarkan" in events[1].summary
    with pytest.raises(PermissionDenied):
        rio_export.export_residents(TRAINER, tmp_path / "c.csv")
    assert not (tmp_path / "c.csv").exists()


def test_export_follows_the_filter(db, system, make_resident, tmp_path):
    from balai_app.services.residents import ResidentFilter

    make_resident(name="Ani", klaster="anak")
    make_resident(name="Lansia Satu", klaster="lansia", birth_date="15-01-1950",
                  nik=nik_for("320101", dt.date(1950, 1, 15), "L", 77))
    assert rio_export.export_residents(system, tmp_path / "f.csv", flt=ResidentFilter(klaster="lansia")) == 1
    assert [r["nama"] for r in read_export_csv(tmp_path / "f.csv")] == ["Lansia Satu"]


def test_csv_export_protects_against_excel_formulas_and_number_mangling(db, system, make_resident, tmp_path):
    make_resident(name="=HYPERLINK(\"x\")", notes="-10 kg", guardian_phone="081234567890")
    rio_export.export_residents(system, tmp_path / "pm.csv", with_nik=True)
    text = (tmp_path / "pm.csv").read_text(encoding="utf-8-sig")
    row = next(csv.reader(text.splitlines()[1:], delimiter=";"))
    assert row[0] == '="3201011501100001"' and row[10] == '="081234567890"'
    assert row[2] == "'=HYPERLINK(\"x\")" and row[11] == "'-10 kg"


EXPORTED = ["nik", "no_kk", "name", "sex", "birth_place", "birth_date", "klaster", "address", "entry_date",
            "guardian_name", "guardian_phone", "notes"]


def tricky_residents(make_resident):
    make_resident(name="Muh. Ma\u2019ruf", no_kk="3201012345678901", birth_place="Bogor",
                  address="Jl. Melati No. 5; RT 01/RW 02\nDesa Cibinong", guardian_name="Hj. Aminah",
                  guardian_phone="+62 812-3456-7890", notes='Catatan "penting", 50%; =1+1')
    make_resident(name="'Ali", sex="P", klaster="tuna_sosial", nik="", nik_missing_reason="tidak memiliki KTP",
                  birth_date=None, notes="@admin")
    make_resident(name="Ni Luh Putu Ayu", sex="P", klaster="disabilitas", birth_date="21/08/2012",
                  nik=nik_for("510101", dt.date(2012, 8, 21), "P", 2), guardian_phone="0361 123456",
                  entry_date="2026-02-10")
    make_resident(name="Sukarno", klaster="lansia", birth_date="06-06-1950", birth_place="Blitar",
                  nik=nik_for("650101", dt.date(1950, 6, 6), "L", 3), notes="  ")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_unmasked_export_imports_back_unchanged_into_an_empty_database(
    db_path, make_resident, system, tmp_path, suffix
):
    from balai_app.db.connection import close_database, open_database

    tricky_residents(make_resident)
    before = [tuple(getattr(r, f) for f in EXPORTED) for r in Resident.select().order_by(Resident.id)]
    assert rio_export.export_residents(system, tmp_path / f"pm{suffix}", with_nik=True) == 4
    close_database()

    open_database(tmp_path / "fresh.sqlite")
    try:
        report = rio.run_import(system, tmp_path / f"pm{suffix}")
        assert report.imported == 4 and not report.errors, report.problems
        after = [tuple(getattr(r, f) for f in EXPORTED) for r in Resident.select().order_by(Resident.id)]
        assert after == before
        # And exporting again gives the same file content.
        rio_export.export_residents(system, tmp_path / f"again{suffix}", with_nik=True)
        if suffix == ".csv":
            assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "pm.csv").read_bytes()
    finally:
        close_database()
    open_database(db_path)  # the db fixture closes it again


def test_nik_registered_by_someone_else_after_the_check_is_refused_whole(db, system, make_resident):
    report = rio.check_import(system, FIXTURES / "pm_excel_id.csv")
    make_resident(name="Pendaftar Lain", nik="5101016108120002", sex="P", birth_date="21-08-2012")
    with pytest.raises(rio.ImportFileError, match="Pendaftar Lain"):
        rio.insert_rows(system, [r.data for r in report.valid_rows], "pm_excel_id.csv")
    assert Resident.select().count() == 1


def test_title_rows_above_the_headers_are_skipped(db, system, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Data PM Balai Contoh"])
    sheet.append(["per 1 Maret 2026"])
    sheet.append([])
    sheet.append(["No.", "Nama", "Jenis Kelamin", "Klaster", "Tanggal Lahir"])
    sheet.append([1, "Ani", "P", "anak", "31-02-2015"])
    sheet.append([2, "Budi", "L", "anak", "01-02-2015"])
    workbook.save(tmp_path / "judul.xlsx")
    report = rio.check_import(system, tmp_path / "judul.xlsx")
    assert report.total == 2 and len(report.valid_rows) == 1
    assert [(p.row, p.column, p.level) for p in report.problems] == [
        (4, "No.", "warning"), (5, "Tanggal Lahir", "error")]


def test_export_to_a_folder_that_does_not_exist_is_a_clear_error(db, system, tmp_path):
    with pytest.raises(rio.ImportFileError, match="Tidak dapat menulis"):
        rio_export.export_residents(system, tmp_path / "tidak-ada" / "pm.csv")
    assert AuditEvent.select().where(AuditEvent.action == "export").count() == 0


def test_csv_title_line_above_semicolon_headers(db, system, tmp_path):
    path = write_csv(tmp_path / "t.csv", "Data PM, Balai Contoh\n\nnama;jenis_kelamin;klaster;alamat\nAni;P;anak;Jl. A, No. 1\n")
    report = rio.run_import(system, path)
    assert report.imported == 1 and not report.problems
    assert Resident.get().address == "Jl. A, No. 1"


@pytest.mark.sqlite_only
def test_database_locked_by_another_program_is_a_clear_error_and_nothing_written(db, db_path, system):
    import sqlite3

    db.execute_sql("PRAGMA busy_timeout = 50")  # do not wait the field's 15 s in a test
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(rio.ImportFileError, match="sedang dipakai"):
            rio.run_import(system, FIXTURES / "pm_excel_id.csv")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Resident.select().count() == 0
    assert rio.run_import(system, FIXTURES / "pm_excel_id.csv").imported == 4


# Any text a cell can hold (csv cannot carry NUL); at least the name present so the row counts.
cell_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]), max_size=30)


@given(st.lists(st.tuples(cell_text.filter(lambda t: t.strip()), cell_text, cell_text,
                          st.from_regex(r"[0-9]{0,18}", fullmatch=True)), min_size=1, max_size=5))
@settings(max_examples=150, deadline=None)
def test_csv_cells_survive_the_excel_safe_export_unchanged(rows):
    """Whatever the text (quotes, ';', newlines, a leading '=', '+', '-', '@' or apostrophe,
    digit strings), what the exporter writes the reader gives back unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        full = [[nik, "", name, "", "", None, "", address, None, "", nik[:12], notes]
                for name, address, notes, nik in rows]
        assert rio_export._write_csv(path, full) == len(rows)
        columns, read, problems = rio_read.read_table(path)
    assert [key for _written, key in columns] == list(rio_read.HEADERS) and problems == []
    assert [r.row for r in read] == list(range(2, len(rows) + 2))
    for raw, (name, address, notes, nik) in zip(read, rows):
        v = raw.values
        assert (v["nama"], v["alamat"], v["catatan"], v["nik"], v["telepon_wali"]) == (
            name, address, notes, nik, nik[:12])


def test_a_bare_year_in_a_date_cell_is_an_error_not_a_1905_date(db, system, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["nama", "jenis_kelamin", "klaster", "tanggal_lahir"])
    workbook.active.append(["Ani", "P", "anak", 1990])
    workbook.save(tmp_path / "y.xlsx")
    report = rio.check_import(system, tmp_path / "y.xlsx")
    assert [(p.row, p.column) for p in report.errors] == [(2, "tanggal_lahir")]
    assert "'1990'" in report.errors[0].message


def test_bulk_import_gives_each_audit_event_its_own_resident_and_keeps_the_chain(db, db_path, system, tmp_path,
                                                                                 make_resident):
    from balai_app.db import dialect
    from balai_app.services import integrity

    before = [make_resident(name=f"Lama {n}") for n in range(3)]
    path = tmp_path / "pm.csv"
    names = [f"Baru {n}" for n in range(1200)]  # more than two write batches (CHUNK rows each)
    path.write_text("nama;jenis_kelamin;klaster;tanggal_masuk\r\n"
                    + "".join(f"{name};L;anak;2026-01-05\r\n" for name in names), encoding="utf-8")
    progress: list[tuple[int, int]] = []
    report = rio.run_import(system, path, progress=lambda done, total: progress.append((done, total)))
    assert report.imported == len(names)
    created = {e.entity_id: e.summary for e in AuditEvent.select().where(
        (AuditEvent.action == "create") & (AuditEvent.entity == "resident"))}
    by_id = {r.id: r.name for r in Resident.select()}
    assert created == by_id  # every resident, the old ones and each imported one, has its own create event
    assert min(r.id for r in Resident.select().where(Resident.name.startswith("Baru"))) == max(r.id for r in before) + 1
    assert AuditEvent.select().where(AuditEvent.action == "import").count() == 1
    assert progress[-1][0] == progress[-1][1] and [d for d, _ in progress] == sorted(d for d, _ in progress)
    after = make_resident(name="Sesudah Impor")  # the register's own numbering goes on after the imported ids
    assert after.id == max(by_id) + 1
    if not dialect.is_postgres(db):
        assert not integrity.check_file(db_path, audit=True).problems  # the hash chain continues unbroken
