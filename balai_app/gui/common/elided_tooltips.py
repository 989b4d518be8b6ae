"""A cell whose text is cut off ("Tuna Sosial dan Korban Perd…") shows its whole text as a tooltip.

Install on a table view once: ``install(view)``. A tooltip the model gives
itself (``ToolTipRole``) always wins; otherwise the display text is shown when,
and only when, it does not fit its column.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QToolTip

# Room the style takes around a cell's text (margins, focus frame).
PADDING = 12


def is_elided(view: QAbstractItemView, index) -> bool:
    """True when the display text of ``index`` is wider than its cell."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None:
        return False
    text = str(text)
    rect = view.visualRect(index)
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    from PySide6.QtGui import QFontMetrics

    widest = max((QFontMetrics(font).horizontalAdvance(line) for line in text.splitlines() or [""]), default=0)
    return widest + PADDING > rect.width()


def tooltip_for(view: QAbstractItemView, index) -> str:
    """The tooltip to show over ``index`` ('' for none)."""
    if not index.isValid():
        return ""
    own = index.data(Qt.ItemDataRole.ToolTipRole)
    if own:
        return str(own)
    return str(index.data(Qt.ItemDataRole.DisplayRole)) if is_elided(view, index) else ""


class _ElidedTooltips(QObject):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            index = self.view.indexAt(event.pos())
            text = tooltip_for(self.view, index)
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport(), self.view.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return False


def install(view: QAbstractItemView) -> None:
    """Show the whole text of cut-off cells of ``view`` as tooltips (once per view)."""
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if view.viewport().findChild(_ElidedTooltips) is None and not any(
            isinstance(child, _ElidedTooltips) for child in view.children()):
        view.viewport().installEventFilter(_ElidedTooltips(view))
