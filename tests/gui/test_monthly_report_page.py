"""Laporan Bulanan on screen: the rows of the service, exported as the same numbers."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from balai_app.gui.reports.monthly_report_page import MonthlyReportPage
from balai_app.services import monthly_report as mr
from balai_app.services.context import Actor


def test_month_on_screen_and_exported(gui_app, db, system, make_resident, qtbot, tmp_path, monkeypatch):
    make_resident(name="A", entry_date="2026-10-05")
    make_resident(name="B", sex="P", nik="3201015501100002", entry_date="2026-10-06", status="selesai",
                  exit_date="2026-10-30")
    page = MonthlyReportPage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.month_combo.setCurrentIndex(9)
    page.year_spin.setValue(2026)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.summary.text().startswith("Laporan Bulanan Oktober 2026: 2 PM dilayani")
    rows = mr.table_rows(page.report)
    assert page.model.rowCount() == len(rows)
    served = next(i for i, (_k, cells) in enumerate(rows) if cells[0] == "PM dilayani")
    shown = [page.model.item(served, c).text() for c in range(page.model.columnCount())]
    assert shown == ["PM dilayani", "1", "1"] + ["0"] * 8 + ["2"]
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Anak\nL"
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "Anak\nP"
    assert page.model.horizontalHeaderItem(10).toolTip() == "Tuna Sosial dan Korban Perdagangan Orang — Perempuan"
    if os.environ.get("BALAI_SHOTS"):
        qtbot.wait(50)
        page.grab().save(str(tmp_path / "monthly.png"))
    target = tmp_path / "okt.xlsx"
    monkeypatch.setattr("balai_app.gui.common.file_dialogs.get_save_file_name",
                        lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert target.exists() and told == [f"Laporan disimpan di {target}."]


def test_a_period_instead_of_a_month(gui_app, db, system, qtbot, monkeypatch):
    page = MonthlyReportPage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.period_radio.setChecked(True)
    assert not page.month_combo.isEnabled() and page.start_edit.isEnabled()
    page.start_edit.setDate(page.start_edit.date().addDays(-40))
    page.refresh()
    assert page.report.title == "Laporan Periode"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a[2])))
    page.end_edit.setDate(page.start_edit.date().addDays(-1))
    page.refresh()
    assert warned == ["Tanggal akhir tidak boleh sebelum tanggal awal."]
    assert page.period()[0] > page.period()[1] and dt.date.today()
