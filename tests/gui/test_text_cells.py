"""The register paints its plain rows itself (PlainRowsPainter) and prepares Qt's cells in one
call each (TextCellDelegate), and looks exactly as Qt paints it: the same pixels, with a row
selected, cut-off texts, right-aligned and centred columns, "(tanpa NIK)" in grey, after
scrolling; on a style it cannot match, Qt paints everything."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QProxyStyle, QStyle, QTableView

from balai_app.gui.common.text_cells import PlainRowsPainter, TextCellDelegate
from balai_app.gui.residents.resident_model import COLUMN_KEYS, ResidentTableModel
from balai_app.gui.residents.residents_page import ResidentsPage

NIK = COLUMN_KEYS.index("nik")


def some_people(make_resident) -> None:
    make_resident(name="Siti Aminah binti Abdullah Rahman Hakim Nasution", birth_place="Kabupaten Kepulauan Seribu")
    make_resident(name="Budi tanpa NIK", nik=None, nik_missing_reason="Tanpa KTP", birth_date=None)
    make_resident(name="Çetin Œuvre", birth_place="Sidoarjo", sex="P", status="keluar", exit_date="2026-02-01")
    for n in range(22):
        make_resident(name=f"Penerima {n:02d}", birth_place="Bogor", klaster="napza")


def viewport_image(view: QTableView) -> QImage:
    return view.viewport().grab().toImage()


def qt_image(view: QTableView, painter: PlainRowsPainter) -> QImage:
    """The viewport as Qt alone paints it (the painter taken off for one grab)."""
    view.viewport().removeEventFilter(painter)
    try:
        return viewport_image(view)
    finally:
        view.viewport().installEventFilter(painter)


def shown_register(system, qtbot, size=(900, 500)) -> ResidentsPage:
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.resize(*size)  # narrow: the long name and place are cut off ("…")
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.waitUntil(lambda: page._rows_painter.verified is not None)
    return page


def test_the_register_paints_its_rows_exactly_as_qt_does(gui_app, db, system, qtbot, make_resident):
    some_people(make_resident)
    page = shown_register(system, qtbot)
    table, painter = page.ui.table, page._rows_painter
    try:
        assert isinstance(table.itemDelegate(), TextCellDelegate)
        assert page.model.rowCount() == 25
        assert painter.verified is True, "the register's own painting differs from Qt's on this style"
        for step in ("plain", "selected", "scrolled"):
            if step == "selected":
                table.selectRow(2)
            elif step == "scrolled":
                table.verticalScrollBar().setValue(3)  # a partial repaint of the rows scrolled in
                gui_app.processEvents()
            painter._painted_texts = 0
            ours = viewport_image(table)
            assert painter._painted_texts > 0, f"{step}: the painter painted nothing"
            qts = qt_image(table, painter)
            assert not ours.isNull() and ours.size() == qts.size()
            assert ours == qts, f"{step}: the register's rows differ from Qt's own painting"
    finally:
        page.model.close()


def test_cells_qt_paints_are_prepared_like_qts_own(gui_app, qtbot):
    """The rows left to Qt (selected, current, under the mouse) go through TextCellDelegate:
    same pixels as Qt's own delegate, a grey cell included."""
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 2, view)
    for row in range(3):
        model.setItem(row, 0, QStandardItem(f"Penerima {row}"))
        grey = QStandardItem("(tanpa NIK)")
        grey.setForeground(QColor(Qt.GlobalColor.darkGray))
        grey.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        model.setItem(row, 1, grey)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.selectRow(1)
    qts = viewport_image(view)
    view.setItemDelegate(TextCellDelegate(view, lambda row, column: (
        (f"Penerima {row}", None, None) if column == 0
        else ("(tanpa NIK)", Qt.AlignmentFlag.AlignCenter, QColor(Qt.GlobalColor.darkGray)))))
    assert viewport_image(view) == qts


