"""A resident's training progress, for the resident's detail view: ``ResidentProgressTab(actor, resident_id, parent)``.

Per enrollment (newest first): the batch, attendance (Hadir/Izin/Sakit/Alpa and
the rate), each unit's latest verdict and the sessions of his period.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.i18n import tr
from balai_app.services import progress
from balai_app.services.context import Actor
from balai_app.services.progress import ResidentTraining

RESULT_COLOURS = {"K": "#bbf7d0", "BK": "#fecaca"}
STATUS_COLOURS = {"H": "#dcfce7", "I": "#dbeafe", "S": "#fef3c7", "A": "#fee2e2"}


def _table(model: QStandardItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ResidentProgressTab(QWidget):
    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.resident_id = resident_id
        self.items: list[ResidentTraining] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Pelatihan:")))
        self.choice = QComboBox()
        top.addWidget(self.choice, 1)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.units_model = QStandardItemModel(self)
        self.units_view = _table(self.units_model)
        layout.addWidget(QLabel(tr("Unit kompetensi (penilaian terakhir berlaku)")))
        layout.addWidget(self.units_view, 1)
        self.sessions_model = QStandardItemModel(self)
        self.sessions_view = _table(self.sessions_model)
        layout.addWidget(QLabel(tr("Sesi dalam masa kepesertaan")))
        layout.addWidget(self.sessions_view, 1)
        self.choice.currentIndexChanged.connect(self._show)
        self.refresh()

    def refresh(self) -> None:
        self.items = progress.resident_training(self.actor, self.resident_id)
        self.choice.blockSignals(True)
        self.choice.clear()
        for item in self.items:
            self.choice.addItem(f"{item.program_name} — {item.batch_name}", item.batch_id)
        self.choice.blockSignals(False)
        self.choice.setEnabled(len(self.items) > 1)
        self._show(0)

    def _show(self, index: int) -> None:
        self.units_model.clear()
        self.sessions_model.clear()
        if not (0 <= index < len(self.items)):
            self.summary.setText(tr("Belum mengikuti pelatihan."))
            return
        t = self.items[index]
        p = t.progress
        verdict = (f"<b style='color:#166534'>{tr('Layak sertifikat')}</b>" if p.eligible
                   else f"<b>{tr('Belum layak')}</b>: " + " ".join(p.reasons))
        self.summary.setText(tr(
            "{start} s.d. {end} · status {status}<br>Kehadiran <b>{rate}</b> (Hadir {h} dari {n} sesi; Izin {i}, "
            "Sakit {s}, Alpa {a}; minimum {m}%) · unit Kompeten {k}/{u}<br>{verdict}").format(
                start=format_short(t.start), end=format_short(t.end),
                status=codes.label(codes.ENROLLMENT_STATUS, t.status), rate=p.rate_text, h=p.present,
                n=p.sessions_counted, i=p.excused, s=p.sick, a=p.absent, m=t.min_attendance,
                k=p.units_competent, u=p.units_total, verdict=verdict))
        self.units_model.setHorizontalHeaderLabels(
            [tr("Kode"), tr("Unit kompetensi"), tr("Hasil"), tr("Tanggal"), tr("Metode"), tr("Penilaian")])
        for u in t.units:
            result = QStandardItem(codes.label(codes.UNIT_RESULT, u.result) if u.result else tr("— belum dinilai"))
            if u.result in RESULT_COLOURS:
                result.setBackground(QBrush(QColor(RESULT_COLOURS[u.result])))
            self.units_model.appendRow([QStandardItem(u.code or "-"), QStandardItem(u.title), result,
                                        QStandardItem(format_short(u.date)), QStandardItem(u.method),
                                        QStandardItem(tr("{n} kali").format(n=u.assessments) if u.assessments else "")])
        self.sessions_model.setHorizontalHeaderLabels([tr("Tanggal"), tr("Presensi"), tr("Topik")])
        for s in t.sessions:
            status = QStandardItem(codes.label(codes.ATTENDANCE, s.status) if s.status else tr("— belum diisi"))
            if s.status in STATUS_COLOURS:
                status.setBackground(QBrush(QColor(STATUS_COLOURS[s.status])))
            self.sessions_model.appendRow([QStandardItem(format_short(s.date)), status, QStandardItem(s.topic)])
