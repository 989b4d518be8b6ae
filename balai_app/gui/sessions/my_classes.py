"""Kelas saya: the trainer's running batches and today's session, one click from opening the program."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from balai_app.domain.dates import format_long, format_short
from balai_app.gui.common import icons
from balai_app.i18n import tr
from balai_app.services import sessions
from balai_app.services.context import Actor
from balai_app.services.sessions import ClassToday

_Index = QModelIndex | QPersistentModelIndex


class ClassesModel(QAbstractTableModel):
    HEADERS = ["Angkatan", "Program", "Periode", "Peserta", "Sesi hari ini"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ClassToday] = []

    def load(self, rows: list[ClassToday]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return row.batch.name
            if c == 1:
                return row.batch.program_name
            if c == 2:
                return f"{format_short(row.batch.start_date)} – {format_short(row.batch.end_date)}"
            if c == 3:
                return str(row.participants)
            if row.session_id is None:
                return tr("belum dibuat")
            if row.marked < row.participants:
                return tr("{topic} — presensi {m}/{n}").format(topic=row.session_topic, m=row.marked,
                                                               n=row.participants)
            return tr("{topic} — presensi lengkap").format(topic=row.session_topic)
        if role == Qt.ItemDataRole.BackgroundRole and c == 4:
            if row.session_id is None or row.marked < row.participants:
                return QBrush(QColor("#fef3c7"))
            return QBrush(QColor("#dcfce7"))
        return None


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
        self.model.load(rows)
        self.title.setText(tr("Kelas saya — {d}").format(d=format_long(dt.date.today())))
        self.empty.setVisible(not rows)
        self.today_button.setEnabled(bool(rows))
        self.batch_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _current(self) -> ClassToday | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return self.model.rows[0] if self.model.rows else None
        return self.model.rows[index.row()]

    def _today(self) -> None:
        row = self._current()
        if row is not None:
            self.open_today.emit(row.batch.id, row.session_id)

    def _batch(self) -> None:
        row = self._current()
        if row is not None:
            self.open_batch.emit(row.batch.id)
