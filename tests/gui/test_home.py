"""Beranda: counts per klaster and status, and the work to follow up."""

from __future__ import annotations

from balai_app.gui.home.home import HomePage
from balai_app.services.context import Actor


def test_counts_and_follow_up_for_office_staff(gui_app, db, system, make_resident, qtbot):
    make_resident(name="A")
    make_resident(name="B", klaster="lansia", birth_date="1950-01-15", nik="3201011501500001")
    page = HomePage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.refresh()
    rows = {page.model.item(r, 0).text(): page.model.item(r, page.model.columnCount() - 1).text()
            for r in range(page.model.rowCount())}
    assert rows["Anak"] == "1" and rows["Lanjut Usia"] == "1" and rows["Jumlah"] == "2"
    assert "2 PM aktif belum pernah diasesmen" in page.follow_up.text()


def test_instruktur_sees_no_register_figures(gui_app, db, make_resident, qtbot):
    make_resident(name="A")
    page = HomePage(Actor(None, "guru", "instruktur"))
    qtbot.addWidget(page)
    page.refresh()
    assert not page.table.isVisibleTo(page) and not page.follow_up.isVisibleTo(page)
    assert page.model.rowCount() == 0
