"""Laporan: PMs served in a period by klaster, service and training."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from balai_app.domain.errors import PermissionDenied, ValidationError
from balai_app.services import exports, reports
from balai_app.services import casework
from balai_app.services.context import Actor


def test_served_counts_overlapping_stays(db, system, make_resident):
    make_resident(name="Sebelum", entry_date="2025-01-10", status="selesai", exit_date="2025-06-01")
    make_resident(name="Selama", entry_date="2025-05-10", status="dirujuk", exit_date="2026-02-01")
    make_resident(name="Masih", entry_date="2026-01-05", sex="P", nik="3201015501100077")
    make_resident(name="Lansia", klaster="lansia", entry_date="2026-03-01", birth_date="1950-01-15",
                  nik="3201011501500001")
    report = reports.served_report(system, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert report.by_klaster["anak"] == {"L": 1, "P": 1, "baru": 1, "keluar": 1}
    assert report.by_klaster["lansia"] == {"L": 1, "P": 0, "baru": 1, "keluar": 0}
    assert report.served_total() == 3


def test_services_count_services_and_people(db, system, make_resident):
    a = make_resident(name="A")
    b = make_resident(name="B")
    for resident, n in ((a, 2), (b, 1)):
        for _ in range(n):
            casework.add_service(system, resident.id, {"kind": "terapi", "description": "Konseling",
                                                        "date": dt.date(2026, 2, 1)}, confirm_warnings=True)
    report = reports.served_report(system, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert report.services["terapi"]["anak"] == (3, 2)
    rows = reports.table_rows(report)["services"]
    terapi = next(r for r in rows if r[0] == "Terapi")
    assert terapi[1] == "3 / 2 PM" and terapi[-1] == 3


def test_period_must_run_forward(db, system):
    with pytest.raises(ValidationError, match="sebelum tanggal awal"):
        reports.served_report(system, dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def test_instruktur_cannot_see_reports(db):
    with pytest.raises(PermissionDenied):
        reports.served_report(Actor(None, "guru", "instruktur"), dt.date(2026, 1, 1), dt.date(2026, 2, 1))


def test_exports_xlsx_and_pdf_with_embedded_fonts(db, system, make_resident, tmp_path):
    make_resident(name="Ni Luh Putu Ayu", sex="P", nik="3201015501100078")
    report = reports.served_report(system, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    exports.served_report(system, report, tmp_path / "r.xlsx")
    exports.served_report(system, report, tmp_path / "r.pdf")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Anak" in values and "Jumlah" in values
    reader = PdfReader(tmp_path / "r.pdf")
    text = reader.pages[0].extract_text()
    assert "Laporan Penerima Manfaat yang dilayani" in text and "Anak" in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_dashboard_counts_work_to_follow_up(db, system, make_resident):
    a = make_resident(name="Sudah diasesmen")
    make_resident(name="Belum diasesmen")
    make_resident(name="Sudah pulang", status="kembali_keluarga", exit_date="2026-03-01")
    casework.add_assessment(system, a.id, {"assessor": "Rina", "summary": "Siap", "date": dt.date(2026, 1, 6)})
    board = reports.dashboard(system, today=dt.date(2026, 11, 24))
    assert board.active_without_assessment == 1  # the one who left is no longer work to do
    assert (board.running_batches, board.active_participants, board.certificates_this_year) == (0, 0, 0)
