"""The progress matrix of a batch: participants × units (K / BK / —), attendance, eligibility.

Colour always comes with text: a cell says "K", "BK" or "—", and the last
column says "Layak" or "Belum" with the reasons in its tooltip.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from balai_app.gui.common.rows_model import CENTER, Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import progress
from balai_app.services.context import Actor
from balai_app.services.progress import BatchProgress

RESULT_COLOURS = {"K": "#bbf7d0", "BK": "#fecaca", None: "#f3f4f6"}
ELIGIBLE = "#16a34a"


def _unit_column(position: int, unit) -> Column:
    """U1, U2, ...: K / BK / — on its colour, the unit and the verdict on hover."""

    def verdict(p) -> str:
        result = p.unit_results.get(unit.id)
        text = {"K": tr("Kompeten"), "BK": tr("Belum Kompeten")}.get(result, tr("Belum dinilai"))
        return f"{p.name}\n{unit.short} — {unit.title}\n{text}"

    return Column(f"U{position}", lambda p: p.unit_results.get(unit.id) or "—", CENTER, tooltip=verdict,
                  background=lambda p: RESULT_COLOURS[p.unit_results.get(unit.id)],
                  header_tip=f"{unit.code}\n{unit.title}" if unit.code else unit.title)


class ProgressMatrixModel(RowsModel):
    """Participants × (name, one column per unit, attendance and eligibility) over the one
    table model: a row per participant, the unit columns built from each matrix loaded."""

    def __init__(self, parent=None):
        super().__init__([], parent=parent, row_numbers=True)
        self.matrix: BatchProgress | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, matrix: BatchProgress | None) -> None:
        self.matrix = matrix
        self.set_rows(matrix.rows if matrix else [], columns=self._columns(matrix))

    @property
    def n_units(self) -> int:
        return len(self.matrix.units) if self.matrix else 0

    def tail(self) -> list[str]:
        """The headers after the unit columns, untranslated (the model translates its headers)."""
        return ["Kehadiran", "Hadir/sesi", "I", "S", "A", "Unit K", "Sertifikat"]

    def _columns(self, matrix: BatchProgress | None) -> list[Column]:
        if matrix is None:
            return []
        minimum = matrix.min_attendance

        def rate_colour(p) -> str | None:
            low = p.attendance_rate is not None and p.attendance_rate * 100 + 1e-9 < minimum
            return "#b91c1c" if low else None

        def rate_tip(p) -> str:
            return tr("Hadir {h} dari {n} sesi dalam masa kepesertaan; belum diisi {u}.").format(
                h=p.present, n=p.sessions_counted, u=p.unmarked)

        def eligibility_tip(p) -> str:
            return tr("Memenuhi syarat sertifikat kompetensi.") if p.eligible else "\n".join(p.reasons)

        rate, held, excused, sick, absent, units_k, certificate = self.tail()
        return [
            Column("Nama peserta", lambda p: p.name),
            *(_unit_column(position, unit) for position, unit in enumerate(matrix.units, start=1)),
            Column(rate, lambda p: p.rate_text, CENTER, rate_colour, rate_tip),
            Column(held, lambda p: f"{p.present}/{p.sessions_counted}", CENTER),
            Column(excused, lambda p: p.excused, CENTER),
            Column(sick, lambda p: p.sick, CENTER),
            Column(absent, lambda p: p.absent, CENTER),
            Column(units_k, lambda p: f"{p.units_competent}/{p.units_total}", CENTER),
            Column(certificate, lambda p: ("✔ " + tr("Layak")) if p.eligible else tr("Belum"), CENTER,
                   tooltip=eligibility_tip, background=lambda p: "#bbf7d0" if p.eligible else "#f3f4f6",
                   font=lambda p: self._bold if p.eligible else None),
        ]


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
            header = tr(self.model.tail()[k])
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
