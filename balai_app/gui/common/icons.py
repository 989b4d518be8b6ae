"""Icons for what the first window shows, applied once it has been painted.

qtawesome pulls in qtpy, whose star-imports of QtCore/QtGui/QtWidgets cost
about 0.2 s: more than building the whole main window. Widgets built before
the first paint ask for their icon through ``later``; the main window calls
``flush_after_first_paint(self)``, so the window appears at once and its icons
follow a moment later. Screens opened afterwards use ``qtawesome`` directly.

The import itself (qtpy's star-imports, ~0.3 s on an idle Core i3, seconds on
a busy one) runs on a thread: the GUI thread keeps handling input meanwhile
(the import gives the interpreter up every few milliseconds); the icons are
drawn on the GUI thread once it is done.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

_pending: list[tuple[Callable[[QIcon], Any], str, dict[str, Any]]] = []
SAFETY_NET_MS = 500  # icons asked for with no window to wait for still arrive


def later(setter: Callable[[QIcon], Any], name: str, **options: Any) -> None:
    """Call ``setter(qta.icon(name, **options))`` soon, without importing qtawesome now
    (at once when the first window's icons have come already)."""
    if _imported.is_set() and not _pending:
        import qtawesome as qta

        setter(qta.icon(name, **options))
        return
    if not _pending:
        QTimer.singleShot(SAFETY_NET_MS, flush)
    _pending.append((setter, name, options))


class _Imported(QObject):
    done = Signal()


_importer: _Imported | None = None
_imported = threading.Event()  # the background import ended (well or not)


def _import_in_background() -> None:
    """Import qtawesome on a thread, then ``flush`` on the GUI thread."""
    global _importer
    if _importer is not None:
        return
    relay = _importer = _Imported()
    relay.done.connect(flush, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            import qtawesome  # noqa: F401
        except Exception:  # noqa: BLE001 - flush imports it again on the GUI thread, where the error shows
            pass
        finally:
            _imported.set()
            relay.done.emit()

    threading.Thread(target=work, name="balai-icons-import", daemon=True).start()


def flush() -> None:
    """Apply every pending icon now (once qtawesome is imported; until then it is imported on a thread)."""
    if not _pending:
        return
    ready = _imported.is_set() or (_importer is None and "qtawesome" in sys.modules)
    if not ready:
        _import_in_background()  # the thread's end calls flush again
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
