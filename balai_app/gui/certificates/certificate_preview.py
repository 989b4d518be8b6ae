"""Pratinjau: the certificates' pages as rendered by QtPdf (on white), with print and save."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from balai_app.gui.common.screen_fit import fit_to_work_area
from balai_app.gui.certificates import certificate_actions
from balai_app.gui.certificates import certificate_print_worker as worker
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed

PREVIEW_LIMIT = 5  # certificates shown; printing and saving take them all
PREVIEW_DPI = 80


class CertificatePreview(QDialog):
    def __init__(self, actor: Actor, certificate_ids: list[int], parent: QWidget | None = None):
        from PySide6.QtPdf import QPdfDocument

        super().__init__(parent)
        self.actor = actor
        self.ids = list(certificate_ids)
        self.setWindowTitle(tr("Pratinjau sertifikat"))
        fit_to_work_area(self, 1000, 760)  # a 1366×768 laptop keeps Cetak/Simpan/Tutup above the task bar
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
