"""Laporan bulanan: a known month, every cell checked; the XLSX and the PDF carry the same numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from balai_app.db.models import Batch, Certificate, Enrollment, Program, RehabCertificate
from balai_app.domain.errors import PermissionDenied, ValidationError
from balai_app.services import casework, followups, monthly_report as mr, outcomes, partners
from balai_app.services.context import Actor

OCT = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def october(db, system, make_resident):
    """A known October 2026 (see the expected cells in the test)."""
    a = make_resident(name="A", sex="L", klaster="anak", entry_date="2026-09-01")
    b = make_resident(name="B", sex="P", klaster="anak", nik="3201015501100002", entry_date="2026-10-05")
    c = make_resident(name="C", sex="L", klaster="napza", nik="3201011501900003", birth_date="15-01-1990",
                      entry_date="2026-01-10", status="selesai", exit_date="2026-10-20")
    d = make_resident(name="D", sex="P", klaster="tuna_sosial", nik="3201015501900004", birth_date="15-01-1990",
                      entry_date="2025-05-01", status="kembali_keluarga", exit_date="2026-07-10")
    e = make_resident(name="E", sex="L", klaster="lansia", nik="3201011501500005", birth_date="15-01-1950",
                      entry_date="2025-01-02", status="dirujuk", exit_date="2026-04-20")
    make_resident(name="F", sex="P", klaster="disabilitas", nik="3201015501900006", birth_date="15-01-1990",
                  entry_date="2026-10-31")
    make_resident(name="G", sex="L", klaster="anak", nik="3201011501100007", entry_date="2026-11-02")  # after
    for who, day, kind, sub in ((a, "2026-10-02", "terapi", "psikososial"), (a, "2026-10-03", "terapi", None),
                                (b, "2026-10-06", "hidup_layak", None), (c, "2026-10-07", "vokasional", None),
                                (a, "2026-09-30", "aksesibilitas", None)):
        casework.add_service(system, who.id, {"date": day, "kind": kind, "subkind": sub, "description": "x"},
                              confirm_warnings=True)
    program = Program.create(code="CC", name="Contact center")
    batch = Batch.create(program=program, name="Angkatan I", start_date=dt.date(2026, 9, 1),
                         end_date=dt.date(2026, 10, 31), status="selesai")
    Enrollment.create(batch=batch, resident=a.id, start_date=dt.date(2026, 9, 1))
    Enrollment.create(batch=batch, resident=c.id, start_date=dt.date(2026, 9, 1), status="lulus",
                      status_date=dt.date(2026, 10, 15))
    cancelled = Batch.create(program=program, name="Batal", start_date=dt.date(2026, 10, 1),
                             end_date=dt.date(2026, 10, 30), status="dibatalkan")
    Enrollment.create(batch=cancelled, resident=b.id, start_date=dt.date(2026, 10, 1))
    common = dict(snapshot="{}", verification_code="x")
    Certificate.create(number="1/2026", year=2026, sequence=1, resident=c.id, program=program, batch=batch,
                       issued_at=dt.datetime(2026, 10, 16, 3, 0), **common)
    Certificate.create(number="2/2026", year=2026, sequence=2, resident=a.id, program=program, batch=batch,
                       issued_at=dt.datetime(2026, 10, 16, 3, 0), status="dicabut", **common)
    RehabCertificate.create(number="R1/2026", year=2026, sequence=1, resident=c.id,
                            issued_at=dt.datetime(2026, 10, 21, 2, 0), **common)
    bank = partners.create_partner(system, {"name": "BCA", "kind": "perusahaan"})
    outcomes.add_outcome(system, c.id, {"kind": "bekerja", "partner": bank.id, "date": "2026-10-25"})
    outcomes.add_outcome(system, e.id, {"kind": "wirausaha", "business_kind": "Warung", "support_received": True,
                                        "support_programme": "PENA", "date": "2026-10-22"})
    outcomes.add_outcome(system, e.id, {"kind": "belum", "date": "2026-09-22"})  # September
    wrong = outcomes.add_outcome(system, d.id, {"kind": "keluarga", "date": "2026-10-12"})
    outcomes.add_outcome(system, d.id, {"kind": "belum", "date": "2026-10-13", "corrects": wrong.id})
    # E left 20/04: the 6-month contact is due 20/10 and done 22/10. D left 10/07: the 3-month
    # contact due 10/10 is not done (overdue).
    followups.record_followup(system, e.id, {"contact_date": "2026-10-22", "how": "telepon", "finding": "baik",
                                             "plan_months": 6})
    return mr.monthly_report(system, *OCT, today=TODAY)


# (section, line) -> {(klaster, sex): n}; every other cell is 0.
EXPECTED = {
    ("residents", "served"): {("anak", "L"): 1, ("anak", "P"): 1, ("napza", "L"): 1, ("disabilitas", "P"): 1},
    ("residents", "new"): {("anak", "P"): 1, ("disabilitas", "P"): 1},
    ("residents", "exited"): {("napza", "L"): 1},
    ("residents", "exit_selesai"): {("napza", "L"): 1},
    ("services", "service_terapi"): {("anak", "L"): 2},
    ("services", "service_terapi_psikososial"): {("anak", "L"): 1},
    ("services", "service_terapi_belum_dirinci"): {("anak", "L"): 1},
    ("services", "service_hidup_layak"): {("anak", "P"): 1},
    ("services", "service_vokasional"): {("napza", "L"): 1},
    ("services", "service_total"): {("anak", "L"): 2, ("anak", "P"): 1, ("napza", "L"): 1},
    ("services", "service_people"): {("anak", "L"): 1, ("anak", "P"): 1, ("napza", "L"): 1},
    ("training", "enrolled"): {("anak", "L"): 1, ("napza", "L"): 1},
    ("training", "finished"): {("napza", "L"): 1},
    ("training", "certificates"): {("napza", "L"): 1},
    ("outcomes", "outcome_bekerja"): {("napza", "L"): 1},
    ("outcomes", "outcome_wirausaha"): {("lansia", "L"): 1},
    ("outcomes", "outcome_wirausaha_support"): {("lansia", "L"): 1},
    ("outcomes", "outcome_belum"): {("tuna_sosial", "P"): 1},
    ("outcomes", "followups_done"): {("lansia", "L"): 1},
    ("outcomes", "followups_overdue"): {("tuna_sosial", "P"): 1},
    ("rehab", "rehab_certificates"): {("napza", "L"): 1},
}


def test_every_cell_of_a_known_month(october):
    seen = set()
    for section in october.sections:
        for line in section.lines:
            expected = EXPECTED.get((section.key, line.key), {})
            for index, column in enumerate(mr.COLUMNS):
                assert line.cells[index] == expected.get(column, 0), (section.key, line.key, column)
            assert line.total == sum(expected.values()), (section.key, line.key)
            seen.add((section.key, line.key))
    assert set(EXPECTED) <= seen
    assert october.title == "Laporan Bulanan" and october.period_text == "Oktober 2026"


def test_xlsx_and_pdf_carry_the_screens_numbers(october, system, tmp_path):
    from openpyxl import load_workbook

    rows = mr.table_rows(october)
    mr.export_monthly(system, october, tmp_path / "okt.xlsx")
    sheet = load_workbook(tmp_path / "okt.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[2][0] == "Laporan Bulanan — Oktober 2026"
    body = values[6:]  # title lines, blank, two header rows
    assert len(body) == len(rows)
    for (kind, cells), got in zip(rows, body):
        if kind == "section":
            assert got[0] == cells[0]
        else:
            assert got[: len(cells)] == cells
    mr.export_monthly(system, october, tmp_path / "okt.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "okt.pdf").pages).split())
    for _kind, cells in rows:
        assert " ".join(cells[0].split()) in text
    for key in ("served", "new", "exited"):
        line = october.line("residents", key)
        assert f"{line.label} {' '.join(str(n) for n in line.cells)} {line.total}" in text


def test_period_and_month_are_checked(db, system):
    assert mr.parse_month("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    for bad in ("2026-13", "11-2026", "2026/11", ""):
        with pytest.raises(ValueError, match="bulan tidak valid"):
            mr.parse_month(bad)
    with pytest.raises(ValidationError, match="sebelum tanggal awal"):
        mr.monthly_report(system, dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    report = mr.monthly_report(system, dt.date(2026, 1, 5), dt.date(2026, 2, 10))
    assert report.title == "Laporan Periode" and report.period_text == "5 Januari 2026 s.d. 10 Februari 2026"
    with pytest.raises(ValidationError, match=r"\.xlsx atau \.pdf"):
        mr.export_monthly(system, report, "laporan.doc")


def test_instruktur_gets_no_report(db):
    with pytest.raises(PermissionDenied):
        mr.monthly_report(Actor(None, "guru", "instruktur"), *OCT)
