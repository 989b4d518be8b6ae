"""Dialogs that fit the screen's work area: a 1366×768 laptop, or 1280×720 at 150 % scaling.

Title bars are not part of a widget's geometry; ``TITLE_BAR`` keeps room for
one so that the buttons at the bottom never fall below the task bar.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32
MARGIN = 8


def work_area(widget: QWidget | None = None) -> QRect:
    """The free area of the widget's screen (the primary screen before it is shown)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def room(widget: QWidget | None = None) -> QSize:
    """The largest size a window's client area may take on that screen."""
    area = work_area(widget)
    return QSize(area.width() - 2 * MARGIN, area.height() - TITLE_BAR - 2 * MARGIN)


def fit_to_work_area(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize to ``width``×``height`` (default: the current size), never larger than the work area."""
    wanted = QSize(width or widget.width(), height or widget.height())
    size = wanted.boundedTo(room(widget)).expandedTo(widget.minimumSize())
    widget.resize(size)
