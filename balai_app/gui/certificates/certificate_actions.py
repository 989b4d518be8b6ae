"""Print, save as one PDF, or save one PDF per certificate: with a progress bar and a cancel
button, the work in a thread (``certificate_print_worker``), the result recorded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.certificates import certificate_print_worker as worker
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.context import Actor


def choose_printer(parent: QWidget | None):
    """The QPrintDialog, A4 landscape preset and landscape enforced after it; None when cancelled."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Cetak sertifikat"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    enforce_landscape(printer)
    return printer


def enforce_landscape(printer) -> None:
    """Certificates are landscape whatever was picked in the dialog, printed at true size."""
    from PySide6.QtGui import QPageLayout

    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)


class Runner(QObject):
    """One running job with its progress dialog; keeps itself alive until done."""

    def __init__(self, parent: QWidget, actor: Actor, ids: list[int], job: worker.CertificateJob, how: str,
                 copies: int = 1, note: str = ""):
        super().__init__(parent)
        self.note = note  # e.g. the revoked certificates left out
        self.parent_widget = parent
        self.actor = actor
        self.ids = ids
        self.job = job
        self.how = how
        self.copies = copies
        self.message = ""
        self.outcome = ""  # finished | failed | cancelled
        self.dialog = QProgressDialog(tr("Menyiapkan sertifikat…"), tr("Batal"), 0, len(ids), parent)
        self.dialog.setWindowTitle(tr("Sertifikat"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(job.cancel, Qt.ConnectionType.DirectConnection)  # the job's thread is busy
        job.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        job.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        job.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.thread: QThread = worker.start(job, self)

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(tr("Sertifikat {done} dari {total}…").format(done=min(done, len(self.ids)),
                                                                             total=len(self.ids)))

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()

    def _finished(self, message: str) -> None:
        self._close()
        self.outcome, self.message = "finished", message
        refused: list[str] = []  # the print happened; a refusal to record it is said with the result
        service_call(self.parent_widget, lambda: certificates.record_print(self.actor, self.ids, self.copies,
                                                                           self.how), on_error=refused.append)
        if refused:
            message += "\n" + refused[0]
        if self.note:
            message += "\n" + self.note
            self.message = message
        QMessageBox.information(self.parent_widget, tr("Sertifikat"), message)

    def _failed(self, message: str) -> None:
        self._close()
        self.outcome, self.message = "failed", message
        QMessageBox.warning(self.parent_widget, tr("Sertifikat"), tr("Gagal: {m}").format(m=message))

    def _cancelled(self) -> None:
        self._close()
        self.outcome, self.message = "cancelled", tr("Dibatalkan.")


def _items(parent: QWidget, actor: Actor, ids: list[int]):
    items = service_call(parent, lambda: certificates.render_list(actor, ids), title=tr("Sertifikat"))
    return None if items is FAILED else items


def print_certificates(parent: QWidget, actor: Actor, ids: list[int], note: str = "") -> Runner | None:
    if not ids:
        QMessageBox.information(parent, tr("Sertifikat"), note or tr("Tidak ada sertifikat berlaku untuk dicetak."))
        return None
    items = _items(parent, actor, ids)
    if not items:
        return None
    printer = choose_printer(parent)
    if printer is None:
        return None
    job = worker.CertificateJob("print", items, printer=printer)
    return Runner(parent, actor, ids, job, "printer", printer.copyCount(), note)


def print_batch(parent: QWidget, actor: Actor, batch_id: int) -> Runner | None:
    """Every valid certificate of a batch in ascending number order, straight to the print
    dialog; revoked ones are skipped and named in the result."""
    chosen = certificates.batch_print_set(actor, batch_id)
    if not chosen.ids:
        QMessageBox.information(parent, tr("Cetak sertifikat angkatan"), " ".join(
            [tr("Angkatan ini belum memiliki sertifikat yang berlaku."), chosen.note()]).strip())
        return None
    return print_certificates(parent, actor, list(chosen.ids), note=chosen.note())


def save_pdf(parent: QWidget, actor: Actor, ids: list[int], note: str = "") -> Runner | None:
    if not ids:
        QMessageBox.information(parent, tr("Sertifikat"), note or tr("Tidak ada sertifikat berlaku untuk disimpan."))
        return None
    items = _items(parent, actor, ids)
    if not items:
        return None
    suggested = worker.file_name(items[0]["number"]) if len(items) == 1 else tr("sertifikat.pdf")
    path, _ = QFileDialog.getSaveFileName(parent, tr("Simpan PDF sertifikat"), suggested, tr("PDF (*.pdf)"))
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    return Runner(parent, actor, ids, worker.CertificateJob("pdf", items, target=target), "pdf", note=note)


def save_folder(parent: QWidget, actor: Actor, ids: list[int], note: str = "") -> Runner | None:
    if not ids:
        QMessageBox.information(parent, tr("Sertifikat"), note or tr("Tidak ada sertifikat berlaku untuk disimpan."))
        return None
    items = _items(parent, actor, ids)
    if not items:
        return None
    folder = QFileDialog.getExistingDirectory(parent, tr("Folder untuk PDF sertifikat"))
    if not folder:
        return None
    return Runner(parent, actor, ids, worker.CertificateJob("folder", items, target=Path(folder)), "pdf", note=note)
