"""The assessment table of ``progress_assessment``: its rows, model, K/BK editor and keys.

A module of its own so that the Designer form (``ui/progress_assessment.ui``)
can name ``AssessmentView`` as a promoted widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QTableView

from balai_app.domain import codes
from balai_app.i18n import tr

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
            return [self.target_header, tr("Hasil terakhir"), tr("Hasil baru (K/BK)"), tr("Nilai 0–100"),
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
