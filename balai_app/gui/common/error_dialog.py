"""The unexpected-error dialog: what happened in Indonesian, where the log is, and the
program keeps running when it safely can.

``install()`` sets ``sys.excepthook`` (exceptions escaping a Qt slot end up there) and
``threading.excepthook``: the traceback goes to the log, the person gets a message.
Known kinds get a plain explanation: a database busy for longer than the wait, a
database that was switched to read-only because it is damaged.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from balai_app import log
from balai_app.i18n import tr

_showing = False


def explain(exc: BaseException) -> str:
    """The sentence for the person (Indonesian), by kind of error."""
    from balai_app.services.integrity import is_busy_error  # only once something failed: not at start-up

    if is_busy_error(exc):
        return tr("Basis data sedang dipakai untuk menyimpan oleh program atau komputer lain (misalnya impor besar "
                  "atau pemulihan cadangan) lebih lama dari waktu tunggu. Perubahan terakhir tidak disimpan; "
                  "coba lagi sebentar lagi.")
    if "readonly" in str(exc) or "read-only" in str(exc):
        return tr("Basis data sedang HANYA-BACA karena rusak; perubahan tidak disimpan. Pulihkan dari cadangan "
                  "(Pengaturan › Cadangan) atau hubungi petugas TI.")
    if isinstance(exc, MemoryError):
        return tr("Memori komputer tidak cukup untuk pekerjaan ini. Tutup program lain lalu coba lagi.")
    if isinstance(exc, OSError):
        return tr("Berkas atau folder tidak dapat dipakai: {e}").format(e=exc.strerror or exc)
    return tr("Terjadi kesalahan yang tidak terduga ({kind}). Pekerjaan yang belum disimpan mungkin perlu diulang.").format(
        kind=type(exc).__name__)


def message_box(exc: BaseException, details: str) -> QMessageBox:
    where = log.log_file()
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Terjadi kesalahan"),
                      explain(exc) + "\n\n" + tr("Program tetap berjalan. Rincian teknis dicatat di:\n{path}").format(
                          path=where))
    box.setObjectName("unexpectedErrorBox")
    box.setDetailedText(log.scrub(details))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def handle(exc_type, exc, tb) -> None:
    """Log the error and tell the person; the event loop goes on."""
    global _showing
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.get("gui").error("Kesalahan tak terduga:\n%s", details)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        message_box(exc, details).exec()
    finally:
        _showing = False


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    details = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    log.get("gui").error("Kesalahan di utas %s:\n%s", getattr(args.thread, "name", "?"), details)


def install() -> None:
    sys.excepthook = handle
    threading.excepthook = _thread_hook

