"""Competency-unit assessment, in bulk: one unit across the batch, or one participant across units.

Type K (Kompeten) or B (Belum Kompeten) on a row, Delete to clear it; score
and evidence per row, date/method/assessor for the whole entry. Saving adds
new rows (a re-assessment never overwrites: history is kept, the latest
counts) in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import qtawesome as qta

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.errors import BalaiError, ValidationError
from balai_app.i18n import tr
from balai_app.services import progress
from balai_app.services import unit_assessments
from balai_app.services.context import Actor
from balai_app.services.unit_assessments import UnitVerdict

_Index = QModelIndex | QPersistentModelIndex
COLOURS = {"K": "#bbf7d0", "BK": "#fecaca"}
COL_TARGET, COL_LATEST, COL_NEW, COL_SCORE, COL_EVIDENCE = range(5)
BY_UNIT, BY_PARTICIPANT = 0, 1


@dataclass
class EntryRow:
    enrollment_id: int
    unit_id: int
    label: str
    latest: str | None
    result: str | None = None
    score: str = ""
    evidence: str = ""


class AssessmentModel(QAbstractTableModel):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[EntryRow] = []
        self.target_header = tr("Peserta")

    def load(self, rows: list[EntryRow], target_header: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.target_header = target_header
        self.endResetModel()
        self.changed.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.target_header, tr("Hasil terakhir"), tr("Hasil baru (K/B)"), tr("Nilai 0–100"),
                    tr("Bukti/catatan")][section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: _Index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_NEW, COL_SCORE, COL_EVIDENCE):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == COL_TARGET:
                return row.label
            if c == COL_LATEST:
                return codes.label(codes.UNIT_RESULT, row.latest) if row.latest else tr("— belum dinilai")
            if c == COL_NEW:
                if role == Qt.ItemDataRole.EditRole:
                    return row.result or ""
                return f"{row.result} — {codes.label(codes.UNIT_RESULT, row.result)}" if row.result else ""
            if c == COL_SCORE:
                return row.score
            if c == COL_EVIDENCE:
                return row.evidence
        if role == Qt.ItemDataRole.BackgroundRole:
            if c == COL_LATEST and row.latest in COLOURS:
                return QBrush(QColor(COLOURS[row.latest]))
            if c == COL_NEW and row.result in COLOURS:
                return QBrush(QColor(COLOURS[row.result]))
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        text = str(value or "").strip()
        if index.column() == COL_NEW:
            row.result = {"K": "K", "B": "BK", "BK": "BK"}.get(text.upper())
        elif index.column() == COL_SCORE:
            row.score = text
        elif index.column() == COL_EVIDENCE:
            row.evidence = text
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        self.changed.emit()
        return True

    def set_result(self, row: int, result: str | None) -> None:
        self.setData(self.index(row, COL_NEW), result or "")

    def entered(self) -> list[EntryRow]:
        return [r for r in self.rows if r.result]


class ResultDelegate(QStyledItemDelegate):
    """A K / BK choice for mouse users."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem("", "")
        combo.addItem(tr("K — Kompeten"), "K")
        combo.addItem(tr("BK — Belum Kompeten"), "BK")
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData())


class AssessmentView(QTableView):
    """K or B set the current row's verdict and move down; Delete clears it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        model = self.model()
        index = self.currentIndex()
        editing = self.state() == QAbstractItemView.State.EditingState
        if isinstance(model, AssessmentModel) and model.rowCount() and not editing:
            row = index.row() if index.isValid() else 0
            key = event.key()
            if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                if key in (Qt.Key.Key_K, Qt.Key.Key_B):
                    model.set_result(row, "K" if key == Qt.Key.Key_K else "BK")
                    self.setCurrentIndex(model.index(min(row + 1, model.rowCount() - 1), COL_NEW))
                    event.accept()
                    return
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    model.set_result(row, None)
                    event.accept()
                    return
        super().keyPressEvent(event)


class AssessmentEditor(QWidget):
    saved = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id: int | None = None
        self.matrix = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem(tr("Satu unit untuk semua peserta"), BY_UNIT)
        self.mode.addItem(tr("Satu peserta untuk semua unit"), BY_PARTICIPANT)
        self.target = QComboBox()
        self.target.setMinimumWidth(320)
        top.addWidget(QLabel(tr("Penilaian:")))
        top.addWidget(self.mode)
        top.addWidget(self.target, 1)
        layout.addLayout(top)
        form = QFormLayout()
        common = QHBoxLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        today = dt.date.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.method = QComboBox()
        for code, label in codes.ASSESSMENT_METHODS.items():
            self.method.addItem(tr(label), code)
        self.assessor = QLineEdit()
        self.assessor.setPlaceholderText(tr("bawaan: nama akun Anda"))
        common.addWidget(QLabel(tr("Tanggal")))
        common.addWidget(self.date)
        common.addWidget(QLabel(tr("Metode")))
        common.addWidget(self.method)
        common.addWidget(QLabel(tr("Asesor")))
        common.addWidget(self.assessor, 1)
        form.addRow(common)
        layout.addLayout(form)
        self.model = AssessmentModel(self)
        self.table = AssessmentView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_NEW, ResultDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_EVIDENCE, 220)
        layout.addWidget(self.table, 1)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color:#374151;")
        layout.addWidget(self.history)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b91c1c;")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.hint = QLabel(tr("Ketik K (Kompeten) atau B (Belum Kompeten) pada baris; Delete mengosongkan."))
        buttons.addWidget(self.hint, 1)
        self.save_button = QPushButton(qta.icon("fa5s.save"), tr("Simpan penilaian"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
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
        try:
            unit_assessments.add_unit_assessments(self.actor, self.batch_id, items)
        except ValidationError as exc:
            labels = {(r.enrollment_id, r.unit_id): r.label for r in entered}
            lines = []
            for field, message in exc.errors.items():
                parts = field.split(".")
                if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
                    lines.append(f"{labels.get((int(parts[0]), int(parts[1])), '')}: {message}")
                else:
                    lines.append(message)
            self.error.setText("\n".join(dict.fromkeys(lines)))
            return False
        except BalaiError as exc:
            self.error.setText(exc.message)
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
