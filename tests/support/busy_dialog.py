"""Watching for the window's busy-wait dialog while a save waits on another program's lock."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from balai_app.gui.common.busy_wait import BusyWaitDialog


def watch_busy_dialog(on_dialog, seen: dict) -> QTimer:
    """Runs on the GUI thread while the save waits: proof that the window keeps answering.

    ``seen`` counts the ticks and records the dialog (and the tick it appeared at);
    ``on_dialog(dialog)`` is called once, when it first shows."""
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        seen["ticks"] = seen.get("ticks", 0) + 1
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, BusyWaitDialog) and w.isVisible()]
        if dialogs and "dialog" not in seen:
            seen["dialog"] = dialogs[0]
            seen["ticks_at_dialog"] = seen["ticks"]
            on_dialog(dialogs[0])

    timer.timeout.connect(tick)
    timer.start()
    return timer
