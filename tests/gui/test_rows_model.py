"""The one table model (gui/common/rows_model.py): keyset pages as the view scrolls,
every row loaded exactly once, pages that grow while the view keeps asking."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from balai_app.gui.common.rows_model import Column, RowsModel
from balai_app.gui.residents import loaded_residents, resident_model
from balai_app.gui.residents.residents_page import ResidentsPage
from balai_app.services import residents


def scroll_to_the_end(qtbot, table) -> None:
    """What a person does: drag the scroll bar to the bottom until nothing more loads."""
    model = table.model()
    for _ in range(1000):
        table.scrollToBottom()
        qtbot.wait(1)
        if not model.canFetchMore():
            break
    table.scrollToBottom()



def open_register(qtbot, system) -> ResidentsPage:
    """The Penerima Manfaat list on screen, loading ten rows a page from its next refresh."""
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    qtbot.waitExposed(page)
    page.model.page_size = 10
    return page

def test_scrolling_the_register_to_the_end_loads_every_row_exactly_once(
        gui_app, db, system, qtbot, make_resident, monkeypatch):
    ids = [make_resident(name=f"Penerima {n:03d}").id for n in range(230)]
    calls = []
    real = residents.list_residents

    def recording(*args, **kwargs):
        rows = real(*args, **kwargs)
        calls.append((kwargs.get("after"), kwargs.get("limit"), [r.id for r in rows]))
        return rows

    monkeypatch.setattr(resident_model.residents, "list_residents", recording)
    page = open_register(qtbot, system)
    calls.clear()
    page.refresh()
    table = page.ui.table
    assert 0 < page.model.rowCount() < 230, "only what the view needs is loaded at first"

    scroll_to_the_end(qtbot, table)

    loaded = [rid for _after, _limit, got in calls for rid in got]
    assert sorted(loaded) == sorted(ids), "every row loaded, none twice"
    assert page.model.rowCount() == 230 and not page.model.canFetchMore()
    assert [r.id for r in page.model.loaded_rows()] == ids  # in name order, as shown
    # each page starts after the last row of the one before (keyset), never at an offset
    for (_after, _limit, previous), (after, _l, _got) in zip(calls, calls[1:]):
        assert after is not None and after.id == previous[-1]
    limits = [limit for _a, limit, _g in calls]
    assert limits[0] == 10 and limits[1:] == sorted(limits[1:]) and limits[-1] > 10, \
        "pages grow while the view keeps asking"
    # the last row is shown
    assert table.rowAt(table.viewport().height() - 2) == 229
    page.model.close()


def test_a_pager_model_keeps_plain_tuples_and_starts_small_again_after_reload(gui_app, qtbot):
    source = [(n, f"baris {n}") for n in range(1, 1001)]
    asked = []

    def pager(after, limit):
        asked.append((after, limit))
        start = 0 if after is None else next(i for i, row in enumerate(source) if row[0] == after[0]) + 1
        return source[start:start + limit]

    model = RowsModel([Column("No.", lambda r: str(r[0])), Column("Nama", lambda r: r[1])],
                      pager=pager, page_size=50, max_page=400)
    model.reload()
    assert model.rowCount() == 50 and model.canFetchMore()
    model.load_all()
    assert model.rows() == source and not model.canFetchMore()
    assert all(type(row) is tuple for row in model.rows())
    assert [limit for _a, limit in asked] == [50, 50, 100, 200, 400, 400]
    assert model.data(model.index(999, 1)) == "baris 1000"
    assert model.data(model.index(0, 0), RowsModel.IdRole) == 1

    asked.clear()
    model.reload()
    assert model.rowCount() == 50 and asked == [(None, 50)]
    model.fetchMore()
    assert asked[-1] == (source[49], 50), "after a reload the pages start small again"


def test_a_loader_model_never_asks_for_more(gui_app):
    model = RowsModel([Column("Nama", lambda r: r[1])], loader=lambda: [(1, "a"), (2, "b")])
    model.reload()
    assert model.rowCount() == 2 and not model.canFetchMore() and model.at_end


def test_the_audit_trail_pages_by_the_last_event_not_an_offset(gui_app, db, system, make_resident):
    """An event written between two pages (it sorts first, newest first) neither repeats
    a row on the next page nor hides one (an OFFSET would shift every later page)."""
    from balai_app.gui.audit.audit_page import AuditModel
    from balai_app.services import audit

    for n in range(12):
        make_resident(name=f"Penerima {n:02d}")
    model = AuditModel(system)
    model.page_size = 5
    model.set_filter(audit.AuditFilter())
    before = model.total
    assert model.rowCount() == 5 and model.canFetchMore()
    make_resident(name="Ahmad Baru")  # newer events, shown first after a refresh
    model.load_all()
    ids = [row.id for row in model.rows()]
    assert len(ids) == len(set(ids)) == before
    assert ids == sorted(ids, reverse=True)


def test_the_register_packs_its_loaded_rows_and_reads_them_back_unchanged(
        gui_app, db, system, qtbot, make_resident):
    """A list scrolled to its end holds every row: the register keeps them packed column by
    column, and every row reads back as the service returned it (no NIK, names beyond
    ASCII, no birth date, shared klaster/status/dates; an empty NIK: the test below)."""
    make_resident(name="Siti Āminah", birth_place="Bogor")
    make_resident(name="Budi tanpa NIK", nik=None, nik_missing_reason="Tanpa KTP", birth_date=None,
                  klaster="lansia")
    make_resident(name="Çetin Œuvre", birth_place="Sidoarjo", sex="P", status="keluar",
                  exit_date="2026-02-01")
    for n in range(40):
        make_resident(name=f"Penerima {n:02d}", birth_place="Bogor")
    page = open_register(qtbot, system)
    page.refresh()
    scroll_to_the_end(qtbot, page.ui.table)

    model = page.model
    served = residents.list_residents(system, limit=1000)
    loaded = model.loaded_rows()
    assert isinstance(loaded, loaded_residents.LoadedResidents), "not one tuple per row"
    assert list(loaded) == served and loaded[-1] == served[-1] and loaded[3:5] == served[3:5]
    assert all(type(row) is residents.ResidentRow for row in loaded)
    assert loaded.nbytes() < 120 * len(served), "a packed row takes far less than its tuple (~280 bytes)"
    budi = model.row_of(served[[r.name for r in served].index("Budi tanpa NIK")].id)
    assert loaded[budi].nik is None and loaded[budi].birth_date is None
    assert model.index(budi, 1).data() == "(tanpa NIK)"
    assert model.index(budi, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    siti = model.row_of(next(r.id for r in served if r.name == "Siti Āminah"))
    assert model.index(siti, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert [model.resident_id(row) for row in range(len(served))] == [r.id for r in served]
    assert model.resident_id(len(served)) is None and model.row_of(10**9) == -1
    page.model.close()


def _row(rid: int, nik: str | None, name: str) -> residents.ResidentRow:
    return residents.ResidentRow(rid, nik, name, "L", "Bogor", dt.date(1990, 1, 2), "anak", "aktif",
                                 dt.date(2026, 1, 5))


def test_packed_rows_tell_an_empty_nik_from_none_and_take_a_page_whole_or_not_at_all():
    first = [_row(1, None, "Tanpa NIK"), _row(2, "", "NIK kosong"), _row(3, "3201010101900001", "Siti Āminah")]
    loaded = loaded_residents.LoadedResidents(first)
    assert list(loaded) == first
    assert [loaded.has_nik(i) for i in range(3)] == [False, False, True]
    size = loaded.nbytes()

    broken = [_row(4, "3201010101900002", "Budi"), _row(5, None, "\ud800 tidak tersimpan")]  # a lone surrogate
    with pytest.raises(UnicodeEncodeError):
        loaded.extend(broken)
    assert len(loaded) == 3 and list(loaded) == first and loaded.nbytes() == size, "nothing of the page was kept"
    loaded.extend([_row(6, None, "Sesudahnya")])
    assert loaded[3] == _row(6, None, "Sesudahnya") and not loaded.has_nik(3) and loaded.row_of_id(6) == 3
