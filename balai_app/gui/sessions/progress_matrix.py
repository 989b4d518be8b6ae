"""The progress matrix of a batch: participants × units (K / BK / —), attendance, eligibility.

Colour always comes with text: a cell says "K", "BK" or "—", and the last
column says "Layak" or "Belum" with the reasons in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from balai_app.i18n import tr
from balai_app.services import progress
from balai_app.services.context import Actor
from balai_app.services.progress import BatchProgress

_Index = QModelIndex | QPersistentModelIndex

RESULT_COLOURS = {"K": "#bbf7d0", "BK": "#fecaca", None: "#f3f4f6"}
ELIGIBLE = "#16a34a"
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class ProgressMatrixModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: BatchProgress | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, matrix: BatchProgress | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    @property
    def n_units(self) -> int:
        return len(self.matrix.units) if self.matrix else 0

    def tail(self) -> list[str]:
        return [tr("Kehadiran"), tr("Hadir/sesi"), "I", "S", "A", tr("Unit K"), tr("Sertifikat")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or not self.matrix else len(self.matrix.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or not self.matrix else 1 + self.n_units + len(self.tail())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if not self.matrix:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        n = self.n_units
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return tr("Nama peserta")
            if section <= n:
                return f"U{section}"
            return self.tail()[section - n - 1]
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section <= n:
            unit = self.matrix.units[section - 1]
            return f"{unit.code}\n{unit.title}" if unit.code else unit.title
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not self.matrix:
            return None
        p = self.matrix.rows[index.row()]
        c = index.column()
        n = self.n_units
        if 0 < c <= n:
            unit = self.matrix.units[c - 1]
            result = p.unit_results.get(unit.id)
            if role == Qt.ItemDataRole.DisplayRole:
                return result or "—"
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(RESULT_COLOURS[result]))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _CENTER
            if role == Qt.ItemDataRole.ToolTipRole:
                verdict = {"K": tr("Kompeten"), "BK": tr("Belum Kompeten")}.get(result, tr("Belum dinilai"))
                return f"{p.name}\n{unit.short} — {unit.title}\n{verdict}"
            return None
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return p.name
            return None
        k = c - n - 1
        if role == Qt.ItemDataRole.DisplayRole:
            return [p.rate_text, f"{p.present}/{p.sessions_counted}", p.excused, p.sick, p.absent,
                    f"{p.units_competent}/{p.units_total}",
                    ("✔ " + tr("Layak")) if p.eligible else tr("Belum")][k]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if k == 0 and role == Qt.ItemDataRole.ForegroundRole and p.attendance_rate is not None:
            if p.attendance_rate * 100 + 1e-9 < self.matrix.min_attendance:
                return QBrush(QColor("#b91c1c"))
        if k == 6:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#bbf7d0" if p.eligible else "#f3f4f6"))
            if role == Qt.ItemDataRole.FontRole and p.eligible:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Memenuhi syarat sertifikat kompetensi.") if p.eligible else "\n".join(p.reasons)
        if k == 0 and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Hadir {h} dari {n} sesi dalam masa kepesertaan; belum diisi {u}.").format(
                h=p.present, n=p.sessions_counted, u=p.unmarked)
        return None


class ProgressMatrixView(QWidget):
    """The matrix with a one-line summary above it."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ProgressMatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # fixed widths (no ResizeToContents: measuring every cell made opening the matrix slow)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setMinimumSectionSize(34)
        self.table.verticalHeader().setDefaultSectionSize(24)
        layout.addWidget(self.table, 1)
        self.legend = QLabel(tr("K = Kompeten, BK = Belum Kompeten, — = belum dinilai (penilaian terakhir berlaku). "
                                "Arahkan tetikus ke U1, U2, ... untuk judul unit dan ke \"Belum\" untuk alasannya."))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color:#374151;")
        layout.addWidget(self.legend)

    def _size_columns(self) -> None:
        if self.model.matrix is None:
            return
        metrics = self.table.fontMetrics()
        names = [r.name for r in self.model.matrix.rows] or [""]
        longest = max(names, key=len)
        self.table.setColumnWidth(0, min(320, max(metrics.horizontalAdvance(longest + "  ") + 12,
                                                  metrics.horizontalAdvance(tr("Nama peserta")) + 24)))
        n = self.model.n_units
        unit_width = metrics.horizontalAdvance("BK") + 22
        for c in range(1, n + 1):
            self.table.setColumnWidth(c, max(unit_width, metrics.horizontalAdvance(f"U{c}") + 18))
        for k, sample in enumerate(["Kehadiran", "100/100", "99", "99", "99", "15/15", "✔ Layak  "]):
            header = self.model.tail()[k]
            self.table.setColumnWidth(1 + n + k, max(metrics.horizontalAdvance(sample),
                                                     metrics.horizontalAdvance(header)) + 18)

    def load(self, batch_id: int | None) -> None:
        self.batch_id = batch_id
        matrix = progress.batch_matrix(self.actor, batch_id) if batch_id is not None else None
        self.model.load(matrix)
        self._size_columns()
        if matrix is None:
            self.summary.setText("")
            return
        self.summary.setText(tr(
            "{held} sesi terlaksana. Syarat sertifikat: semua {units} unit Kompeten dan kehadiran minimal {m}%. "
            "<b>{e} dari {n} peserta layak.</b>").format(
                held=matrix.sessions_held, units=len(matrix.units), m=matrix.min_attendance,
                e=matrix.eligible_count, n=len(matrix.rows)))
