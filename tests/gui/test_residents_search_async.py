"""Typing in the register's search box never waits for the database; the newest search wins;
pages follow the last row's key; a count that would scan is shown as an estimate."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject

from balai_app.gui.residents import resident_model
from balai_app.gui.residents.resident_model import ResidentTableModel
from balai_app.gui.residents.residents_page import ResidentsPage
from balai_app.services import residents, residents_search
from balai_app.services.residents import ResidentFilter


def make_page(qtbot, system) -> ResidentsPage:
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def test_typing_runs_the_search_on_another_thread(gui_app, db, system, qtbot, make_resident, monkeypatch):
    for name in ("Siti Aminah", "Budi Santoso", "Sitti Rahma"):
        make_resident(name=name)
    page = make_page(qtbot, system)
    threads = []
    real = residents.list_residents

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(resident_model.residents, "list_residents", recording)
    qtbot.keyClicks(page.ui.searchEdit, "siti")
    page.search_in_background()  # what the typing pause fires
    # returned at once: nothing shown changed yet, the label says it is searching
    assert page.model.loading and page.ui.countLabel.text() == "Mencari…"
    assert len(page.model.loaded_rows()) == 3
    qtbot.waitUntil(lambda: not page.model.loading)
    assert [r.name for r in page.model.loaded_rows()] == ["Siti Aminah"]
    assert page.ui.countLabel.text() == "1 PM"
    assert threads and threading.get_ident() not in threads, "the query ran on the GUI thread"


def test_a_searchs_count_is_asked_for_once_its_rows_are_painted(gui_app, db, system, qtbot, make_resident,
                                                                monkeypatch):
    """The count runs on the worker after the first page is painted: before, its Python part
    would compete with the painting for the interpreter's lock and delay the rows."""
    for n in range(80):
        make_resident(name=f"Siti {n:02d}")
    page = make_page(qtbot, system)
    seen: list[str] = []
    worker = page.model._worker
    real = worker.submit

    def submit(job):  # on the GUI thread: the order of asking, independent of the threads' timing
        seen.append("count" if job.__self__.count else "search")
        real(job)

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                seen.append("paint")
            return False

    paints = Paints()
    page.ui.table.viewport().installEventFilter(paints)
    page.model.loadingChanged.connect(lambda loading: seen.append("loading" if loading else "shown"))
    monkeypatch.setattr(worker, "submit", submit)
    page.ui.searchEdit.setText("siti")
    page.search_in_background()
    qtbot.waitUntil(lambda: not page.model.loading)
    assert not page.model.count.exact  # a full first page: "at least" until counted
    qtbot.waitUntil(lambda: page.model.count.exact)
    assert page.model.total == 80 and seen.count("count") == 1
    shown = seen.index("shown")
    assert "paint" in seen[shown:seen.index("count")], f"counted before the rows were painted: {seen}"
    assert page.ui.countLabel.text() == "80 PM"


def test_the_newest_search_wins(gui_app, db, system, qtbot, make_resident):
    for n in range(30):
        make_resident(name=f"Siti {n:02d}" if n % 2 else f"Budi {n:02d}")
    model = ResidentTableModel(system)
    shown = []
    model.modelReset.connect(lambda: shown.append(model.filter.text))
    for text in ("b", "bu", "bud", "budi", "s", "si", "sit", "siti"):
        model.request(ResidentFilter(text=text))
    qtbot.waitUntil(lambda: not model.loading)
    qtbot.wait(50)  # any late answer of an older search would arrive now
    assert shown == ["siti"], "only the newest search reaches the list"
    assert model.total == 15 and all(r.name.startswith("Siti") for r in model.loaded_rows())
    model.close()


def test_a_sync_refresh_drops_an_older_background_answer(gui_app, db, system, qtbot, make_resident):
    make_resident(name="Siti Aminah")
    make_resident(name="Budi Santoso")
    model = ResidentTableModel(system)
    model.request(ResidentFilter(text="siti"))
    model.set_filter(ResidentFilter(text="budi"))  # e.g. a saved form reloads the list at once
    qtbot.wait(100)
    assert [r.name for r in model.loaded_rows()] == ["Budi Santoso"] and not model.loading
    model.close()


def test_pages_follow_the_last_row_not_an_offset(gui_app, db, system, make_resident):
    """A PM registered elsewhere between two pages, sorting before them, neither
    repeats a row nor hides one (an OFFSET would shift the second page)."""
    for n in range(20):
        make_resident(name=f"Penerima {n:02d}")
    model = ResidentTableModel(system, page_size=10)
    model.refresh()
    assert model.total == 20
    make_resident(name="Ahmad Baru")  # sorts first
    while model.canFetchMore():
        model.fetchMore()
    names = [r.name for r in model.loaded_rows()]
    assert names == [f"Penerima {n:02d}" for n in range(20)]
    assert len(set(names)) == len(names)


