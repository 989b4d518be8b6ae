"""The Penerima Manfaat list: search, filters, sorting, paging, opening a PM."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from balai_app.gui.residents.resident_model import COLUMN_KEYS, ResidentTableModel
from balai_app.gui.residents.residents_page import ResidentsPage
from balai_app.services.residents import ResidentFilter


@pytest.fixture
def no_dialogs(monkeypatch):
    calls = []
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda *args, _k=kind, **kw: calls.append(_k) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: calls.append("exec") or QMessageBox.StandardButton.Yes.value)
    return calls


@pytest.fixture
def people(make_resident):
    rows = [
        make_resident(name="Siti Aminah", sex="P", nik="3201015501100002", birth_place="Bogor"),
        make_resident(name="Sitti Rahma", sex="P", nik="3201015501100003", birth_place="Makassar",
                      klaster="tuna_sosial"),
        make_resident(name="Budi Santoso", birth_place="Sidoarjo", entry_date="2025-03-01"),
        make_resident(name="Agus Wijaya", birth_place="Jakarta", klaster="napza", birth_date="15-01-2000",
                      nik="3171011501000004"),
        make_resident(name="Yohanes Siregar", birth_place="Medan"),
    ]
    return {r.name: r for r in rows}


def make_page(qtbot, system) -> ResidentsPage:
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def names(page: ResidentsPage) -> list[str]:
    return [row.name for row in page.model.loaded_rows()]


def settled(qtbot, page: ResidentsPage) -> None:
    """Filters and typing search on the worker thread: wait for its answer."""
    qtbot.waitUntil(lambda: not page.model.loading)


def test_list_shows_every_resident_masked_and_counted(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    assert page.model.total == 5 and page.ui.countLabel.text() == "5 PM"
    assert names(page) == sorted(people)  # by name
    nik_column = COLUMN_KEYS.index("nik")
    shown = {page.model.index(r, nik_column).data() for r in range(page.model.rowCount())}
    assert "3201**********02" in shown
    assert not any(len(text) == 16 and text.isdigit() for text in shown)
    row = names(page).index("Agus Wijaya")
    assert page.model.index(row, COLUMN_KEYS.index("klaster")).data() == "NAPZA"
    assert page.model.index(row, COLUMN_KEYS.index("klaster")).data(Qt.ItemDataRole.ToolTipRole) == "Korban Penyalahgunaan NAPZA"
    assert page.model.index(row, COLUMN_KEYS.index("birth_date")).data() == "15/01/2000"


def test_search_as_you_type_narrows_the_list(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    qtbot.keyClicks(page.ui.searchEdit, "si")
    # debounced: the list follows once typing pauses
    qtbot.waitUntil(lambda: page.model.filter.text == "si")
    assert set(names(page)) == {"Siti Aminah", "Sitti Rahma", "Budi Santoso", "Yohanes Siregar"}
    qtbot.keyClicks(page.ui.searchEdit, "t")
    qtbot.waitUntil(lambda: page.model.total == 2)
    assert names(page) == ["Siti Aminah", "Sitti Rahma"]
    assert page.ui.countLabel.text() == "2 PM"
    qtbot.keyClicks(page.ui.searchEdit, "i ")
    qtbot.keyClicks(page.ui.searchEdit, "bogor")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert names(page) == ["Siti Aminah"]
    # by NIK digits too
    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, "3171011501")
    qtbot.waitUntil(lambda: page.model.filter.text == "3171011501")
    assert names(page) == ["Agus Wijaya"]
    # nothing found: a plain sentence, not an empty grid
    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, "zzz")
    qtbot.waitUntil(lambda: page.model.filter.text == "zzz")
    assert page.model.total == 0
    assert page.ui.emptyLabel.isVisible() and page.ui.countLabel.text() == "0 PM"
    assert "cocok" in page.ui.emptyLabel.text()


def test_filters_combine_and_reset(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    ui = page.ui
    ui.sexCombo.setCurrentIndex(ui.sexCombo.findData("P"))
    settled(qtbot, page)
    assert set(names(page)) == {"Siti Aminah", "Sitti Rahma"}
    ui.klasterCombo.setCurrentIndex(ui.klasterCombo.findData("tuna_sosial"))
    settled(qtbot, page)
    assert names(page) == ["Sitti Rahma"]
    qtbot.mouseClick(ui.resetButton, Qt.MouseButton.LeftButton)
    assert page.model.total == 5
    assert [ui.yearCombo.itemData(i) for i in range(ui.yearCombo.count())] == [None, 2026, 2025]
    ui.yearCombo.setCurrentIndex(ui.yearCombo.findData(2025))
    settled(qtbot, page)
    assert names(page) == ["Budi Santoso"]
    ui.yearCombo.setCurrentIndex(0)
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("meninggal"))
    settled(qtbot, page)
    assert page.model.total == 0


def click_header(qtbot, page: ResidentsPage, key: str) -> None:
    header = page.ui.table.horizontalHeader()
    column = COLUMN_KEYS.index(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_in_the_database(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    click_header(qtbot, page, "birth_place")
    assert page.model.order == ("birth_place", False)
    assert [r.birth_place for r in page.model.loaded_rows()] == ["Bogor", "Jakarta", "Makassar", "Medan", "Sidoarjo"]
    click_header(qtbot, page, "birth_place")
    assert page.model.order == ("birth_place", True)
    assert page.model.loaded_rows()[0].birth_place == "Sidoarjo"
    click_header(qtbot, page, "name")
    assert names(page) == sorted(people)


def test_sort_order_and_widths_are_remembered(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    click_header(qtbot, page, "birth_place")
    click_header(qtbot, page, "birth_place")
    page.ui.table.horizontalHeader().resizeSection(COLUMN_KEYS.index("klaster"), 240)
    page.hide()  # leaving the section (or closing the window) stores the header
    again = make_page(qtbot, system)
    assert again.model.order == ("birth_place", True)
    assert again.model.loaded_rows()[0].birth_place == "Sidoarjo"
    assert again.ui.table.horizontalHeader().sectionSize(COLUMN_KEYS.index("klaster")) == 240


def test_model_pages_through_the_service(gui_app, db, system, make_resident):
    for n in range(25):
        make_resident(name=f"Penerima {n:02d}", klaster="lansia" if n < 10 else "anak")
    model = ResidentTableModel(system, page_size=10)
    model.refresh()
    assert (model.rowCount(), model.total) == (10, 25)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25 and not model.canFetchMore()
    assert [r.name for r in model.loaded_rows()] == [f"Penerima {n:02d}" for n in range(25)]
    model.set_filter(ResidentFilter(klaster="lansia"))
    assert model.total == 10 and model.rowCount() == 10


def test_the_view_loads_more_rows_when_scrolled(gui_app, db, system, qtbot, make_resident, no_dialogs):
    for n in range(30):
        make_resident(name=f"Penerima {n:02d}")
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.model.page_size = 10
    page.resize(1000, 400)
    page.show()
    page.refresh()
    assert page.model.rowCount() < 30
    page.ui.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 10)


def test_double_click_and_enter_open_the_detail(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    table = page.ui.table
    row = names(page).index("Budi Santoso")
    rect = table.visualRect(page.model.index(row, COLUMN_KEYS.index("name")))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.ui.openButton.isEnabled()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = page.detail_dialog
    assert detail is not None and detail.isVisible()
    assert detail.ui.nameLabel.text() == "Budi Santoso"
    detail.accept()
    assert page.detail_dialog is None

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.detail_dialog is not None
    assert page.detail_dialog.ui.nameLabel.text() == names(page)[row + 1]
    page.detail_dialog.reject()

    # from the search box: type, Down, Enter
    page.ui.searchEdit.setFocus()
    qtbot.keyClicks(page.ui.searchEdit, "yohanes")
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Down)  # searches at once, then goes to the list
    assert names(page) == ["Yohanes Siregar"] and page.selected_id() == people["Yohanes Siregar"].id
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert page.detail_dialog.ui.nameLabel.text() == "Yohanes Siregar"
    page.detail_dialog.reject()


def test_add_button_opens_the_form_and_selects_the_new_resident(gui_app, db, system, qtbot, people, no_dialogs):
    page = make_page(qtbot, system)
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    form = page.form_dialog
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.ui.nameEdit, "Ketut Nainggolan")
    form.ui.noNikCheck.setChecked(True)
    qtbot.keyClicks(form.ui.nikReasonEdit, "Belum punya KTP")
    form.ui.sexCombo.setCurrentIndex(form.ui.sexCombo.findData("L"))
    form.ui.klasterCombo.setCurrentIndex(form.ui.klasterCombo.findData("lansia"))
    assert form.save()
    assert page.model.total == 6
    assert page.selected_id() == form.resident.id


def test_an_empty_register_says_how_to_start(gui_app, db, system, qtbot, no_dialogs):
    page = make_page(qtbot, system)
    assert page.model.total == 0 and page.ui.countLabel.text() == "0 PM"
    assert page.ui.emptyLabel.isVisible() and "Tambah PM" in page.ui.emptyLabel.text()
    assert not page.ui.openButton.isEnabled()


def test_import_and_export_buttons_open_their_dialogs(gui_app, db, system, qtbot, people, no_dialogs,
                                                      monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from balai_app.gui.residents import resident_import_dialog

    page = make_page(qtbot, system)
    assert page.ui.importButton.isEnabled() and page.ui.exportButton.isEnabled()
    opened = []
    monkeypatch.setattr(resident_import_dialog.ResidentImportDialog, "exec",
                        lambda self: opened.append(self) or 0)
    qtbot.mouseClick(page.ui.importButton, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].parent() is page
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: asked.append(args) or ("", "")))
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # the export asked where to write (and was cancelled)


def test_main_window_at_1366x768_shows_the_list_without_toolbar_overflow(gui_app, db, system, qtbot, people,
                                                                        no_dialogs):
    from balai_app.gui.main_window import MainWindow

    window = MainWindow(system)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.open_section("residents")
    qtbot.waitUntil(lambda: page.model.total == 5)
    assert page.isVisible() and page.ui.table.isVisible()
    assert page.minimumSizeHint().width() <= page.width()
    # and still at 150 % scaling: about 910 logical pixels wide, less the sidebar
    assert page.minimumSizeHint().width() <= 910 - window.ui.sidebar.minimumWidth()
    for widget in (page.ui.exportButton, page.ui.countLabel, page.ui.yearCombo, page.ui.resetButton):
        right = widget.mapTo(page, QPoint(widget.width(), 0)).x()
        assert widget.isVisible() and right <= page.width(), widget.objectName()
    table = page.ui.table
    assert not table.horizontalScrollBar().isVisible()
    name_column = COLUMN_KEYS.index("name")
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(name_column) >= 180)
    assert not table.horizontalScrollBar().isVisible()  # the name takes the rest, no more
