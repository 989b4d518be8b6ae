"""The Laporan screen on a real database."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from balai_app.gui.reports.reports_page import ReportsPage


def test_report_page_shows_counts_and_exports(qtbot, gui_app, db, system, make_resident, tmp_path, monkeypatch):
    make_resident(name="Andi")
    make_resident(name="Citra", sex="P", nik="3201015501100079")
    page = ReportsPage(system)
    qtbot.addWidget(page)
    page.start_edit.setDate(QDate(2026, 1, 1))
    page.end_edit.setDate(QDate(2026, 12, 31))
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    model, _ = page.tables["klaster"]
    assert model.item(0, 0).text() == "Anak"
    assert [model.item(0, c).text() for c in range(1, 4)] == ["1", "1", "2"]
    assert "2 PM dilayani" in page.summary.text()

    target = tmp_path / "laporan"
    monkeypatch.setattr("balai_app.gui.reports.reports_page.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr("balai_app.gui.reports.reports_page.QMessageBox.information", lambda *a, **k: shown.append(a[2]))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "laporan.xlsx").exists()
    assert shown and "laporan.xlsx" in shown[0]


def test_backwards_period_is_refused_with_a_message(qtbot, gui_app, db, system, monkeypatch):
    page = ReportsPage(system)
    qtbot.addWidget(page)
    page.start_edit.setDate(QDate(2026, 5, 1))
    page.end_edit.setDate(QDate(2026, 1, 1))
    warnings = []
    monkeypatch.setattr("balai_app.gui.reports.reports_page.QMessageBox.warning", lambda *a, **k: warnings.append(a[2]))
    page.refresh()
    assert warnings == ["Tanggal akhir tidak boleh sebelum tanggal awal."]
    assert page.report is None