def test_short_words_show_an_estimate_not_a_scan(gui_app, db, system, qtbot, make_resident, monkeypatch):
    monkeypatch.setattr(residents_search, "COUNT_CAP", 6)
    for n in range(60):
        make_resident(name=f"Siti {n:02d}")
    page = make_page(qtbot, system)
    page.model.page_size = 4
    page.ui.searchEdit.setText("si")
    page.search_in_background()
    qtbot.waitUntil(lambda: not page.model.loading)
    qtbot.waitUntil(lambda: page.ui.countLabel.text().startswith("lebih dari "))
    # at least the cap, or as many rows as the view has loaded to fill itself: never all 60
    assert 6 <= page.model.total < 60 and not page.model.count.exact
    assert "Perkiraan" in page.ui.countLabel.toolTip()
    page.ui.searchEdit.setText("siti")  # a word the index serves: counted exactly
    page.search_in_background()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.total == 60)
    assert page.ui.countLabel.text() == "60 PM" and page.ui.countLabel.toolTip() == ""


def test_display_cells_are_not_kept_for_every_row(gui_app, db, system, make_resident, monkeypatch):
    monkeypatch.setattr(ResidentTableModel, "TEXT_CACHE_ROWS", 5)
    for n in range(12):
        make_resident(name=f"Penerima {n:02d}")
    model = ResidentTableModel(system)
    model.refresh()
    shown = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert shown == [f"Penerima {n:02d}" for n in range(12)]
    assert len(model._cells) <= 5


def test_a_first_page_is_what_the_view_shows_not_200_rows(gui_app, db, system, qtbot, make_resident):
    """A keystroke reads, converts and shows a screenful (plus a margin), not a
    page of 200 rows nobody sees; the rest follows by keyset when scrolled."""
    for n in range(90):
        make_resident(name=f"Penerima {n:02d}")
    page = make_page(qtbot, system)
    table, model = page.ui.table, page.model
    visible = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert visible < model.first_limit < 90 and model.page_size == 200
    assert model.rowCount() == model.first_limit  # the view did not ask for more at once
    last = table.visualRect(model.index(model.rowCount() - 1, 0))
    assert not table.viewport().rect().intersects(last)
    page.ui.searchEdit.setText("penerima")
    page.search_in_background()
    qtbot.waitUntil(lambda: not model.loading and model.count.exact)
    assert model.rowCount() == model.first_limit and model.total == 90
    assert page.ui.countLabel.text() == "90 PM"
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 90)
    assert [r.name for r in model.loaded_rows()] == [f"Penerima {n:02d}" for n in range(90)]


def test_a_reload_after_a_save_keeps_the_rows_scrolled_to(gui_app, db, system, qtbot, make_resident):
    """A PM opened from further down than the first page is still loaded (and selected)
    after its window closes and the list reloads."""
    for n in range(90):
        make_resident(name=f"Penerima {n:02d}")
    page = make_page(qtbot, system)
    model = page.model
    model.load_all()
    far = model.loaded_rows()[80].id
    assert page.select_resident(far)
    page.refresh()  # what closing the PM's window does
    assert model.rowCount() == 90 and page.select_resident(far) and page.selected_id() == far
    model.set_filter(ResidentFilter(text="penerima"))  # a new search starts from a first page again
    assert model.rowCount() == model.first_limit < 90


def worker_connection_open(model: ResidentTableModel) -> bool:
    """Whether the model's worker thread has a database connection open now (asked on it)."""
    from balai_app.db.models import database

    seen: list[bool] = []
    done = threading.Event()

    def probe() -> None:
        seen.append(not database.obj.is_closed())
        done.set()

    model._worker.submit(probe)  # after the jobs before it, on the worker's thread
    assert done.wait(30), "the worker never ran the probe"
    return seen[0]


def test_the_worker_keeps_its_connection_while_typing_and_closes_it_when_idle(
        gui_app, db, system, qtbot, make_resident, monkeypatch):
    """Opening a connection costs more than a search, so it is kept between keystrokes; once
    typing stops, or when a restore is about to replace the file, it is closed."""
    from balai_app.services import connections

    make_resident(name="Siti Aminah")
    # Long enough for a slow machine not to go idle between keystrokes; going idle is
    # test_search_thread.py's (it waits for the thread's end, not for a time).
    monkeypatch.setattr(ResidentTableModel, "IDLE_S", 600)
    model = ResidentTableModel(system)
    try:
        for text in ("s", "si"):
            model.request(ResidentFilter(text=text))
            qtbot.waitUntil(lambda: not model.loading)
            assert worker_connection_open(model), "the worker closed its connection between keystrokes"
        model._worker.release()
        assert not worker_connection_open(model)
        model.request(ResidentFilter(text="sit"))
        qtbot.waitUntil(lambda: not model.loading)
        assert worker_connection_open(model)
        assert connections.release_idle() >= 1  # what a restore asks first
        assert not worker_connection_open(model)
    finally:
        model.close()
    assert not model._worker.running()
