"""Beranda: counts per klaster and status, and the work to follow up."""

from __future__ import annotations

from balai_app.gui.home.home import HomePage
from balai_app.services.context import Actor


def test_counts_and_follow_up_for_office_staff(gui_app, db, system, make_resident, qtbot):
    make_resident(name="A")
    make_resident(name="B", klaster="lansia", birth_date="1950-01-15", nik="3201011501500001")
    page = HomePage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.numbers_shown):
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


def test_the_figures_are_read_off_the_gui_thread_and_the_newest_reading_wins(
        gui_app, db, system, make_resident, qtbot, monkeypatch):
    import threading

    from balai_app.gui.home import home as home_module

    make_resident(name="A")
    threads = []
    real = home_module.reports.dashboard

    def recording(actor):
        threads.append(threading.get_ident())
        return real(actor)

    monkeypatch.setattr(home_module.reports, "dashboard", recording)
    page = HomePage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    shown = []
    page.numbers_shown.connect(lambda: shown.append(page.model.rowCount()))
    page.refresh()
    assert "menghitung" in page.heading.text(), "refresh returned before the figures were read"
    make_resident(name="B")
    with qtbot.waitSignal(page.numbers_shown):
        page.refresh()  # a newer reading: the first one's answer is never shown over it
    page.background.wait()
    qtbot.wait(50)  # a late answer of the first reading would arrive now
    assert len(shown) == 1 and "menghitung" not in page.heading.text()
    assert page.model.item(page.model.rowCount() - 1, page.model.columnCount() - 1).text() == "2"
    assert threads and threading.get_ident() not in threads, "the dashboard ran on the GUI thread"
