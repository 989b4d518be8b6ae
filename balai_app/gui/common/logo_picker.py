"""Choosing the balai's logo, shared by the set-up wizard and the profile tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from balai_app.gui.common.form_errors import show_errors
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import profile


def choose_logo_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Pilih logo balai"), "", tr("Gambar (*.png *.jpg *.jpeg)"))
    return Path(path) if path else None


def read_logo(ui, path: Path) -> bytes | None:
    """The file checked and scaled by the profile service, or None with the reason shown beside the logo."""
    data = service_call(None, lambda: profile.prepare_logo(path.read_bytes()), also=(OSError,),
                        on_errors=lambda errors: show_errors(ui, errors),
                        on_error=lambda text: show_errors(ui, {"logo": text}))
    return None if data is FAILED else data


def logo_pixmap(data: bytes, side: int) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
