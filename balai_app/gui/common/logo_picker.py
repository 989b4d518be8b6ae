"""Choosing the balai's logo, shared by the set-up wizard and the profile tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from balai_app.domain.errors import ValidationError
from balai_app.gui.common.form_errors import show_errors
from balai_app.i18n import tr
from balai_app.services import profile


def choose_logo_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Pilih logo balai"), "", tr("Gambar (*.png *.jpg *.jpeg)"))
    return Path(path) if path else None


def read_logo(ui, path: Path) -> bytes | None:
    """The file checked and scaled by the profile service, or None with the reason shown beside the logo."""
    try:
        return profile.prepare_logo(path.read_bytes())
    except OSError as exc:
        show_errors(ui, {"logo": tr("Berkas tidak dapat dibaca: {e}").format(e=exc.strerror or exc)})
    except ValidationError as exc:
        show_errors(ui, exc.errors)
    return None


def logo_pixmap(data: bytes, side: int) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
