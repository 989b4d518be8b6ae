"""Create or change a batch (angkatan)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog

from balai_app.domain import codes
from balai_app.gui.training.training_models import error_labels, indonesian_buttons, run_service, show_field_errors
from balai_app.gui.forms.ui_batch_dialog import Ui_BatchDialog
from balai_app.i18n import tr
from balai_app.services import training
from balai_app.services import curriculum
from balai_app.services.context import Actor
from balai_app.services.records import BatchRecord
from balai_app.gui.common.qt_dates import from_qdate, to_qdate




class BatchDialog(QDialog):
    def __init__(self, actor: Actor, batch: BatchRecord | None = None, parent=None, *, program_id: int | None = None):
        super().__init__(parent)
        self.actor, self.batch = actor, batch
        self.ui = Ui_BatchDialog()
        self.ui.setupUi(self)
        self.labels = error_labels(self.ui)
        show_field_errors(self.labels, {}, self.ui.errorSummary)
        self.setWindowTitle(tr("Ubah angkatan") if batch else tr("Angkatan baru"))
        self.days = {d: getattr(self.ui, f"day{d}") for d in training.WEEKDAYS}
        for program in curriculum.list_programs(actor, include_inactive=batch is not None):
            self.ui.program.addItem(f"{program.code} — {program.name}", program.id)
        self.ui.trainer.addItem(tr("(belum ditentukan)"), None)
        for user in training.trainers():
            self.ui.trainer.addItem(user.full_name, user.id)
        if batch is not None and batch.trainer_id and self.ui.trainer.findData(batch.trainer_id) < 0:
            self.ui.trainer.addItem(batch.trainer_name + tr(" (nonaktif)"), batch.trainer_id)
        if len(training.trainers()) == 0:
            self.ui.trainer.setToolTip(tr("Belum ada akun instruktur; instruktur dapat dipilih kemudian."))
        for code in codes.BATCH_STATUS:
            self.ui.status.addItem(codes.label(codes.BATCH_STATUS, code), code)
        self.ui.endHint.setVisible(False)
        self.ui.end_dateLabel.setVisible(False)
        today = dt.date.today()
        if batch is None:
            if program_id is not None:
                self.ui.program.setCurrentIndex(max(0, self.ui.program.findData(program_id)))
            self.ui.start_date.setDate(to_qdate(today))
            self.ui.end_date.setDate(to_qdate(today + dt.timedelta(weeks=12)))
            self.ui.capacity.setValue(20)
            for d in ("Sen", "Sel", "Rab", "Kam", "Jum"):
                self.days[d].setChecked(True)
            self.ui.timeStart.setTime(QTime(8, 0))
            self.ui.timeEnd.setTime(QTime(12, 0))
            self.ui.status.setCurrentIndex(self.ui.status.findData("direncanakan"))
            self.ui.program.currentIndexChanged.connect(self._suggest_end)
            self._suggest_end()
            self.ui.start_date.dateChanged.connect(self._suggest_end)
        else:
            self.ui.program.setCurrentIndex(self.ui.program.findData(batch.program_id))
            self.ui.name.setText(batch.name)
            self.ui.trainer.setCurrentIndex(max(0, self.ui.trainer.findData(batch.trainer_id)))
            self.ui.start_date.setDate(to_qdate(batch.start_date))
            self.ui.end_date.setDate(to_qdate(batch.end_date))
            days, start, end = training.parse_schedule(batch.schedule)
            for d in days:
                self.days[d].setChecked(True)
            if start and end:
                self.ui.timeStart.setTime(QTime.fromString(start, "HH:mm"))
                self.ui.timeEnd.setTime(QTime.fromString(end, "HH:mm"))
            self.ui.room.setText(batch.room)
            self.ui.capacity.setValue(batch.capacity)
            self.ui.status.setCurrentIndex(self.ui.status.findData(batch.status))
        indonesian_buttons(self.ui.buttons)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.saved: BatchRecord | None = None
        self.adjustSize()

    def _suggest_end(self) -> None:
        """A new batch's end follows the program's duration in weeks, if known."""
        program_id = self.ui.program.currentData()
        if not program_id:
            return
        program = curriculum.get_program(self.actor, program_id)
        start = from_qdate(self.ui.start_date.date())
        if program.weeks:
            self.ui.end_date.setDate(to_qdate(start + dt.timedelta(weeks=program.weeks) - dt.timedelta(days=1)))
        if not self.ui.name.isModified():
            self.ui.name.setText(training.suggest_batch_name(program.id, start.year))

    def schedule_text(self) -> str:
        days = [d for d, box in self.days.items() if box.isChecked()]
        start, end = self.ui.timeStart.time().toString("HH:mm"), self.ui.timeEnd.time().toString("HH:mm")
        return training.format_schedule(days, start, end) if days else ""

    def data(self) -> dict:
        return {
            "program": self.ui.program.currentData(),
            "name": self.ui.name.text(),
            "trainer": self.ui.trainer.currentData(),
            "start_date": from_qdate(self.ui.start_date.date()),
            "end_date": from_qdate(self.ui.end_date.date()),
            "schedule": self.schedule_text(),
            "room": self.ui.room.text(),
            "capacity": self.ui.capacity.value(),
            "status": self.ui.status.currentData(),
        }

    def save(self) -> None:
        data = self.data()
        if self.batch is None:
            call = lambda _c: training.create_batch(self.actor, data)  # noqa: E731
        else:
            batch_id, version = self.batch.id, self.batch.version
            call = lambda confirm: training.update_batch(  # noqa: E731
                self.actor, batch_id, data, expected_version=version, confirm_warnings=confirm)
        # an end_date message shows right under the period row (its own row has no label)
        result = run_service(self, call, labels=self.labels, summary=self.ui.errorSummary)
        if result is not None:
            self.saved = result
            self.accept()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ui.name.setFocus()
