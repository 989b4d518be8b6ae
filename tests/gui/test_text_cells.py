"""The register's cells are prepared in one call each (TextCellDelegate) and look exactly as
Qt's own delegate paints them: same pixels, selected row included; "(tanpa NIK)" greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyledItemDelegate, QTableView

from balai_app.gui.common.text_cells import TextCellDelegate
from balai_app.gui.residents.resident_model import COLUMN_KEYS, ResidentTableModel
from balai_app.gui.residents.residents_page import ResidentsPage

NIK = COLUMN_KEYS.index("nik")


def some_people(make_resident) -> None:
    make_resident(name="Siti Aminah binti Abdullah Rahman Hakim Nasution", birth_place="Kabupaten Kepulauan Seribu")
    make_resident(name="Budi tanpa NIK", nik=None, nik_missing_reason="Tanpa KTP", birth_date=None)
    make_resident(name="Çetin Œuvre", birth_place="Sidoarjo", sex="P", status="keluar", exit_date="2026-02-01")
    for n in range(12):
        make_resident(name=f"Penerima {n:02d}", birth_place="Bogor", klaster="napza")


def viewport_image(view: QTableView) -> QImage:
    return view.viewport().grab().toImage()


def test_the_register_looks_exactly_as_qt_paints_it(gui_app, db, system, qtbot, make_resident):
    some_people(make_resident)
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.resize(900, 500)  # narrow: the long name and place are cut off ("…")
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    table = page.ui.table
    try:
        assert isinstance(table.itemDelegate(), TextCellDelegate)
        assert page.model.rowCount() == 15
        table.selectRow(2)
        ours = viewport_image(table)
        table.setItemDelegate(QStyledItemDelegate(table))
        qts = viewport_image(table)
        assert not ours.isNull() and ours.size() == qts.size()
        assert ours == qts, "the register's cells differ from Qt's own painting"
    finally:
        page.model.close()


def test_a_line_break_shows_as_qt_shows_it(gui_app, qtbot):
    """A text with a line break (none reaches the register today: one-line fields are cleaned)
    is laid out as Qt's own delegate lays it out, not run together."""
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(1, 1, view)
    model.setItem(0, 0, QStandardItem("Siti\nAminah"))
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(3 * view.fontMetrics().height())
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    qts = viewport_image(view)
    view.setItemDelegate(TextCellDelegate(view, lambda row, column: ("Siti\nAminah", None)))
    assert viewport_image(view) == qts


def darkest(image: QImage, rect) -> int:
    """The lowest grey level of the text pixels inside ``rect``."""
    return min(QColor(image.pixel(x, y)).value()
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))


def test_a_missing_nik_is_painted_grey_and_asks_the_model_only_for_that(gui_app, db, system, qtbot, make_resident):
    some_people(make_resident)
    asked: list[tuple[int, int, int]] = []

    class Counting(ResidentTableModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            asked.append((index.row(), index.column(), role))
            return super().data(index, role)

    model = Counting(system)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(TextCellDelegate(view, model.cell))
    view.resize(1100, 500)
    view.show()
    qtbot.waitExposed(view)
    model.refresh()
    budi = next(row for row, r in enumerate(model.loaded_rows()) if r.nik is None)
    other, black = [row for row in range(model.rowCount()) if row != budi][:2]  # selected, plain
    try:
        view.selectRow(other)
        asked.clear()
        image = viewport_image(view)
        # Qt's own preparation (eight roles a cell) only where the cell has a colour of its own,
        # the selected row included.
        assert {(row, column) for row, column, _role in asked} == {(budi, NIK)}, asked
        assert {role for _r, _c, role in asked} >= {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole}
        assert darkest(image, view.visualRect(model.index(black, NIK))) < 40
        grey = darkest(image, view.visualRect(model.index(budi, NIK)))
        assert 100 < grey < 200, f"'(tanpa NIK)' is not grey ({grey})"
    finally:
        model.close()
