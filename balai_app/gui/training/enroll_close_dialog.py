"""Closing enrollments: one participant (lulus, mengundurkan diri, dikeluarkan), or every open
enrollment of a resident who leaves the balai.

For the residents screen: call ``ask_close_open_enrollments(parent, actor, resident_id, exit_date)``
before saving a status change away from Aktif. It returns True when there was nothing open or the
enrollments were closed, False when the user cancelled (then do not save the status change).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.gui.training.training_models import error_labels, indonesian_buttons, run_service, show_field_errors
from balai_app.gui.forms.ui_enroll_close_dialog import Ui_EnrollCloseDialog
from balai_app.i18n import tr
from balai_app.services import enrollment
from balai_app.services.context import Actor


class EnrollCloseDialog(QDialog):
    """Asks status, date and reason; ``call(status, date, reason)`` does the closing."""

    def __init__(self, intro: str, statuses: list[str], call, *, date: dt.date | None = None, reason: str = "",
                 parent: QWidget | None = None, title: str = ""):
        super().__init__(parent)
        self.ui = Ui_EnrollCloseDialog()
        self.ui.setupUi(self)
        self.call = call
        self.labels = error_labels(self.ui)
        show_field_errors(self.labels, {}, self.ui.errorSummary)
        if title:
            self.setWindowTitle(title)
        self.ui.intro.setText(intro)
        for status in statuses:
            self.ui.status.addItem(codes.label(codes.ENROLLMENT_STATUS, status), status)
        single = len(statuses) == 1
        self.ui.status.setVisible(not single)
        self.ui.statusLabel.setVisible(not single)
        when = date or dt.date.today()
        self.ui.date.setDate(QDate(when.year, when.month, when.day))
        self.ui.date.setMaximumDate(QDate.currentDate())
        self.ui.reason.setPlainText(reason)
        self.ui.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        indonesian_buttons(self.ui.buttons)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.result_value = None

    def _status_changed(self, *_args) -> None:
        lulus = self.ui.status.currentData() == "lulus"
        self.ui.reasonLabel.setText(tr("Keterangan") if lulus else tr("Alasan"))

    def save(self) -> None:
        d = self.ui.date.date()
        when = dt.date(d.year(), d.month(), d.day())
        status, reason = self.ui.status.currentData(), self.ui.reason.toPlainText()
        result = run_service(self, lambda _c: self.call(status, when, reason) or True, labels=self.labels,
                             summary=self.ui.errorSummary)
        if result is not None:
            self.result_value = result
            self.accept()


def close_participant(parent: QWidget, actor: Actor, row, status: str) -> bool:
    """Record lulus / mengundurkan diri / dikeluarkan for one participant row."""
    verbs = {"lulus": tr("Tandai lulus"), "mengundurkan_diri": tr("Mengundurkan diri"),
             "dikeluarkan": tr("Keluarkan dari angkatan")}
    funcs = {
        "lulus": lambda s, d, r: enrollment.complete(actor, row.enrollment_id, d, expected_version=row.version),
        "mengundurkan_diri": lambda s, d, r: enrollment.withdraw(actor, row.enrollment_id, d, r,
                                                              expected_version=row.version),
        "dikeluarkan": lambda s, d, r: enrollment.remove(actor, row.enrollment_id, d, r, expected_version=row.version),
    }
    intro = tr("{name}: {what}. Mulai {start}.").format(name=row.name, what=verbs[status],
                                                        start=format_short(row.start_date))
    if status == "lulus":
        intro += " " + tr("Tanggal lulus menjadi akhir periode keikutsertaan.")
    dialog = EnrollCloseDialog(intro, [status], funcs[status], parent=parent, title=verbs[status])
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_close_open_enrollments(parent: QWidget, actor: Actor, resident_id: int,
                               exit_date: dt.date | None = None) -> bool:
    """When a resident leaves the balai: ask what happens to their open enrollments.

    True: nothing open, or all closed. False: the user cancelled.
    """
    rows = enrollment.open_enrollments_of_resident(actor, resident_id)
    if not rows:
        return True
    listing = "\n".join(f"• {r.program_name} — {r.batch_name} ({tr('mulai')} {format_short(r.start_date)})"
                        for r in rows)
    intro = tr("PM ini masih terdaftar aktif di pelatihan berikut:\n{listing}\n\nBagaimana keikutsertaannya "
               "ditutup? (Batal: status PM tidak diubah.)").format(listing=listing)
    dialog = EnrollCloseDialog(
        intro, ["mengundurkan_diri", "lulus", "dikeluarkan"],
        lambda status, when, reason: enrollment.close_open_enrollments(actor, resident_id, when, status, reason),
        date=min(exit_date or dt.date.today(), dt.date.today()), reason=tr("Keluar dari balai"), parent=parent,
        title=tr("Pelatihan yang masih berjalan"))
    return dialog.exec() == QDialog.DialogCode.Accepted