def test_a_line_break_shows_as_qt_shows_it(gui_app, qtbot):
    """A text with a line break (none reaches the register today: one-line fields are cleaned)
    is laid out as Qt's own delegate lays it out, not run together; the painter leaves it to Qt."""
    texts = ["Budi", "Siti\nAminah", "Agus"]
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 1, view)
    for row, text in enumerate(texts):
        model.setItem(row, 0, QStandardItem(text))
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(3 * view.fontMetrics().height())
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(model.index(0, 0))
    qts = viewport_image(view)

    def cell(row, column):
        return texts[row], None, None

    view.setItemDelegate(TextCellDelegate(view, cell))
    assert viewport_image(view) == qts
    painter = PlainRowsPainter(view, lambda row: [cell(row, 0)])
    qtbot.waitUntil(lambda: painter.verified is not None)
    assert painter.verified is True
    painter._painted_texts = 0
    ours = viewport_image(view)
    assert painter._painted_texts == 1  # "Agus"; the current row and the two-line cell are Qt's
    assert ours == qt_image(view, painter)


def darkest(image: QImage, rect) -> int:
    """The lowest grey level of the text pixels inside ``rect``."""
    return min(QColor(image.pixel(x, y)).value()
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))


def test_a_missing_nik_is_grey_and_the_model_is_asked_no_role_to_paint(gui_app, db, system, qtbot, make_resident):
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
    view.setWordWrap(False)
    view.setItemDelegate(TextCellDelegate(view, model.cell))
    painter = PlainRowsPainter(view, model.row_cells)
    view.resize(1100, 500)
    view.show()
    qtbot.waitExposed(view)
    model.refresh()
    qtbot.waitUntil(lambda: painter.verified is not None)
    names = [r.name for r in model.loaded_rows()]
    budi, other, black = names.index("Budi tanpa NIK"), names.index("Penerima 00"), names.index("Penerima 01")
    try:
        assert painter.verified is True
        for selected in (None, budi, other):  # grey painted by the painter, then by Qt's path
            if selected is not None:
                view.selectRow(selected)
            asked.clear()
            image = viewport_image(view)
            assert asked == [], f"the model was asked for roles while painting: {asked[:5]}"
            assert darkest(image, view.visualRect(model.index(black, NIK))) < 40
            if selected != budi:
                grey = darkest(image, view.visualRect(model.index(budi, NIK)))
                assert 100 < grey < 200, f"'(tanpa NIK)' is not grey ({grey})"
            assert image == qt_image(view, painter)
    finally:
        model.close()


class ShiftedText(QProxyStyle):
    """A style whose item texts sit one pixel lower than the common style puts them."""

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 (Qt name)
        if element == QStyle.ControlElement.CE_ItemViewItem:
            painter.translate(0, 1)
            super().drawControl(element, option, painter, widget)
            painter.translate(0, -1)
            return
        super().drawControl(element, option, painter, widget)


class Texts(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.cell(index.row(), index.column())[0] if role == Qt.ItemDataRole.DisplayRole else None

    def cell(self, row, column):
        return f"Penerima {row}-{column}", None, None

    def row_cells(self, row):
        return [self.cell(row, column) for column in range(2)]


def compared_table(qtbot, style: QStyle | None = None) -> tuple[QTableView, PlainRowsPainter]:
    """A shown table of plain texts with a painter, once it has compared its pixels with Qt's."""
    view = QTableView()
    qtbot.addWidget(view)
    if style is not None:
        view.setStyle(style)
    view.setModel(Texts(view))
    view.setWordWrap(False)
    painter = PlainRowsPainter(view, view.model().row_cells)
    view.resize(300, 250)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: painter.verified is not None)
    return view, painter


def test_on_a_style_it_cannot_match_qt_paints_everything(gui_app, qtbot):
    style = ShiftedText()
    view, painter = compared_table(qtbot, style)
    assert painter.verified is False
    painter._painted_texts = 0
    assert viewport_image(view) == qt_image(view, painter)
    assert painter._painted_texts == 0


def test_a_new_font_is_compared_again_before_the_painter_paints_it(gui_app, qtbot):
    view, painter = compared_table(qtbot)
    assert painter.verified is True
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)  # reaches the viewport: the comparison is made again on the new font
    assert painter.verified is None
    qtbot.waitUntil(lambda: painter.verified is not None)
    assert painter.verified is True
    assert viewport_image(view) == qt_image(view, painter)
