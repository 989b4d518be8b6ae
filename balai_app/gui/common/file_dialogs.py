"""File dialogs that never open the files they list.

Qt's own file dialog asks the MIME database for each listed file's icon and
type, which opens and closes the file. On Linux and macOS, closing *any*
descriptor of a file drops every POSIX lock the process holds on it — so a
dialog that merely shows the folder of the open database silently released
SQLite's locks, and another process could then checkpoint and delete the WAL
under our feet (data loss, seen in testing). Every file dialog of the program
goes through this module: its icon provider answers from the file name alone.
On Windows the native dialogs are used (Windows file locks are not affected).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name only: the file is never opened."""

    def icon(self, what):  # noqa: D401 (Qt override)
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            kind = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
        elif what == QAbstractFileIconProvider.IconType.Folder:
            kind = QStyle.StandardPixmap.SP_DirIcon
        elif what == QAbstractFileIconProvider.IconType.Drive:
            kind = QStyle.StandardPixmap.SP_DriveHDIcon
        elif what == QAbstractFileIconProvider.IconType.Computer:
            kind = QStyle.StandardPixmap.SP_ComputerIcon
        else:
            kind = QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(kind)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"Berkas {suffix.upper()}" if suffix else "Berkas"


_PROVIDER: NameOnlyIconProvider | None = None


def _use_native() -> bool:
    return sys.platform == "win32"


def configure(dialog: QFileDialog) -> QFileDialog:
    """Make a QFileDialog safe next to an open SQLite database (see module doc)."""
    global _PROVIDER
    if _use_native():
        return dialog
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_PROVIDER)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    configure(dialog)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()


def get_open_file_name(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                       *args, **kwargs) -> tuple[str, str]:
    """Drop-in for ``QFileDialog.getOpenFileName``."""
    dialog = QFileDialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    files = _run(dialog)
    return (files[0], dialog.selectedNameFilter()) if files else ("", "")


def get_save_file_name(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                       *args, **kwargs) -> tuple[str, str]:
    """Drop-in for ``QFileDialog.getSaveFileName``."""
    dialog = QFileDialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files = _run(dialog)
    return (files[0], dialog.selectedNameFilter()) if files else ("", "")


def get_existing_directory(parent: QWidget | None, caption: str = "", directory: str = "", *args, **kwargs) -> str:
    """Drop-in for ``QFileDialog.getExistingDirectory``."""
    dialog = QFileDialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files = _run(dialog)
    return files[0] if files else ""


def install() -> None:
    """Route every ``QFileDialog.get*`` call of the program through the safe versions.

    Screens call ``QFileDialog.getSaveFileName(...)`` as usual (and tests
    monkeypatch those names as usual); this replaces the static functions once,
    at start, on platforms where listing a folder can drop SQLite's locks.
    """
    if _use_native() or getattr(QFileDialog, "_balai_safe", False):
        return
    QFileDialog.getOpenFileName = staticmethod(get_open_file_name)
    QFileDialog.getSaveFileName = staticmethod(get_save_file_name)
    QFileDialog.getExistingDirectory = staticmethod(get_existing_directory)
    QFileDialog._balai_safe = True
