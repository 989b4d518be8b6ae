"""A long list's plain-text cells prepared for painting in one Python call each.

Qt's own delegate asks the model for eight roles of every cell it paints (font,
alignment, colour, check state, icon, display, background, ...), each a call
into the Python model. ``TextCellDelegate`` asks the model once per cell
(``cell(row, column)``: its text and alignment) and lets the style paint as
always, so the pixels are Qt's own (a test compares them); a search's repaint of
the register takes about a sixth less time. A cell the model does not describe
(``cell`` gives None: one with a colour of its own, or past the loaded rows) goes
through Qt's own preparation, which asks ``data()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

# (text, alignment or None for the view's own)
Cell = tuple[str, Qt.AlignmentFlag | None]

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay


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
        text, alignment = cell
        option.index = index
        option.styleObject = None  # as Qt's own: no style animations for item cells
        option.text = text.replace("\n", "\u2028") if "\n" in text else text  # as Qt's displayText
        option.features |= _HAS_DISPLAY
        if alignment is not None:
            option.displayAlignment = alignment
