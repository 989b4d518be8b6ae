"""Sesi & Presensi: a batch's sessions and attendance, unit assessment, the progress matrix, recaps.

An instruktur sees only his own batches (the services refuse the others) and
gets "Kelas saya" first: his running batches and today's session.
Laid out in ``ui/sessions_page.ui``; the attendance, assessment and progress editors are
their own widgets, put in place here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from balai_app.domain.dates import format_short
from balai_app.gui.common import elided_tooltips
from balai_app.gui.common.rows_model import CENTER, Column, RowsModel
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_sessions_page import Ui_SessionsPage
from balai_app.gui.sessions.attendance_grid import AttendanceEditor
from balai_app.gui.sessions.attendance_session_dialog import SessionDialog
from balai_app.gui.sessions.my_classes import MyClassesWidget
from balai_app.gui.sessions.progress_assessment import AssessmentEditor
from balai_app.gui.sessions.progress_matrix import ProgressMatrixView
from balai_app.i18n import tr
from balai_app.services import progress, sessions
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.services.sessions import SessionRow

WEEKDAYS = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]


def _grey_if_future(row: SessionRow) -> str | None:
    return "#6b7280" if row.date > dt.date.today() else None


def _held_unmarked(row: SessionRow) -> str | None:
    return "#fef3c7" if row.date <= dt.date.today() and row.marked == 0 else None  # held, no attendance yet


class SessionsModel(RowsModel):
    """A batch's sessions (``sessions.list_sessions``) over the one table model: a future
    session in grey, a held one without attendance amber, the counts H/I/S/A centred."""

    def __init__(self, parent=None):
        def count(header: str, tip: str, field: str) -> Column:
            return Column(header, lambda r: getattr(r, field), CENTER, _grey_if_future, header_tip=tr(tip))

        super().__init__([
            Column("Tanggal", lambda r: f"{WEEKDAYS[r.date.weekday()]} {format_short(r.date)}",
                   color=_grey_if_future, background=_held_unmarked),
            Column("Jam", lambda r: r.time, color=_grey_if_future),
            Column("Topik", lambda r: r.topic, color=_grey_if_future, tooltip=lambda r: r.topic),
            Column("Unit", lambda r: r.units, color=_grey_if_future, tooltip=lambda r: r.units),
            count("H", "Hadir", "present"), count("I", "Izin", "excused"),
            count("S", "Sakit", "sick"), count("A", "Alpa", "absent"),
        ], parent=parent)

    def row_of(self, session_id: int | None) -> int:
        return self.find(lambda r: r.id == session_id)


class SessionsPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id: int | None = None
        self.ui = Ui_SessionsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.batch_combo = ui.batchCombo
        self.recap_button = ui.recapButton
        self.recap_button.setIcon(qta.icon("fa5s.file-pdf"))
        menu = QMenu(self.recap_button)
        menu.addAction(tr("Rekap presensi bulanan (PDF)…"), lambda: self.export_recap("attendance", ".pdf"))
        menu.addAction(tr("Rekap presensi bulanan (XLSX)…"), lambda: self.export_recap("attendance", ".xlsx"))
        menu.addAction(tr("Rekap progres (PDF)…"), lambda: self.export_recap("progress", ".pdf"))
        menu.addAction(tr("Rekap progres (XLSX)…"), lambda: self.export_recap("progress", ".xlsx"))
        self.recap_button.setMenu(menu)
        self.message = ui.messageLabel

        self.tabs = ui.tabs
        self.attendance_tab = ui.attendanceTab
        self.tabs.setTabIcon(self.tabs.indexOf(self.attendance_tab), qta.icon("fa5s.clipboard-check"))
        self.my_classes: MyClassesWidget | None = None
        if actor.role == "instruktur":
            self.my_classes = MyClassesWidget(actor, self)
            self.my_classes.open_today.connect(self.open_today)
            self.my_classes.open_batch.connect(self.open_batch)
            self.tabs.insertTab(0, self.my_classes, qta.icon("fa5s.chalkboard-teacher"), tr("Kelas saya"))
            self.tabs.setCurrentIndex(0)  # an instruktur starts at his classes

        # sessions and attendance
        self.sessions_model = SessionsModel(self)
        self.sessions_table = ui.sessionsTable
        self.sessions_table.setModel(self.sessions_model)
        header = self.sessions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        elided_tooltips.install(self.sessions_table)  # a long topic: its whole text on hover
        self.sessions_table.doubleClicked.connect(lambda _i: self.edit_session())
        self.new_button, self.edit_button, self.delete_button = ui.newButton, ui.editButton, ui.deleteButton
        self.new_button.setIcon(qta.icon("fa5s.plus"))
        self.new_button.clicked.connect(lambda: self.new_session())
        self.edit_button.setIcon(qta.icon("fa5s.edit"))
        self.edit_button.clicked.connect(self.edit_session)
        self.delete_button.setIcon(qta.icon("fa5s.trash-alt"))
        self.delete_button.clicked.connect(self.delete_session)
        self.attendance = AttendanceEditor(actor, self)
        self.attendance.saved.connect(self._attendance_saved)
        split = ui.splitter
        split.replaceWidget(1, self.attendance)  # the form holds its place; the editor needs the actor
        ui.attendancePlaceholder.deleteLater()
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 700])

        self.assessment = AssessmentEditor(actor, self)
        self.assessment.saved.connect(lambda: self.matrix.load(self.batch_id))
        self.assessment_tab = self.assessment
        self.tabs.addTab(self.assessment, qta.icon("fa5s.award"), tr("Penilaian unit"))
        self.matrix = ProgressMatrixView(actor, self)
        self.tabs.addTab(self.matrix, qta.icon("fa5s.th"), tr("Progres"))

        can_edit = allowed(actor, "sessions.edit")
        self.new_button.setEnabled(can_edit)
        self.edit_button.setEnabled(can_edit)
        self.delete_button.setEnabled(can_edit)
        self.assessment.setEnabled(allowed(actor, "assess.edit"))
        self.batch_combo.currentIndexChanged.connect(self._batch_chosen)
        self.sessions_table.selectionModel().currentRowChanged.connect(self._session_chosen)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._loading = False

    # --- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        keep = self.batch_combo.currentData()
        self.batch_combo.clear()
        for b in sessions.visible_batches(self.actor):
            self.batch_combo.addItem(b.label, b.id)
        self._loading = False
        if self.batch_combo.count() == 0:
            self._show_message(tr("Belum ada angkatan yang dapat Anda buka."))
            self._set_batch(None)
        else:
            index = self.batch_combo.findData(keep)
            if index < 0:
                index = self._default_batch_index()
            if index == self.batch_combo.currentIndex():
                same = self.batch_combo.itemData(index) == self.batch_id
                self._set_batch(self.batch_combo.itemData(index), self.attendance.session_id if same else None)
            else:
                self.batch_combo.setCurrentIndex(index)
        if self.my_classes is not None:
            self.my_classes.refresh()

    def _default_batch_index(self) -> int:
        running = {b.batch.id for b in sessions.classes_today(self.actor)}
        for i in range(self.batch_combo.count()):
            if self.batch_combo.itemData(i) in running:
                return i
        return 0

    def _batch_chosen(self, index: int) -> None:
        if self._loading or index < 0:
            return
        batch_id = self.batch_combo.itemData(index)
        if batch_id != self.batch_id and not self._may_leave():
            self.batch_combo.blockSignals(True)
            self.batch_combo.setCurrentIndex(self.batch_combo.findData(self.batch_id))
            self.batch_combo.blockSignals(False)
            return
        self._set_batch(batch_id)

    def _set_batch(self, batch_id: int | None, session_id: int | None = None) -> None:
        self.batch_id = batch_id
        self._show_message("")
        self.recap_button.setEnabled(batch_id is not None)
        self.new_button.setEnabled(batch_id is not None and allowed(self.actor, "sessions.edit"))
        self._load_sessions(session_id)
        self._load_current_tab()

    def _load_sessions(self, select: int | None = None) -> None:
        rows = sessions.list_sessions(self.actor, self.batch_id) if self.batch_id is not None else []
        self.sessions_model.set_rows(rows)
        row = self.sessions_model.row_of(select)
        if row < 0 and rows:
            today = dt.date.today()
            past = [i for i, r in enumerate(rows) if r.date <= today]
            row = past[-1] if past else 0
        if row >= 0:
            self.sessions_table.selectRow(row)
            self.sessions_table.scrollTo(self.sessions_model.index(row, 0))
        else:
            self.attendance.load(None)

    def _session_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            if not self.sessions_model.rowCount():
                self.attendance.load(None)
            return
        session_id = self.sessions_model.row_at(current.row()).id
        if session_id == self.attendance.session_id:
            return
        if not self._may_leave():
            self.sessions_table.selectionModel().blockSignals(True)
            self.sessions_table.selectRow(previous.row())
            self.sessions_table.selectionModel().blockSignals(False)
            return
        self.attendance.load(session_id)

    def _tab_changed(self, _index: int) -> None:
        self._load_current_tab()

    def _load_current_tab(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.assessment:
            self.assessment.load(self.batch_id)
        elif widget is self.matrix:
            self.matrix.load(self.batch_id)
        elif widget is self.my_classes:
            self.my_classes.refresh()

    def can_leave(self) -> bool:
        """Asked by the main window before another section, signing out or closing."""
        return self._may_leave()

    def _may_leave(self) -> bool:
        """Unsaved attendance: save, throw away, or stay."""
        if not self.attendance.model.dirty():
            return True
        answer = QMessageBox.question(
            self, tr("Presensi belum disimpan"), tr("Presensi sesi ini belum disimpan. Simpan sekarang?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.attendance.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.attendance.reload()
            return True
        return False

    # --- actions -------------------------------------------------------------------------
    def open_batch(self, batch_id: int, session_id: int | None = None) -> None:
        index = self.batch_combo.findData(batch_id)
        if index < 0 or not self._may_leave():
            return
        self.batch_combo.blockSignals(True)
        self.batch_combo.setCurrentIndex(index)
        self.batch_combo.blockSignals(False)
        self.tabs.setCurrentWidget(self.attendance_tab)
        self._set_batch(batch_id, session_id)

    def open_today(self, batch_id: int, session_id: int | None) -> None:
        """From "Kelas saya": today's session of the batch, creating it first when there is none."""
        self.open_batch(batch_id, session_id)
        if session_id is None:
            self.new_session(dt.date.today())
        self.attendance.view.setFocus()

    def new_session(self, day: dt.date | None = None) -> None:
        if self.batch_id is None or not self._may_leave():
            return
        dialog = SessionDialog(self.actor, self.batch_id, None, self, default_date=day)
        if dialog.exec():
            self._load_sessions(dialog.session_id)
            self.attendance.load(dialog.session_id)
            self.attendance.view.setFocus()

    def edit_session(self) -> None:
        index = self.sessions_table.currentIndex()
        if self.batch_id is None or not index.isValid() or not allowed(self.actor, "sessions.edit"):
            return
        if not self._may_leave():
            return
        session_id = self.sessions_model.row_at(index.row()).id
        dialog = SessionDialog(self.actor, self.batch_id, session_id, self)
        if dialog.exec():
            self._load_sessions(session_id)
            self.attendance.load(session_id)

    def delete_session(self) -> None:
        """A session recorded by mistake; its marks go with it (the audit trail keeps them)."""
        index = self.sessions_table.currentIndex()
        if self.batch_id is None or not index.isValid() or not allowed(self.actor, "sessions.edit"):
            return
        row = self.sessions_model.row_at(index.row())
        text = tr("Hapus sesi {d} \u201c{topic}\u201d?").format(d=format_short(row.date), topic=row.topic)
        if row.marked:
            text += "\n" + tr("Presensi {n} peserta pada sesi ini ikut terhapus (tercatat di jejak audit).").format(
                n=row.marked)
        answer = QMessageBox.question(self, tr("Hapus sesi"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if service_call(self, lambda: sessions.delete_session(self.actor, row.id),
                        on_error=self._show_message) is FAILED:
            return
        if self.attendance.session_id == row.id:
            self.attendance.load(None)
        self._load_sessions()
        self._show_message(tr("Sesi dihapus."), ok=True)

    def _attendance_saved(self, session_id: int) -> None:
        self._load_sessions(session_id)
        self._show_message(tr("Presensi disimpan."), ok=True)

    def export_recap(self, kind: str, suffix: str) -> Path | None:
        """Ask for the month (attendance) and the file, write it, note it in the audit trail."""
        from balai_app.domain.dates import month_name
        from balai_app.services import exports

        if self.batch_id is None:
            return None
        batch_name = self.batch_combo.currentText().split(" — ")[0]
        batch_id = self.batch_id

        def ask_and_write() -> Path | None:
            if kind == "attendance":
                months = progress.attendance_months(self.actor, batch_id)
                if not months:
                    self._show_message(tr("Belum ada sesi terlaksana untuk direkap."))
                    return None
                labels = [month_name(y, m) for y, m in months]
                label, ok = QInputDialog.getItem(self, tr("Rekap presensi"), tr("Bulan:"), labels, len(labels) - 1,
                                                 False)
                if not ok:
                    return None
                year, month = months[labels.index(label)]
                default = f"Presensi {batch_name} {year}-{month:02d}{suffix}"
            else:
                default = f"Progres {batch_name}{suffix}"
            filter_ = tr("PDF (*.pdf)") if suffix == ".pdf" else tr("Excel (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, tr("Simpan rekap"), str(Path.home() / default), filter_)
            if not path:
                return None
            target = Path(path)
            if target.suffix.lower() != suffix:
                target = target.with_name(target.name + suffix)
            if kind == "attendance":
                exports.attendance_recap(self.actor, batch_id, year, month, target)
            else:
                exports.progress_recap(self.actor, batch_id, target)
            return target

        target = service_call(self, ask_and_write, also=(OSError,), on_error=self._show_message)
        if target is FAILED or target is None:
            return None
        self._show_message(tr("Rekap disimpan: {path}").format(path=str(target)), ok=True)
        return target

    def _show_message(self, text: str, ok: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color:#166534;" if ok else "color:#b91c1c;")
        self.message.setVisible(bool(text))
