"""New or changed training session: date, times, topic, units covered, notes.

While the date changes, the dialog lists the participants whose enrollment
period contains it: exactly the rows the attendance grid will show.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from balai_app.domain.dates import format_short
from balai_app.gui.common.form_errors import clear_errors, show_errors
from balai_app.gui.common.qt_dates import from_qdate, to_qdate
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_session_dialog import Ui_SessionDialog
from balai_app.i18n import tr
from balai_app.services import batch_ready, sessions
from balai_app.services.context import Actor


class SessionDialog(QDialog):
    def __init__(self, actor: Actor, batch_id: int, session_id: int | None = None, parent: QWidget | None = None,
                 *, default_date: dt.date | None = None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id = batch_id
        self.session_id = session_id
        self.session = None
        self.ui = Ui_SessionDialog()
        self.ui.setupUi(self)
        batch = sessions.batch_for(actor, batch_id)
        choice = batch_ready.batch_choice(actor, batch_id)
        # An instruktur may train several batches of the same name in different programs.
        self.ui.batchLabel.setText(tr("<b>{program}</b> ({code}) — {batch}, {a} s.d. {b}").format(
            program=html.escape(choice.program_name), code=html.escape(choice.program_code),
            batch=html.escape(choice.name), a=format_short(choice.start_date), b=format_short(choice.end_date)))
        self.ui.batchLabel.setToolTip(tr("Program dan angkatan sesi ini"))
        self.setWindowTitle(tr("Sesi baru — {program}, {batch}").format(program=choice.program_name,
                                                                         batch=choice.name))
        self.ui.dateEdit.setMinimumDate(to_qdate(batch.start_date))
        self.ui.dateEdit.setMaximumDate(to_qdate(batch.end_date))
        for unit in sessions.batch_units(actor, batch_id):
            item = QListWidgetItem(f"{unit.code or tr('Unit {n}').format(n=unit.position)} — {unit.title}")
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.unitsList.addItem(item)
        if session_id is not None:
            self.session = sessions.get_session(actor, session_id)
            self.setWindowTitle(tr("Ubah sesi — {program}, {batch}").format(program=choice.program_name,
                                                                             batch=choice.name))
            self.ui.dateEdit.setDate(to_qdate(self.session.date))
            self.ui.startTimeEdit.setText(self.session.start_time)
            self.ui.endTimeEdit.setText(self.session.end_time)
            self.ui.topicEdit.setText(self.session.topic)
            self.ui.notesEdit.setPlainText(self.session.notes)
            covered = set(sessions.session_unit_ids(session_id))
            for i in range(self.ui.unitsList.count()):
                item = self.ui.unitsList.item(i)
                if item.data(Qt.ItemDataRole.UserRole) in covered:
                    item.setCheckState(Qt.CheckState.Checked)
        else:
            day = default_date or dt.date.today()
            day = min(max(day, batch.start_date), batch.end_date)
            self.ui.dateEdit.setDate(to_qdate(day))
            start, end = _times_from_schedule(batch.schedule)
            self.ui.startTimeEdit.setText(start)
            self.ui.endTimeEdit.setText(end)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.dateEdit.dateChanged.connect(self._show_participants)
        clear_errors(self.ui, self.ui.formError)
        self._show_participants()
        self.ui.topicEdit.setFocus()

    def data(self) -> dict:
        units = [self.ui.unitsList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.ui.unitsList.count())
                 if self.ui.unitsList.item(i).checkState() == Qt.CheckState.Checked]
        return {
            "date": from_qdate(self.ui.dateEdit.date()),
            "start_time": self.ui.startTimeEdit.text(),
            "end_time": self.ui.endTimeEdit.text(),
            "topic": self.ui.topicEdit.text(),
            "notes": self.ui.notesEdit.toPlainText(),
            "units": units,
        }

    def _show_participants(self) -> None:
        day = from_qdate(self.ui.dateEdit.date())
        people = sessions.participants(self.actor, self.batch_id, on=day)
        self.ui.participantsList.clear()
        self.ui.participantsList.addItems([p.name for p in people])
        self.ui.participantsList.setVisible(bool(people))
        if not people:
            self.ui.participantsLabel.setText(tr("Tidak ada peserta yang terdaftar pada tanggal ini."))
        else:
            self.ui.participantsLabel.setText(
                tr("{n} peserta terdaftar pada tanggal ini (masuk daftar presensi):").format(n=len(people)))

    def save(self) -> None:
        current = self.session

        def write():
            if current is None:
                return sessions.create_session(self.actor, self.batch_id, self.data())
            return sessions.update_session(self.actor, current.id, self.data(), expected_version=current.version)

        saved = service_call(self, write, on_errors=lambda errors: show_errors(self.ui, errors, self.ui.formError),
                             on_error=lambda text: show_errors(self.ui, {"form": text}, self.ui.formError))
        if saved is FAILED:
            return
        self.session = saved
        self.session_id = saved.id
        self.accept()


def _times_from_schedule(text: str) -> tuple[str, str]:
    for word in (text or "").split():
        if "-" in word and ":" in word:
            start, _, end = word.partition("-")
            return start, end
    return "", ""
