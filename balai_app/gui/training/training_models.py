"""Query-backed table models of the Pelatihan screens, and small helpers they share.

Each model holds the rows one service call returned (a batch list, a batch's
participants, a program's units) and nothing else; ``reload()`` asks the
service again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.nik import mask
from balai_app.gui.common.service_call import FAILED, service_call, show_field_errors  # noqa: F401 (re-used)
from balai_app.i18n import tr

_Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

STATUS_COLORS = {
    # batch
    "direncanakan": "#1d4ed8", "berjalan": "#15803d", "selesai": "#4b5563", "dibatalkan": "#b91c1c",
    # enrollment
    "aktif": "#15803d", "lulus": "#1d4ed8", "mengundurkan_diri": "#b45309", "dikeluarkan": "#b91c1c",
}


class Column:
    def __init__(self, header: str, text: Callable[[Any], str], align=LEFT,
                 color: Callable[[Any], str | None] | None = None,
                 tooltip: Callable[[Any], str] | None = None):
        self.header, self.text, self.align, self.color, self.tooltip = header, text, align, color, tooltip


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of records, one ``Column`` per column.

    ``checkable`` adds a check box in column 0 (``checked_rows()``)."""

    checkedChanged = Signal()

    def __init__(self, columns: list[Column], loader: Callable[[], Sequence[Any]] | None = None, parent=None,
                 *, checkable: bool = False, can_check: Callable[[Any], bool] | None = None):
        super().__init__(parent)
        self.columns = columns
        self.loader = loader
        self.checkable = checkable
        self.can_check = can_check or (lambda record: True)
        self._rows: list[Any] = []
        self._checked: set[Any] = set()

    def reload(self) -> None:
        self.set_rows(self.loader() if self.loader else [])

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, predicate: Callable[[Any], bool]) -> int:
        for index, row in enumerate(self._rows):
            if predicate(row):
                return index
        return -1

    # check boxes (keyed by the record's first field, its id)
    def checked_ids(self) -> list[Any]:
        return [r[0] for r in self._rows if r[0] in self._checked] + [
            i for i in self._checked if i not in {r[0] for r in self._rows}]

    def set_checked(self, key: Any, on: bool) -> None:
        record = next((r for r in self._rows if r[0] == key), None)
        if on and record is not None and not self.can_check(record):
            return
        (self._checked.add if on else self._checked.discard)(key)
        row = self.find(lambda r: r[0] == key)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()

    def clear_checked(self) -> None:
        self._checked.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.checkedChanged.emit()

    # Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].header)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        record = self.row_at(index.row())
        if record is not None and not self.can_check(record):
            return base & ~Qt.ItemFlag.ItemIsEnabled
        if self.checkable and index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.color:
            color = column.color(record)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            return Qt.CheckState.Checked if record[0] in self._checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if self.checkable and role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self.set_checked(self._rows[index.row()][0], on)
            return True
        return False


# --- column sets -----------------------------------------------------------------------


def status_color(record) -> str | None:
    return STATUS_COLORS.get(record.status)


def batch_columns() -> list[Column]:
    return [
        Column("Program", lambda r: r.program_code, tooltip=lambda r: r.program_name),
        Column("Angkatan", lambda r: r.name),
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date), CENTER),
        Column("Instruktur", lambda r: r.trainer_name or tr("(belum ditentukan)"),
               color=lambda r: None if r.trainer_name else "#6b7280"),
        Column("Peserta", lambda r: f"{r.participants}/{r.capacity}", RIGHT,
               color=lambda r: "#b91c1c" if r.participants >= r.capacity else None),
        Column("Status", lambda r: codes.label(codes.BATCH_STATUS, r.status), color=status_color),
    ]


def participant_columns(personal: bool) -> list[Column]:
    columns = [
        Column("No.", lambda r: "", RIGHT),  # filled by the view's row number (see ParticipantsModel)
        Column("Nama", lambda r: r.name),
        Column("L/P", lambda r: r.sex, CENTER),
    ]
    if personal:
        columns += [
            Column("NIK", lambda r: mask(r.nik) if r.nik else tr("(tanpa NIK)"),
                   color=lambda r: None if r.nik else "#6b7280"),
            Column("Klaster", lambda r: codes.label(codes.KLASTER, r.klaster)),
        ]
    columns += [
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date) if r.status != "aktif" else "", CENTER),
        Column("Status", lambda r: codes.label(codes.ENROLLMENT_STATUS, r.status), color=status_color),
        Column("Keterangan", lambda r: r.status_reason, tooltip=lambda r: r.status_reason),
    ]
    return columns


class ParticipantsModel(RowsModel):
    """Participants with a running number in column 0."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            return str(index.row() + 1)
        return super().data(index, role)


def unit_columns() -> list[Column]:
    def retired(u) -> str | None:
        return "#9ca3af" if u.retired else None

    return [
        Column("No.", lambda u: str(u.position), RIGHT, color=retired),
        Column("Kode", lambda u: u.code or tr("(belum diisi)"), color=lambda u: "#9ca3af" if u.retired else (
            None if u.code else "#b45309")),
        Column("Judul unit", lambda u: u.title + (tr("  [nonaktif]") if u.retired else ""), color=retired,
               tooltip=lambda u: u.title),
        Column("Jam", lambda u: str(u.hours) if u.hours else "", RIGHT, color=retired),
    ]


def resident_enrollment_columns() -> list[Column]:
    return [
        Column("Program", lambda r: f"{r.program_code} — {r.program_name}"),
        Column("Angkatan", lambda r: r.batch_name),
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date), CENTER),
        Column("Status", lambda r: codes.label(codes.ENROLLMENT_STATUS, r.status), color=status_color),
        Column("Keterangan", lambda r: r.status_reason, tooltip=lambda r: r.status_reason),
    ]


def indonesian_buttons(box) -> None:
    """OK/Cancel of a QDialogButtonBox in Bahasa Indonesia (whatever Qt translations are installed)."""
    from PySide6.QtWidgets import QDialogButtonBox

    for which, text in ((QDialogButtonBox.StandardButton.Ok, tr("Simpan")),
                        (QDialogButtonBox.StandardButton.Cancel, tr("Batal"))):
        button = box.button(which)
        if button is not None:
            button.setText(text)


# --- messages ----------------------------------------------------------------------------


def error_labels(ui) -> dict[str, QLabel]:
    return {name[:-5]: w for name, w in vars(ui).items() if name.endswith("Error") and isinstance(w, QLabel)}


def run_service(parent: QWidget, call: Callable[[bool], Any], *, labels: dict[str, QLabel] | None = None,
                summary: QLabel | None = None, title: str = "") -> Any:
    """``service_call`` with warnings to confirm: the call's result, or None when it failed
    or the user declined."""
    result = service_call(parent, call, title=title or tr("Pelatihan"), labels=labels, summary=summary,
                          confirm=True)
    return None if result is FAILED else result
