"""The attendance entry grid of one session: keyboard first.

Keys H / I / S / A give the current row its status and move down; Delete puts
back the saved value; "Tandai yang belum diisi: Hadir" fills only the rows
still unmarked. Nothing is written until "Simpan", which saves the whole
session in one transaction (``services.attendance.save_attendance``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import qtawesome as qta

from balai_app.domain import codes
from balai_app.domain.dates import format_long
from balai_app.domain.nik import mask
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import sessions
from balai_app.services import attendance
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.services.attendance import SheetRow

_Index = QModelIndex | QPersistentModelIndex

# Background per status; the text always says it too (never colour alone).
COLOURS = {"H": "#dcfce7", "I": "#dbeafe", "S": "#fef3c7", "A": "#fee2e2"}
KEYS = {Qt.Key.Key_H: "H", Qt.Key.Key_I: "I", Qt.Key.Key_S: "S", Qt.Key.Key_A: "A"}
COL_NO, COL_NAME, COL_NIK, COL_STATUS, COL_NOTE = range(5)
HEADERS = ["No", "Nama peserta", "NIK", "Presensi", "Keterangan"]


def status_text(status: str | None) -> str:
    if not status:
        return tr("— belum diisi")
    return f"{status} — {codes.label(codes.ATTENDANCE, status)}"


class AttendanceModel(QAbstractTableModel):
    """Rows of ``attendance_sheet`` with the marks being entered (not yet saved)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[SheetRow] = []
        self.status: list[str | None] = []
        self.notes: list[str] = []

    def load(self, rows: list[SheetRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.status = [r.status for r in rows]
        self.notes = [r.note for r in rows]
        self.endResetModel()
        self.changed.emit()

    # --- Qt model --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def flags(self, index: _Index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_NOTE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        row = self.rows[r]
        status = self.status[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == COL_NO:
                return str(r + 1)
            if c == COL_NAME:
                return row.name + (" *" if self.is_dirty(r) else "")
            if c == COL_NIK:
                return mask(row.nik) if row.nik else tr("(tanpa NIK)")
            if c == COL_STATUS:
                return status_text(status)
            if c == COL_NOTE:
                return self.notes[r]
        if role == Qt.ItemDataRole.BackgroundRole and c == COL_STATUS and status:
            return QBrush(QColor(COLOURS[status]))
        if role == Qt.ItemDataRole.ForegroundRole and c == COL_STATUS and not status:
            return QBrush(QColor("#6b7280"))
        if role == Qt.ItemDataRole.ToolTipRole and c == COL_NAME and self.is_dirty(r):
            return tr("Belum disimpan")
        if role == Qt.ItemDataRole.TextAlignmentRole and c == COL_NO:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == COL_NOTE and role == Qt.ItemDataRole.EditRole:
            self.notes[index.row()] = str(value or "").strip()
            self._row_changed(index.row())
            return True
        return False

    # --- marks -----------------------------------------------------------------
    def set_status(self, row: int, status: str | None) -> None:
        self.status[row] = status
        self._row_changed(row)

    def revert(self, row: int) -> None:
        self.status[row] = self.rows[row].status
        self.notes[row] = self.rows[row].note
        self._row_changed(row)

    def fill_unmarked(self, value: str = "H") -> int:
        """Give ``value`` to unmarked rows only; returns how many were filled."""
        filled = attendance.fill_unmarked(dict(enumerate(self.status)), value)
        count = sum(1 for i, s in filled.items() if s != self.status[i])
        self.status = [filled[i] for i in range(len(self.status))]
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COL_NOTE))
        self.changed.emit()
        return count

    def is_dirty(self, row: int) -> bool:
        return self.status[row] != self.rows[row].status or self.notes[row] != self.rows[row].note

    def dirty(self) -> bool:
        return any(self.is_dirty(i) for i in range(len(self.rows)))

    def marks(self) -> dict[int, tuple[str | None, str]]:
        """What to save: the changed rows, ``{enrollment_id: (status, note)}``."""
        return {self.rows[i].enrollment_id: (self.status[i], self.notes[i])
                for i in range(len(self.rows)) if self.is_dirty(i) and self.status[i]}

    def counts(self) -> dict[str | None, int]:
        out: dict[str | None, int] = {"H": 0, "I": 0, "S": 0, "A": 0, None: 0}
        for s in self.status:
            out[s] = out.get(s, 0) + 1
        return out

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_NOTE))
        self.changed.emit()


