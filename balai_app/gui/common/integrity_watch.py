"""The full integrity check, run in the background right after the window opens.

Why in the background: ``PRAGMA integrity_check`` (which, unlike the start-up
``quick_check``, compares every index with its table) takes about 0.5–0.8 s on
a 50,000-PM database on a busy 2-core PC (``quick_check``: 50 ms), too long for
the path to the first window. It reads through its own read-only connection in
a worker thread. When it finds damage the open database is switched to
read-only (``PRAGMA query_only``; nothing more is written into a damaged file),
a red banner says so in every window, and a message tells the person what to do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from balai_app.services.integrity import read_only_reason, set_read_only
from balai_app.i18n import tr

BANNER_NAME = "readOnlyBanner"
BANNER_STYLE = "background:#b91c1c; color:white; font-weight:bold; padding:6px;"


class _CheckThread(QThread):
    finished_check = Signal(list)  # the problems found; empty when sound

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path

    def run(self) -> None:
        from balai_app.services import integrity

        try:
            result = integrity.check_file(self.path, quick=False, foreign_keys=False)
            problems = list(result.problems)
        except Exception as exc:  # noqa: BLE001 (the check must never take the program down)
            problems = [str(exc)]
        self.finished_check.emit(problems)


def banner_text() -> str:
    return tr("HANYA-BACA: basis data rusak ({reason}). Data dapat dilihat dan diekspor, tetapi tidak "
              "dapat diubah. Pulihkan dari cadangan di Pengaturan › Cadangan.").format(reason=read_only_reason())


def show_banner(window: QMainWindow) -> QLabel | None:
    """Put the read-only banner at the top of ``window`` (once); None when writable."""
    if read_only_reason() is None:
        return None
    banner = window.findChild(QLabel, BANNER_NAME)
    if banner is None:
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is None:
            return None
        banner = QLabel(central)
        banner.setObjectName(BANNER_NAME)
        banner.setWordWrap(True)
        banner.setStyleSheet(BANNER_STYLE)
        layout.insertWidget(0, banner)
    banner.setText(banner_text())
    banner.show()
    return banner


class IntegrityWatch(QObject):
    """Starts the check; ``damaged`` is emitted (in the GUI thread) when it fails."""

    damaged = Signal(str)
    done = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.problems: list[str] | None = None
        self.window: QMainWindow | None = None
        self._thread = _CheckThread(self.path, self)
        self._thread.finished_check.connect(self._finished)

    def start(self) -> None:
        self._thread.start()

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def watch_window(self, window: QMainWindow) -> None:
        """The window (main window after each sign-in) that gets the banner."""
        self.window = window
        show_banner(window)

    def _finished(self, problems: list) -> None:
        self.problems = problems
        if problems:
            first = problems[0]
            set_read_only(first)
            if self.window is not None:
                show_banner(self.window)
            self.damaged.emit(first)
            parent = self.window if isinstance(self.window, QWidget) else None
            box = QMessageBox(QMessageBox.Icon.Critical, tr("Basis data rusak"), tr(
                "Pemeriksaan lengkap menemukan kerusakan pada basis data '{path}':\n- {problems}\n\n"
                "Agar tidak bertambah rusak, basis data kini HANYA-BACA: data dapat dilihat dan diekspor, "
                "tetapi tidak diubah. Pulihkan cadangan sehat terbaru (Pengaturan › Cadangan) atau hubungi "
                "petugas TI.").format(path=self.path, problems="\n- ".join(problems[:5])),
                QMessageBox.StandardButton.Ok, parent)
            box.setObjectName("integrityDamagedBox")
            box.setModal(False)
            box.show()
            self._box = box
        self.done.emit()
