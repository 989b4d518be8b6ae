"""Competency-unit assessment, in bulk: one unit across the batch, or one participant across units.

Type K (Kompeten) or B (Belum Kompeten) on a row, Delete to clear it; score
and evidence per row, date/method/assessor for the whole entry. Saving adds
new rows (a re-assessment never overwrites: history is kept, the latest
counts) in one transaction.

Laid out in ``ui/progress_assessment.ui``; the table is ``assessment_table.AssessmentView``.
"""

from __future__ import annotations

import datetime as dt

import qtawesome as qta
from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_progress_assessment import Ui_AssessmentEditor
from balai_app.gui.sessions.assessment_table import (
    BY_PARTICIPANT,
    BY_UNIT,
    COL_EVIDENCE,
    COL_NEW,
    COL_TARGET,
    AssessmentModel,
    EntryRow,
    ResultDelegate,
)
from balai_app.i18n import tr
from balai_app.services import progress, unit_assessments
from balai_app.services.context import Actor
from balai_app.services.unit_assessments import UnitVerdict


class AssessmentEditor(QWidget):
    saved = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id: int | None = None
        self.matrix = None
        self.ui = Ui_AssessmentEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self.mode = ui.modeCombo
        self.mode.addItem(tr("Satu unit untuk semua peserta"), BY_UNIT)
        self.mode.addItem(tr("Satu peserta untuk semua unit"), BY_PARTICIPANT)
        self.target = ui.targetCombo
        self.date = ui.dateEdit
        today = dt.date.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.method = ui.methodCombo
        for code, label in codes.ASSESSMENT_METHODS.items():
            self.method.addItem(tr(label), code)
        self.assessor = ui.assessorEdit
        self.model = AssessmentModel(self)
        self.table = ui.assessmentTable
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_NEW, ResultDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_EVIDENCE, 220)
        self.history = ui.historyLabel
        self.error = ui.errorLabel
        self.hint = ui.hintLabel
        self.save_button = ui.saveButton
        self.save_button.setIcon(qta.icon("fa5s.save"))
        self.save_button.clicked.connect(self.save)
        self.mode.currentIndexChanged.connect(self._fill_targets)
        self.target.currentIndexChanged.connect(self._fill_rows)
        self.model.changed.connect(self._update_state)
        self.table.selectionModel().currentRowChanged.connect(self._show_history)
        self._update_state()

    def load(self, batch_id: int | None) -> None:
        self.batch_id = batch_id
        self.matrix = progress.batch_matrix(self.actor, batch_id) if batch_id is not None else None
        self._fill_targets()

    def _fill_targets(self) -> None:
        keep = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        if self.matrix:
            if self.mode.currentData() == BY_UNIT:
                for u in self.matrix.units:
                    self.target.addItem(f"{u.short} — {u.title}", u.id)
            else:
                for p in self.matrix.rows:
                    self.target.addItem(p.name, p.enrollment_id)
        index = self.target.findData(keep)
        self.target.setCurrentIndex(index if index >= 0 else 0)
        self.target.blockSignals(False)
        self._fill_rows()

    def _fill_rows(self) -> None:
        self.error.clear()
        rows: list[EntryRow] = []
        key = self.target.currentData()
        if self.matrix and key is not None:
            if self.mode.currentData() == BY_UNIT:
                rows = [EntryRow(p.enrollment_id, key, p.name, p.unit_results.get(key)) for p in self.matrix.rows]
                header = tr("Peserta")
            else:
                p = next(r for r in self.matrix.rows if r.enrollment_id == key)
                rows = [EntryRow(p.enrollment_id, u.id, f"{u.short} — {u.title}", p.unit_results.get(u.id))
                        for u in self.matrix.units]
                header = tr("Unit kompetensi")
            self.model.load(rows, header)
        else:
            self.model.load([], tr("Peserta"))
        if rows:
            self.table.setCurrentIndex(self.model.index(0, COL_NEW))

    def _show_history(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid() or not self.model.rows:
            self.history.clear()
            return
        row = self.model.rows[current.row()]
        items = unit_assessments.assessment_history(self.actor, row.enrollment_id, row.unit_id)
        if not items:
            self.history.setText(tr("Riwayat: belum pernah dinilai."))
            return
        lines = [f"{format_short(h.date)} {h.result} ({codes.label(codes.ASSESSMENT_METHODS, h.method)}"
                 + (f", {h.score}" if h.score is not None else "") + f", {h.assessor_name})" for h in items[:5]]
        self.history.setText(tr("Riwayat (terbaru dulu): ") + "; ".join(lines))

    def save(self) -> bool:
        entered = self.model.entered()
        if not entered or self.batch_id is None:
            return True
        day = self.date.date()
        items = [UnitVerdict(r.enrollment_id, r.unit_id, r.result, dt.date(day.year(), day.month(), day.day()),
                             method=self.method.currentData(), score=r.score or None, evidence=r.evidence,
                             assessor_name=self.assessor.text())
                 for r in entered]
        labels = {(r.enrollment_id, r.unit_id): r.label for r in entered}

        def show_errors(errors: dict[str, str]) -> None:
            lines = []
            for field, message in errors.items():
                parts = field.split(".")
                if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
                    lines.append(f"{labels.get((int(parts[0]), int(parts[1])), '')}: {message}")
                else:
                    lines.append(message)
            self.error.setText("\n".join(dict.fromkeys(lines)))

        batch_id = self.batch_id
        if service_call(self, lambda: unit_assessments.add_unit_assessments(self.actor, batch_id, items),
                        on_errors=show_errors, on_error=self.error.setText) is FAILED:
            return False
        self.load(self.batch_id)
        self.error.setStyleSheet("color:#166534;")
        self.error.setText(tr("{n} penilaian disimpan.").format(n=len(items)))
        self.saved.emit()
        return True

    def dirty(self) -> bool:
        return bool(self.model.entered())

    def _update_state(self) -> None:
        self.save_button.setEnabled(bool(self.model.entered()))
        if self.model.entered():
            self.error.setStyleSheet("color:#b91c1c;")
