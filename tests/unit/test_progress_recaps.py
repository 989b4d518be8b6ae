"""The recaps (PDF and XLSX) carry the same totals as ``progress``."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pypdf
import pytest

from balai_app.documents import recaps
from balai_app.services import progress, sessions
from balai_app.services import unit_assessments
from balai_app.services import attendance
from balai_app.services.unit_assessments import UnitVerdict
from support.sessions import DAY, build_training, enroll

TODAY = dt.date.today()


@pytest.fixture
def recorded(db, make_resident, system):
    t = build_training(make_resident, participants=4, units=3, start=TODAY - 70 * DAY,
                       names=["Muh. Ma'ruf", "Ni Luh Putu Ayu", "Sukarno", "Siti Aisyah"])
    enroll(t, make_resident(name="Dewi Terlambat"), TODAY - 30 * DAY)
    gone = t.enrollments[2]
    gone.status, gone.status_date = "mengundurkan_diri", TODAY - 25 * DAY
    gone.save()
    for i, days_ago in enumerate(range(65, 0, -3)):
        s = sessions.create_session(system, t.batch.id, {"date": TODAY - days_ago * DAY, "topic": f"Materi {i}"})
        sheet = [r.enrollment_id for r in attendance.attendance_sheet(system, s.id)]
        attendance.save_attendance(system, s.id, {e: "HHHHISAH"[(i * 3 + e) % 8] for e in sheet if (i + e) % 9})
    unit_assessments.add_unit_assessments(system, t.batch.id, [UnitVerdict(e.id, u.id, "K") for e in t.enrollments[:2]
                                                       for u in t.units])
    return t


def test_attendance_xlsx_totals_equal_progress(recorded, system, tmp_path):
    totals: dict[str, list[int]] = {}
    for year, month in progress.attendance_months(system, recorded.batch.id):
        grid = progress.attendance_month(system, recorded.batch.id, year, month)
        path = recaps.attendance_xlsx(grid, tmp_path / f"{year}-{month}.xlsx", recaps.Letterhead("Balai Uji", "Bogor"))
        ws = openpyxl.load_workbook(path).active
        assert ws.title == f"Presensi {month:02d}-{year}"  # the month as an Indonesian reader writes it
        header_row = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Nama peserta")
        n = len(grid.columns)
        for r in range(header_row + 1, header_row + 1 + len(grid.rows)):
            name = ws.cell(r, 2).value
            values = [ws.cell(r, 3 + n + k).value for k in range(5)]  # H I S A Sesi
            t = totals.setdefault(name, [0] * 5)
            totals[name] = [a + b for a, b in zip(t, values)]
    for p in progress.batch_progress(system, recorded.batch.id):
        assert totals[p.name] == [p.present, p.excused, p.sick, p.absent, p.sessions_counted], p.name


def test_pdfs_show_the_progress_figures(recorded, system, tmp_path):
    matrix = progress.batch_matrix(system, recorded.batch.id)
    path = recaps.progress_pdf(matrix, tmp_path / "progres.pdf", recaps.Letterhead("Balai Uji", "Bogor"))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for p in matrix.rows:
        assert p.name in text
        assert f"{p.present} / {p.excused} / {p.sick} / {p.absent}" in text
        assert p.rate_text in text
    assert f"{matrix.eligible_count} dari {len(matrix.rows)} peserta layak" in text

    year, month = progress.attendance_months(system, recorded.batch.id)[-1]
    grid = progress.attendance_month(system, recorded.batch.id, year, month)
    path = recaps.attendance_pdf(grid, tmp_path / "presensi.pdf")
    reader = pypdf.PdfReader(path)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = reader.pages[0].extract_text()
    assert "REKAP PRESENSI" in text and "Muh. Ma'ruf" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in f for f in fonts), fonts