class AttendanceView(QTableView):
    """H / I / S / A set the current row and move down; Delete reverts the row; Ctrl+S asks to save."""

    save_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_requested.emit()
            event.accept()
            return
        model = self.model()
        index = self.currentIndex()
        if isinstance(model, AttendanceModel) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier, Qt.KeyboardModifier.ShiftModifier
        ):
            row = index.row() if index.isValid() else 0
            key = Qt.Key(event.key())
            if key in KEYS and model.rowCount():
                model.set_status(row, KEYS[key])
                self._go(min(row + 1, model.rowCount() - 1))
                event.accept()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and model.rowCount():
                model.revert(row)
                event.accept()
                return
        super().keyPressEvent(event)

    def _go(self, row: int) -> None:
        self.setCurrentIndex(self.model().index(row, COL_STATUS))


class AttendanceEditor(QWidget):
    """The grid of one session with its buttons and the running counts."""

    saved = Signal(int)  # session id

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.session_id: int | None = None
        self.session_date: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.hint = QLabel(tr("Ketik H (Hadir), I (Izin), S (Sakit) atau A (Alpa): kursor turun ke baris berikutnya. "
                              "Delete mengembalikan nilai tersimpan; Ctrl+S menyimpan. Klik dua kali kolom "
                              "Keterangan untuk menulis."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#374151;")
        layout.addWidget(self.hint)
        self.model = AttendanceModel(self)
        self.view = AttendanceView()
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setWordWrap(False)
        # an instruktur gets no NIK from the service (data minimisation): no empty column either
        self.view.setColumnHidden(COL_NIK, not allowed(actor, "residents.view"))
        layout.addWidget(self.view, 1)
        self.counts = QLabel()
        layout.addWidget(self.counts)
        self.audit_note = QLabel(tr("Sesi hari sebelumnya: setiap perubahan presensi dicatat (siapa, kapan, "
                                    "nilai lama dan baru)."))
        self.audit_note.setStyleSheet("color:#92400e;")
        self.audit_note.setWordWrap(True)
        layout.addWidget(self.audit_note)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.fill_button = QPushButton(qta.icon("fa5s.check-double"), tr("Tandai yang belum diisi: Hadir"))
        self.fill_button.clicked.connect(self.fill_unmarked)
        self.undo_button = QPushButton(qta.icon("fa5s.undo"), tr("Batalkan perubahan"))
        self.undo_button.clicked.connect(self.reload)
        self.save_button = QPushButton(qta.icon("fa5s.save"), tr("Simpan presensi (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.fill_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.model.changed.connect(self._update_state)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._save_if_enabled)
        self.view.save_requested.connect(self._save_if_enabled)
        self.load(None)

    def load(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.error.clear()
        if session_id is None:
            self.session_date = None
            self.title.setText(tr("Pilih sesi di daftar, atau buat sesi baru."))
            self.model.load([])
        else:
            session = sessions.get_session(self.actor, session_id)
            self.session_date = session.date
            when = format_long(session.date)
            if session.start_time:
                when += f", {session.start_time}" + (f"–{session.end_time}" if session.end_time else "")
            self.title.setText(f"{when} — {session.topic}")
            self.model.load(attendance.attendance_sheet(self.actor, session_id))
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(self._first_unmarked(), COL_STATUS))
        self._update_state()

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def reload(self) -> None:
        self.load(self.session_id)

    def _first_unmarked(self) -> int:
        for i, s in enumerate(self.model.status):
            if not s:
                return i
        return 0

    def fill_unmarked(self) -> None:
        self.model.fill_unmarked("H")

    def save(self) -> bool:
        if self.session_id is None:
            return True
        marks = self.model.marks()
        if not marks:
            return True
        if service_call(self, lambda: attendance.save_attendance(self.actor, self.session_id, marks),
                        on_error=self.error.setText) is FAILED:
            return False
        current = self.view.currentIndex().row()
        self.load(self.session_id)
        if 0 <= current < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(current, COL_STATUS))
        self.saved.emit(self.session_id)
        return True

    def _update_state(self) -> None:
        c = self.model.counts()
        total = self.model.rowCount()
        self.counts.setText(tr("{n} peserta — Hadir {h}, Izin {i}, Sakit {s}, Alpa {a}, belum diisi {u}").format(
            n=total, h=c["H"], i=c["I"], s=c["S"], a=c["A"], u=c[None]))
        has = self.session_id is not None
        future = bool(self.session_date and self.session_date > dt.date.today())
        self.fill_button.setEnabled(has and not future and c[None] > 0)
        dirty = self.model.dirty()
        self.save_button.setEnabled(has and dirty and not future)
        self.undo_button.setEnabled(has and dirty)
        self.audit_note.setVisible(bool(self.session_date and self.session_date < dt.date.today()))
        if future:
            self.error.setText(tr("Sesi ini dijadwalkan {d}; presensi diisi pada hari sesi.").format(
                d=format_long(self.session_date)))
