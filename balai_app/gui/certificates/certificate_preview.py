"""Pratinjau: the certificates' pages as rendered by QtPdf (on white), with print and save."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from balai_app.gui.certificates import certificate_actions
from balai_app.gui.certificates import certificate_print_worker as worker
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed

PREVIEW_LIMIT = 5  # certificates shown; printing and saving take them all
PREVIEW_DPI = 80


def fitting_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less so that the whole window with its frame and buttons stays
    inside the screen's work area (a 1366x768 laptop's task bar, a 1280x720 work area)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen else None
    if area is None:
        return QSize(width, height)
    frame = 40  # title bar and borders the window manager adds
    return QSize(min(width, area.width() - 16), min(height, area.height() - frame - 16))


class CertificatePreview(QDialog):
    def __init__(self, actor: Actor, certificate_ids: list[int], parent: QWidget | None = None):
        from PySide6.QtPdf import QPdfDocument

        super().__init__(parent)
        self.actor = actor
        self.ids = list(certificate_ids)
        self.setWindowTitle(tr("Pratinjau sertifikat"))
        self.resize(fitting_size(self, 1000, 760))
        layout = QVBoxLayout(self)
        shown = self.ids[:PREVIEW_LIMIT]
        items = certificates.render_list(actor, shown, printable=False)
        self.revoked = any(item["revoked"] for item in items)
        info = tr("{n} sertifikat").format(n=len(self.ids))
        if len(self.ids) > len(shown):
            info += tr(" (pratinjau {k} yang pertama)").format(k=len(shown))
        if self.revoked:
            info += tr(" — sertifikat yang dicabut hanya dapat dilihat, tidak dicetak")
        self.info = QLabel(info)
        layout.addWidget(self.info)

        self._data = worker.render_bytes(items)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        pages = QWidget()
        pages.setStyleSheet("background:#6b7280;")
        page_layout = QVBoxLayout(pages)
        page_layout.setSpacing(14)
        self.page_labels: list[QLabel] = []
        for page in range(self.document.pageCount()):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(worker.page_image(self.document, page, PREVIEW_DPI)))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(tr("Cetak…"))
        self.save_button = QPushButton(tr("Simpan PDF…"))
        can_print = allowed(actor, "certificates.print") and not self.revoked
        self.print_button.setEnabled(can_print)
        self.save_button.setEnabled(can_print)
        self.print_button.clicked.connect(self.print_all)
        self.save_button.clicked.connect(self.save_all)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.runner = None

    def print_all(self):
        self.runner = certificate_actions.print_certificates(self, self.actor, self.ids)
        return self.runner

    def save_all(self):
        self.runner = certificate_actions.save_pdf(self, self.actor, self.ids)
        return self.runner
