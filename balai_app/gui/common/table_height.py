"""Small summary tables that show every row: the page scrolls, not each table."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def fit_height(view: QTableView, width: int | None = None) -> None:
    """Make ``view`` exactly as tall as its header and rows (plus a scroll bar when too wide).

    ``width``: the width just given to ``view``, which its viewport follows only once laid out.
    """
    view.resizeRowsToContents()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += view.verticalHeader().length()
    columns_room = view.viewport().width() if width is None else width - 2 * view.frameWidth()
    if view.horizontalHeader().length() > columns_room:
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height + 2)
