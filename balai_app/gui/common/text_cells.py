"""A long list's plain-text cells painted without asking the model eight roles a cell.

Qt's own table paints cell by cell: its delegate asks the Python model for eight
roles of every cell (font, alignment, colour, check state, icon, display,
background, ...), then the style lays the text out and draws it; with a Python
model that is most of a repaint. Here the model describes a cell in one call,
``cell(row, column)`` → (text, alignment, colour), or a whole row in one,
``row_cells(row)`` → its cells by column, and

- ``PlainRowsPainter`` paints the rows nobody is pointing at, has selected or is
  on in one Python call per repaint (cached ``QStaticText``s, no style call per
  cell): background, texts and grid as Qt puts them. It keeps its own painting
  only after comparing it with Qt's, pixel for pixel, on the rows first shown
  (the style, font and screen scaling differ between PCs); otherwise Qt paints.
- ``TextCellDelegate`` prepares the cells Qt still paints (the selected, current
  and hovered rows) from the same one call, so the style paints them as always.

A cell the model does not describe (``cell`` gives None) is left to Qt's own
preparation, which asks ``data()``. Tests compare the pixels with Qt's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import (QColor, QCursor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette,
                           QRegion, QStaticText, QTextLayout, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView)

log = logging.getLogger(__name__)

# (text, horizontal alignment or None for the view's own, colour or None for the palette's);
# texts are centred vertically
Cell = tuple[str, Qt.AlignmentFlag | None, QColor | None]

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_PAINT = QEvent.Type.Paint
_LOOK_CHANGES = frozenset({QEvent.Type.StyleChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                           QEvent.Type.DevicePixelRatioChange})
_RIGHT = Qt.AlignmentFlag.AlignRight
_HCENTER = Qt.AlignmentFlag.AlignHCenter
# A text ready to paint: the static text, its offset from the left, its layout's height
_Prepared = tuple[QStaticText, float, int]
# The share of a cell's spare width left of its text, by alignment (None: the view's, left)
_SHARES: dict[Qt.AlignmentFlag | None, float] = {None: 0.0}


class TextCellDelegate(QStyledItemDelegate):
    """Prepares plain-text cells from ``cell(row, column)``; see the module's docstring."""

    def __init__(self, view: QAbstractItemView, cell: Callable[[int, int], Cell | None]):
        super().__init__(view)
        self._cell = cell

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        cell = self._cell(index.row(), index.column())
        if cell is None:
            super().initStyleOption(option, index)
            return
        text, alignment, colour = cell
        option.index = index
        option.styleObject = None  # as Qt's own: no style animations for item cells
        option.text = text.replace("\n", "\u2028") if "\n" in text else text  # as Qt's displayText
        option.features |= _HAS_DISPLAY
        if alignment is not None:
            option.displayAlignment = alignment
        if colour is not None:
            option.palette.setColor(QPalette.ColorRole.Text, colour)  # as Qt's ForegroundRole


