"""Formula injection (issue 12): every spreadsheet the program writes keeps a hostile name
as text -- attendance recap, progress recap, participant list, service report, resident
export, audit export -- and our own export imports back unchanged."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from openpyxl import load_workbook

from balai_app.domain.spreadsheet import safe_cell, unescape

HOSTILE = '=HYPERLINK("http://contoh.invalid/","klik")'
HOSTILE_NAMES = [HOSTILE, "+62 81234", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE_NAMES)
def test_text_a_spreadsheet_would_run_is_neutralised_and_restored(text):
    written = safe_cell(text)
    assert written.startswith("'") and unescape(written) == text
    assert safe_cell("-") == "-" and safe_cell(7) == 7 and safe_cell("Siti") == "Siti"


def _all_cells(path: Path):
    book = load_workbook(path)  # not data_only: a formula would show as data_type 'f'
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                yield cell


def _assert_inert(path: Path) -> None:
    cells = list(_all_cells(path))
    assert not [c.coordinate for c in cells if c.data_type == "f"], f"{path.name} holds a formula"
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "@", "\t", "\r"))]
    assert any(HOSTILE in t for t in texts), "the name itself is still there, as text"


@pytest.fixture
def hostile_course(db, make_resident):
    from support.certificates import build_course, make_profile

    make_profile()
    return build_course(make_resident, names=[HOSTILE, "Siti Aminah"])


def test_recaps_participants_and_report_spreadsheets_keep_a_hostile_name_as_text(hostile_course, tmp_path, system):
    from balai_app.documents import recaps
    from balai_app.services import exports, progress

    batch_id = hostile_course.batch.id
    matrix = progress.batch_matrix(system, batch_id)
    _assert_inert(recaps.progress_xlsx(matrix, tmp_path / "progres.xlsx"))
    year, month = progress.attendance_months(system, batch_id)[0]
    grid = progress.attendance_month(system, batch_id, year, month)
    _assert_inert(recaps.attendance_xlsx(grid, tmp_path / "presensi.xlsx"))
    exports.participants_xlsx(system, batch_id, tmp_path / "peserta.xlsx")
    _assert_inert(tmp_path / "peserta.xlsx")


def test_resident_and_audit_exports_keep_it_as_text_and_import_back(db, make_resident, system, tmp_path):
    from balai_app.services import audit_text, resident_io_export, resident_io_read

    make_resident(name=HOSTILE)
    resident_io_export.export_residents(system, tmp_path / "pm.xlsx", with_nik=True)
    _assert_inert(tmp_path / "pm.xlsx")
    audit_text.export_events(system, None, tmp_path / "audit.xlsx")
    _assert_inert(tmp_path / "audit.xlsx")
    _headers, rows, _problems = resident_io_read.read_table(tmp_path / "pm.xlsx")
    assert rows[0].values["nama"] == HOSTILE


def test_no_module_writes_a_spreadsheet_cell_around_the_one_writer():
    """sheet.append / ws.cell(r, c, value) / cell.value = ... only in domain/spreadsheet.py."""
    root = Path(__file__).resolve().parents[2] / "balai_app"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "spreadsheet.py" or "gui" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                owner_name = owner.id if isinstance(owner, ast.Name) else ""
                if owner_name in ("ws", "sheet", "legend", "worksheet") and (
                        node.func.attr == "append" or (node.func.attr == "cell" and len(node.args) >= 3)):
                    offenders.append(f"{path.relative_to(root)}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "WriteOnlyCell":
                value = next((k.value for k in node.keywords if k.arg == "value"), None)
                if value is not None and "safe_cell" not in ast.unparse(value) and not isinstance(value, ast.Name):
                    offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == [], offenders
