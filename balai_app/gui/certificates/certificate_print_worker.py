"""Long certificate jobs off the GUI thread: one PDF, a folder of PDFs, or a print job.

The GUI thread reads the certificates (``services.certificates.render_list``)
and hands plain dicts to a ``CertificateJob``; the job runs in a ``QThread``,
reports ``progress(done, total)`` and stops at the next certificate when
``cancel()`` is called. Nothing here touches the database.

Printing renders each PDF page with QtPdf onto a white image (QtPdf renders a
transparent background) and paints it on the ``QPrinter``: one print job for
the whole batch.
"""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal

from balai_app.i18n import tr

PRINT_DPI_MAX = 300


def file_name(number: str) -> str:
    """A certificate number as a safe file name: 0007/SK-MJH/BRS-PL/XI/2026 -> 0007-SK-MJH-BRS-PL-XI-2026.pdf"""
    return re.sub(r"[^0-9A-Za-z._-]+", "-", number).strip("-") + ".pdf"


def render_bytes(items: list[dict[str, Any]], progress=None) -> bytes:
    from balai_app.documents.certificate import render_certificates

    out = io.BytesIO()
    render_certificates(items, out, progress=progress)
    return out.getvalue()


def page_image(document, page: int, dpi: float):
    """One page of a loaded ``QPdfDocument`` as an opaque white-backed QImage at ``dpi``."""
    from PySide6.QtGui import QColor, QImage, QPainter

    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


class CertificateJob(QObject):
    """``mode``: "pdf" (one file at ``target``), "folder" (one file per certificate in
    ``target``) or "print" (``printer``, a configured QPrinter)."""

    progress = Signal(int, int)
    finished = Signal(str)  # a message for the user
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, mode: str, items: list[dict[str, Any]], *, target: Path | None = None, printer=None):
        super().__init__()
        self.mode = mode
        self.items = items
        self.target = target
        self.printer = printer
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _tick(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._stop.is_set()

    def run(self) -> None:
        from balai_app.documents.certificate import Cancelled

        try:
            if self.mode == "pdf":
                data = render_bytes(self.items, self._tick)
                self.target.write_bytes(data)
                message = tr("{n} sertifikat disimpan ke {path}").format(n=len(self.items), path=self.target)
            elif self.mode == "folder":
                written = []
                total = len(self.items)
                for index, item in enumerate(self.items, 1):
                    if self._stop.is_set():
                        raise Cancelled()
                    path = self.target / file_name(item["number"])
                    path.write_bytes(render_bytes([item]))
                    written.append(path)
                    self.progress.emit(index, total)
                message = tr("{n} berkas PDF disimpan di {path}").format(n=len(written), path=self.target)
            elif self.mode == "print":
                self._print()
                message = tr("{n} sertifikat dikirim ke pencetak").format(n=len(self.items))
            else:
                raise ValueError(self.mode)
        except Cancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # a worker thread: reported to the user (and logged), never swallowed
            from balai_app import log

            logger = log.get("certificates")
            logger.exception("mencetak/menulis sertifikat gagal")
            self.failed.emit(str(exc) or exc.__class__.__name__)
            return
        self.finished.emit(message)

    def _print(self) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument

        from balai_app.documents.certificate import Cancelled

        total = len(self.items)
        # rendering is the first half of the work, painting the second
        data = render_bytes(self.items, lambda done, _t: self._tick(done, total * 2))
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise RuntimeError(tr("PDF sertifikat tidak dapat dibaca untuk dicetak."))
        printer = self.printer
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(tr("Pencetak tidak dapat dibuka."))
        try:
            pages = document.pageCount()
            for page in range(pages):
                if self._stop.is_set():
                    printer.abort()
                    raise Cancelled()
                if page:
                    printer.newPage()
                image = page_image(document, page, dpi)
                area = painter.viewport()
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect((area.width() - scaled.width()) // 2, (area.height() - scaled.height()) // 2,
                               scaled.width(), scaled.height())
                painter.drawImage(target, image)
                if page % 2 == 1:
                    self.progress.emit(total + (page + 1) // 2, total * 2)
        finally:
            painter.end()
            document.close()


def start(job: CertificateJob, parent: QObject) -> QThread:
    """Run ``job`` in a new thread owned by ``parent``; the thread ends itself when the job does."""
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    for signal in (job.finished, job.failed, job.cancelled):
        signal.connect(thread.quit)
    thread.finished.connect(job.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