class PlainRowsPainter(QObject):
    """Paints a table's plain rows itself, in one Python call per repaint; Qt paints the rest.

    A plain row is one the person is not pointing at, has not selected and is not on, whose
    cells ``row_cells(row)`` (every column's, in column order) all describe: its pixels are
    only the row's background, its texts and the grid. Painting those from Python in one
    pass (cached ``QStaticText``s, no style call per cell) is several times faster than Qt's
    cell-by-cell painting through a Python model. Every other row (selected, current, under
    the mouse, a cell the model does not describe or a text of several lines) and every
    table this painter cannot draw exactly (word wrap, right-to-left, moved or hidden rows)
    is left to Qt, in the same paint. It is for tables without spans (QTableView cannot
    tell cheaply whether it has any; the register sets none).

    The first time rows are shown, the painter draws them both ways off screen and keeps
    its own painting only if the pixels are identical to Qt's (style, font and screen
    scaling differ between PCs); otherwise Qt paints everything, as before.
    """

    TEXT_CACHE = 4096  # prepared texts kept (a few screens' worth)

    def __init__(self, view: QTableView, row_cells: Callable[[int], Sequence[Cell | None] | None]):
        super().__init__(view)
        self._view = view
        self._row_cells = row_cells
        self._forwarding = False
        self._texts: dict[tuple[str, int, Qt.AlignmentFlag | None], _Prepared] = {}
        self._painted_texts = 0
        self._checking = False
        self.verified: bool | None = None  # None: not yet compared with Qt's painting
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in _LOOK_CHANGES:
            self.verified = None  # another style, palette, font or screen: compare again
            self._texts.clear()
            return False
        if kind != _PAINT or self._forwarding or self.verified is False or not self._drawable():
            return False
        if self.verified is None and not self._checking:
            if self._has_plain_rows(cast(QPaintEvent, event).rect()):
                QTimer.singleShot(0, self._verify)
            return False  # Qt paints until the comparison is done
        self._paint(cast(QPaintEvent, event))
        return True

    def forget_texts(self) -> None:
        """Drop the prepared texts (the next repaint prepares every text it shows)."""
        self._texts.clear()

    # --- the comparison ----------------------------------------------------
    def _verify(self) -> None:
        """Paint the rows in view both ways; keep ours only if the pixels are Qt's."""
        if self.verified is not None or self._checking:
            return
        viewport = self._view.viewport()
        self._checking = True
        try:
            self._painted_texts = 0
            self.verified = True
            ours = viewport.grab().toImage()
            compared = self._painted_texts > 0
            self.verified = False
            qts = viewport.grab().toImage()
        finally:
            self._checking = False
        self.verified = (ours == qts) if compared else None
        if self.verified is False:
            log.info("%s: rows left to Qt's painting (style %s differs)",
                     self._view.objectName(), self._view.style().name())

    # --- what this painter can draw ---------------------------------------
    def _drawable(self) -> bool:
        view = self._view
        vertical, horizontal = view.verticalHeader(), view.horizontalHeader()
        return (not view.wordWrap() and view.isLeftToRight()
                and view.textElideMode() == Qt.TextElideMode.ElideRight
                and view.gridStyle() == Qt.PenStyle.SolidLine
                and not vertical.sectionsMoved() and not vertical.hiddenSectionCount()
                and not horizontal.sectionsMoved())

    def _rows_in(self, rect: QRect) -> range:
        view = self._view
        count = view.model().rowCount(view.rootIndex())
        first = view.rowAt(rect.top())
        if first < 0:
            return range(0)  # above the first row cannot happen; below the last: nothing of ours
        last = view.rowAt(rect.bottom())
        return range(first, (last if last >= 0 else count - 1) + 1)

    def _columns_in(self, rect: QRect) -> list[tuple[int, int, int]]:
        """(column, x, width) of the shown columns that meet ``rect``."""
        view = self._view
        header = view.horizontalHeader()
        columns = []
        for column in range(view.model().columnCount(view.rootIndex())):
            if header.isSectionHidden(column):
                continue
            x, width = view.columnViewportPosition(column), view.columnWidth(column)
            if x + width > rect.left() and x <= rect.right():
                columns.append((column, x, width))
        return columns

    def _plain_cells(self, columns: list[tuple[int, int, int]]) -> Callable[[int], list[Cell] | None]:
        """For a row in view, its cells in ``columns`` when Qt's style draws it as a plain row
        (not current, not selected, not under the mouse, every cell described), else None."""
        view = self._view
        selection, root = view.selectionModel(), view.rootIndex()
        special = {view.currentIndex().row()}
        viewport = view.viewport()
        if viewport.underMouse():
            special.add(view.rowAt(viewport.mapFromGlobal(QCursor.pos()).y()))
        row_cells = self._row_cells

        def cells(row: int) -> list[Cell] | None:
            if row in special or selection.rowIntersectsSelection(row, root):
                return None
            every = row_cells(row)
            if every is None:
                return None
            found = [every[column] for column, _x, _width in columns]
            if None in found or any("\n" in text for text, _alignment, _colour in cast(list[Cell], found)):
                return None  # a cell Qt prepares from data(), or a text of several lines
            return cast(list[Cell], found)

        return cells

    def _has_plain_rows(self, rect: QRect) -> bool:
        columns = self._columns_in(rect)
        cells = self._plain_cells(columns)
        return bool(columns) and any(cells(row) is not None for row in self._rows_in(rect))

    # --- painting ----------------------------------------------------------
    def _paint(self, event: QPaintEvent) -> None:
        view = self._view
        viewport = view.viewport()
        rect = event.rect()
        columns = self._columns_in(rect)
        cells_of = self._plain_cells(columns)
        plain: list[tuple[int, int, int, list[Cell]]] = []  # (row, y, height, cells)
        others = QRegion()
        for row in self._rows_in(rect):
            y, height = view.rowViewportPosition(row), view.rowHeight(row)
            cells = cells_of(row)
            if cells is None:
                others += QRect(0, y, viewport.width(), height)
            else:
                plain.append((row, y, height, cells))
        if plain and columns:
            painter = QPainter(viewport)
            try:
                self._paint_rows(painter, plain, columns, rect)
            finally:
                painter.end()
        others &= event.region()
        if not others.isEmpty():
            self._forwarding = True  # Qt paints these rows, in this same paint
            try:
                QApplication.sendEvent(viewport, QPaintEvent(others))
            finally:
                self._forwarding = False

    def _paint_rows(self, painter: QPainter, rows: list[tuple[int, int, int, list[Cell]]],
                    columns: list[tuple[int, int, int]], rect: QRect) -> None:
        """What QTableView and the style draw for a plain cell: the alternate rows'
        background (PE_PanelItemViewRow), the text (CE_ItemViewItem) and the grid."""
        view = self._view
        style = view.style()
        palette = view.palette()
        group = QPalette.ColorGroup.Normal if view.isEnabled() else QPalette.ColorGroup.Disabled
        if group == QPalette.ColorGroup.Normal and not view.isActiveWindow():
            group = QPalette.ColorGroup.Inactive
        grid = 1 if view.showGrid() else 0
        if view.alternatingRowColors():
            alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
            # Qt fills each cell but its grid line; the grid, drawn last, covers the rest.
            left, span = columns[0][1], columns[-1][1] + columns[-1][2] - grid - columns[0][1]
            for row, y, height, _cells in rows:
                if row & 1:
                    painter.fillRect(left, y, span, height - grid, alternate)
        font = view.font()
        metrics = QFontMetrics(font)
        plain_height = _layout_height("Ag", font)  # any text the font itself draws
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        areas = [(x + margin, width - grid - 2 * margin) for _column, x, width in columns]
        painter.setFont(font)
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        painter.setPen(text_colour)
        prepared = self._prepared
        painted = 0
        for _row, y, height, cells in rows:
            for (left, width), (text, alignment, colour) in zip(areas, cells):
                if text:
                    static, offset, text_height = prepared(text, width, alignment, metrics, font, plain_height)
                    if colour is not None:
                        painter.setPen(colour)
                    # centred as QStyle::alignedRect centres the text's layout (C++'s division)
                    top = y + int((height - grid - text_height) / 2)
                    painter.drawStaticText(QPointF(left + offset, top), static)
                    if colour is not None:
                        painter.setPen(text_colour)
                    painted += 1
        self._painted_texts += painted
        if grid:
            hint = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, QStyleOptionViewItem(), view)
            colour = QColor.fromRgba(hint & 0xFFFFFFFF)
            right = min(rect.right(), columns[-1][1] + columns[-1][2] - 1)
            lines = [(rect.left(), y + height - 1, right - rect.left() + 1, 1) for _row, y, height, _cells in rows]
            lines += [(x + width - 1, top, 1, bottom - top + 1)
                      for top, bottom in _runs(rows) for _column, x, width in columns]
            if view.viewport().devicePixelRatioF() == 1.0:
                for x, y, width, height in lines:  # the same pixels as Qt's 1-pixel lines, 6x faster
                    painter.fillRect(x, y, width, height, colour)
            else:  # scaled: as Qt draws them (the comparison with Qt's pixels covers both)
                painter.setPen(colour)
                for x, y, width, height in lines:
                    painter.drawLine(x, y, x + width - 1, y + height - 1)

    def _prepared(self, text: str, width: int, alignment: Qt.AlignmentFlag | None,
                  metrics: QFontMetrics, font: QFont, plain_height: int) -> _Prepared:
        """``text`` cut off as the style cuts it ("Kabupaten Kep…") in a static text, its
        offset from the left of the text area for ``alignment``, and the height of its
        layout, which the style centres (``plain_height`` for plain ASCII: the font's own
        line; another character may come from a fallback font with a taller line)."""
        key = (text, width, alignment)
        found = self._texts.get(key)
        if found is None:
            static = _static_text(text, font)
            text_width = static.size().width()
            text_height = plain_height if text.isascii() else _layout_height(text, font)
            if text_width > width:
                static = _static_text(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), font)
                text_width = static.size().width()
            share = _SHARES.get(alignment)
            if share is None:
                share = _SHARES[alignment] = (1.0 if alignment & _RIGHT else 0.5 if alignment & _HCENTER else 0.0)
            offset = (width - text_width) * share
            if len(self._texts) >= self.TEXT_CACHE:
                self._texts.clear()
            found = self._texts[key] = (static, offset, text_height)
        return found


def _static_text(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<" is not markup
    static.prepare(QTransform(), font)
    return static


def _layout_height(text: str, font: QFont) -> int:
    """The height of ``text`` laid out on one line, rounded as the style rounds it (its
    layout's bounding size, ``toSize``). Not ``QFontMetrics.height()`` nor the static
    text's height: on Windows fonts all three can differ by a pixel."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return int(layout.boundingRect().height() + 0.5)  # + 0.5: as qRound


def _runs(rows: list[tuple[int, int, int, list[Cell]]]) -> list[tuple[int, int]]:
    """(top, bottom) of each run of rows that follow one another on screen."""
    runs: list[tuple[int, int]] = []
    for _row, y, height, _cells in rows:
        if runs and runs[-1][1] == y - 1:
            runs[-1] = (runs[-1][0], y + height - 1)
        else:
            runs.append((y, y + height - 1))
    return runs
