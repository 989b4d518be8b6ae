"""Small summary tables that show every row: the page scrolls, not each table."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def fit_height(view: QTableView) -> None:
    """Make ``view`` exactly as tall as its header and rows (plus a scroll bar when too wide)."""
    view.resizeRowsToContents()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += view.verticalHeader().length()
    if view.horizontalHeader().length() > view.viewport().width():
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height + 2)
