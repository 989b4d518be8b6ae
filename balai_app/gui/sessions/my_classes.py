"""Kelas saya: the trainer's running batches and today's session, one click from opening the program."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from balai_app.domain.dates import format_long, format_short
from balai_app.gui.common import icons
from balai_app.gui.common.rows_model import Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import sessions
from balai_app.services.context import Actor
from balai_app.services.sessions import ClassToday


def _today_text(row: ClassToday) -> str:
    if row.session_id is None:
        return tr("belum dibuat")
    if row.marked < row.participants:
        return tr("{topic} — presensi {m}/{n}").format(topic=row.session_topic, m=row.marked, n=row.participants)
    return tr("{topic} — presensi lengkap").format(topic=row.session_topic)


def _today_background(row: ClassToday) -> str:
    """Amber while today's attendance is missing or incomplete, green once it is complete."""
    return "#fef3c7" if row.session_id is None or row.marked < row.participants else "#dcfce7"


class ClassesModel(RowsModel):
    """The trainer's running batches (``sessions.classes_today``) over the one table model."""

    def __init__(self, parent=None):
        super().__init__([
            Column("Angkatan", lambda r: r.batch.name),
            Column("Program", lambda r: r.batch.program_name),
            Column("Periode", lambda r: f"{format_short(r.batch.start_date)} – {format_short(r.batch.end_date)}"),
            Column("Peserta", lambda r: str(r.participants)),
            Column("Sesi hari ini", _today_text, background=_today_background),
        ], parent=parent)


class MyClassesWidget(QWidget):
    """Emits ``open_today(batch_id, session_id or None)``: the page opens (or creates) today's session."""

    open_today = Signal(int, object)
    open_batch = Signal(int)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:13pt; font-weight:bold;")
        layout.addWidget(self.title)
        self.model = ClassesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self._today())  # Enter or double-click
        layout.addWidget(self.table, 1)
        self.empty = QLabel(tr("Tidak ada angkatan berjalan yang Anda ajar. "
                               "Angkatan diatur oleh staf di menu Pelatihan."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.today_button = QPushButton(tr("Isi presensi hari ini"))
        icons.later(self.today_button.setIcon, "fa5s.clipboard-check")  # Beranda shows it: after the paint
        self.today_button.setDefault(True)
        self.today_button.clicked.connect(self._today)
        self.batch_button = QPushButton(tr("Buka angkatan"))
        icons.later(self.batch_button.setIcon, "fa5s.list")
        self.batch_button.clicked.connect(self._batch)
        buttons.addWidget(self.today_button)
        buttons.addWidget(self.batch_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        rows = sessions.classes_today(self.actor)
        self.model.set_rows(rows)
        self.title.setText(tr("Kelas saya — {d}").format(d=format_long(dt.date.today())))
        self.empty.setVisible(not rows)
        self.today_button.setEnabled(bool(rows))
        self.batch_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _current(self) -> ClassToday | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row() if index.isValid() else 0)

    def _today(self) -> None:
        row = self._current()
        if row is not None:
            self.open_today.emit(row.batch.id, row.session_id)

    def _batch(self) -> None:
        row = self._current()
        if row is not None:
            self.open_batch.emit(row.batch.id)
