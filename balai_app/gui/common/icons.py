"""Icons for what the first window shows, applied once it has been painted.

qtawesome pulls in qtpy, whose star-imports of QtCore/QtGui/QtWidgets cost
about 0.2 s: more than building the whole main window. Widgets built before
the first paint ask for their icon through ``later``; the main window calls
``flush_after_first_paint(self)``, so the window appears at once and its icons
follow a moment later. Screens opened afterwards use ``qtawesome`` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

_pending: list[tuple[Callable[[QIcon], Any], str, dict[str, Any]]] = []
SAFETY_NET_MS = 500  # icons asked for with no window to wait for still arrive


def later(setter: Callable[[QIcon], Any], name: str, **options: Any) -> None:
    """Call ``setter(qta.icon(name, **options))`` soon, without importing qtawesome now."""
    if not _pending:
        QTimer.singleShot(SAFETY_NET_MS, flush)
    _pending.append((setter, name, options))


def flush() -> None:
    """Apply every pending icon now."""
    if not _pending:
        return
    import qtawesome as qta

    work = list(_pending)
    _pending.clear()
    for setter, name, options in work:
        try:
            setter(qta.icon(name, **options))
        except RuntimeError:  # the widget was closed and deleted before its icon came
            continue


class _FirstPaint(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, flush)
        return False


def flush_after_first_paint(window: QWidget) -> None:
    window.installEventFilter(_FirstPaint(window))
