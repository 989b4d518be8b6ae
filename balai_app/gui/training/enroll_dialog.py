"""Enroll one or several aktif residents in a batch, chosen from a searchable list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QDialog, QHeaderView

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.nik import mask
from balai_app.gui.training.training_models import CENTER, Column, RowsModel, error_labels, run_service, show_field_errors
from balai_app.gui.forms.ui_enroll_dialog import Ui_EnrollDialog
from balai_app.i18n import tr
from balai_app.services import training
from balai_app.services import enrollment
from balai_app.services.context import Actor
from balai_app.services.enrollment import default_start


SHORT_KLASTER = {"anak": "Anak", "disabilitas": "Disabilitas", "lansia": "Lansia", "napza": "NAPZA",
                 "tuna_sosial": "Tuna Sosial/KPO"}


def candidate_columns() -> list[Column]:
    return [
        Column("Pilih", lambda c: "", CENTER),
        Column("Nama", lambda c: c.name),
        Column("NIK", lambda c: mask(c.nik) if c.nik else tr("(tanpa NIK)"),
               color=lambda c: None if c.nik else "#6b7280"),
        Column("L/P", lambda c: c.sex, CENTER),
        Column("Klaster", lambda c: SHORT_KLASTER.get(c.klaster, c.klaster),
               tooltip=lambda c: codes.label(codes.KLASTER, c.klaster)),
        Column("Catatan", lambda c: "; ".join(x for x in (
            tr("sudah aktif di program ini") if c.open_program else "",
            "" if c.has_assessment else tr("belum diasesmen")) if x),
            color=lambda c: "#b91c1c" if c.open_program else ("#b45309" if not c.has_assessment else None)),
    ]


class EnrollDialog(QDialog):
    def __init__(self, actor: Actor, batch_id: int, parent=None):
        super().__init__(parent)
        self.actor, self.batch_id = actor, batch_id
        self.batch = training.get_batch(actor, batch_id)
        self.ui = Ui_EnrollDialog()
        self.ui.setupUi(self)
        self.labels = error_labels(self.ui)
        show_field_errors(self.labels, {}, self.ui.errorSummary)
        # A resident still aktif in this program cannot be chosen (the service would refuse).
        self.model = RowsModel(candidate_columns(), parent=self, checkable=True,
                               can_check=lambda c: not c.open_program)
        self.ui.candidates.setModel(self.model)
        self.ui.candidates.verticalHeader().setVisible(False)
        header = self.ui.candidates.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ui.candidates.doubleClicked.connect(self._toggle_row)
        self.model.checkedChanged.connect(self._update_chosen)
        start = default_start(self.batch)
        self.ui.start_date.setDate(QDate(start.year, start.month, start.day))
        self.free = self.batch.capacity - training.seats_in(batch_id)
        self.ui.batchLabel.setText(tr("{program} — {batch} ({a} s.d. {b}). Kursi tersisa: {free} dari {cap}.").format(
            program=self.batch.program_name, batch=self.batch.name, a=format_short(self.batch.start_date),
            b=format_short(self.batch.end_date), free=self.free, cap=self.batch.capacity))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.search)
        self.ui.search.textChanged.connect(lambda _t: self._timer.start())
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.enrolled: list = []
        self.resize(900, 600)
        self.search()
        self._update_chosen()

    def done(self, result: int) -> None:
        # A pending search must not run against a closed dialog (or another database).
        self._timer.stop()
        super().done(result)

    def search(self) -> None:
        self.model.set_rows(enrollment.enroll_candidates(self.actor, self.batch_id, self.ui.search.text()))

    def _toggle_row(self, index) -> None:
        record = self.model.row_at(index.row())
        if record is not None:
            self.model.set_checked(record.id, record.id not in self.model.checked_ids())

    def choose(self, resident_id: int, on: bool = True) -> None:
        self.model.set_checked(resident_id, on)

    def _update_chosen(self) -> None:
        chosen = self.model.checked_ids()
        names = {r.id: r.name for r in self.model.rows()}
        text = tr("Dipilih: {n} PM").format(n=len(chosen))
        if chosen:
            text += " — " + ", ".join(names.get(i, f"No. {i}") for i in chosen[:8]) + (" …" if len(chosen) > 8 else "")
        if len(chosen) > self.free:
            text += "  " + tr("(melebihi kursi tersisa: {free})").format(free=self.free)
        self.ui.chosenLabel.setText(text)
        ok = self.ui.buttons.button(self.ui.buttons.StandardButton.Ok)
        ok.setEnabled(bool(chosen))
        ok.setText(tr("Daftarkan"))
        cancel = self.ui.buttons.button(self.ui.buttons.StandardButton.Cancel)
        cancel.setText(tr("Batal"))

    def save(self) -> None:
        chosen = self.model.checked_ids()
        if not chosen:
            return
        date = self.ui.start_date.date()
        start = dt.date(date.year(), date.month(), date.day())

        def call(confirm: bool):
            return enrollment.enroll_many(self.actor, self.batch_id, chosen, start_date=start, confirm_warnings=confirm,
                                          reason=self.ui.reason.text())

        # Messages keyed by resident id name the resident, so they go to the summary as they are.
        result = run_service(self, call, labels=self.labels, summary=self.ui.errorSummary,
                             title=tr("Daftarkan peserta"))
        if result is not None:
            self.enrolled = result
            self.accept()


def enroll_resident(parent, actor: Actor, resident_id: int):
    """From a resident's detail: choose an open batch and enroll this resident (start date: the default).

    Returns the new enrollment, or None when cancelled or refused (the reason is shown)."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    batches = [b for b in training.list_batches(actor) if b.status in ("direncanakan", "berjalan")]
    batches.sort(key=lambda b: (b.program_name, b.start_date))
    if not batches:
        QMessageBox.information(parent, tr("Daftarkan ke pelatihan"),
                                tr("Belum ada angkatan yang direncanakan atau berjalan. Buat angkatan di menu "
                                   "Pelatihan › Angkatan."))
        return None
    labels = [tr("{program} — {batch} ({a} s.d. {b}), {n}/{cap} peserta").format(
        program=b.program_name, batch=b.name, a=format_short(b.start_date), b=format_short(b.end_date),
        n=b.participants, cap=b.capacity) for b in batches]
    choice, accepted = QInputDialog.getItem(parent, tr("Daftarkan ke pelatihan"), tr("Angkatan:"), labels, 0, False)
    if not accepted:
        return None
    batch = batches[labels.index(choice)]
    reason = ""
    question = enrollment.reason_needed(actor, batch.id, resident_id)
    if question:  # a PM under 15 in an adults-only program: only with a written reason (issue 14)
        reason, accepted = QInputDialog.getMultiLineText(parent, tr("Alasan pendaftaran"), question)
        if not accepted:
            return None
    return run_service(parent, lambda confirm: enrollment.enroll(actor, batch.id, resident_id,
                                                               confirm_warnings=confirm, reason=reason),
                       title=tr("Daftarkan ke pelatihan"))
