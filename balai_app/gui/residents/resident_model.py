"""Query-backed Qt models for the resident register.

``ResidentTableModel`` never holds more rows than the view has asked for: it
loads pages of 200 rows from ``services.residents.list_residents`` through
``canFetchMore``/``fetchMore`` and sorts on the server (``ORDER BY``), so the
list stays smooth with tens of thousands of residents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from balai_app.domain import codes, dates
from balai_app.domain.nik import mask
from balai_app.i18n import tr
from balai_app.services import residents
from balai_app.services.context import Actor
from balai_app.services.residents import ResidentFilter, ResidentRow

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex

# (service sort key, header text)
COLUMNS: list[tuple[str, str]] = [
    ("id", "No."),
    ("nik", "NIK"),
    ("name", "Nama lengkap"),
    ("sex", "L/P"),
    ("birth_place", "Tempat lahir"),
    ("birth_date", "Tgl. lahir"),
    ("klaster", "Klaster"),
    ("status", "Status"),
    ("entry_date", "Tgl. masuk"),
]
COLUMN_KEYS = [key for key, _ in COLUMNS]

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_ALIGNMENTS = [
    _RIGHT if key == "id" else _CENTER if key in ("sex", "birth_date", "entry_date") else None
    for key in COLUMN_KEYS
]
_NIK_COLUMN = COLUMN_KEYS.index("nik")
_KLASTER_COLUMN = COLUMN_KEYS.index("klaster")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def display_value(row: ResidentRow, key: str) -> str:
    if key == "id":
        return str(row.id)
    if key == "nik":
        return mask(row.nik) if row.nik else tr("(tanpa NIK)")
    if key == "sex":
        return row.sex
    if key in ("birth_date", "entry_date"):
        return dates.format_short(getattr(row, key))
    if key == "klaster":  # the short form fits a 1280-pixel window; the tooltip has the full name
        return codes.label(codes.KLASTER_SHORT, row.klaster)
    if key == "status":
        return codes.label(codes.RESIDENT_STATUS, row.status)
    return str(getattr(row, key) or "")


class ResidentTableModel(QAbstractTableModel):
    """The register, one page of rows at a time.

    ``countChanged(total)`` is emitted after every refresh with the number of
    residents matching the filter (not only the rows loaded so far).
    """

    countChanged = Signal(int)
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, actor: Actor, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.actor = actor
        self.page_size = page_size
        self._filter = ResidentFilter()
        self._order_by = "name"
        self._descending = False
        self._rows: list[ResidentRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row -> display texts, built when first shown
        self._total = 0

    # --- what is shown ------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def filter(self) -> ResidentFilter:
        return self._filter

    @property
    def order(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    def set_filter(self, flt: ResidentFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Reload from the first page (filter, sort or data changed)."""
        self.beginResetModel()
        self._texts = {}
        self._rows = self._page(0)
        # A short first page is the whole answer: no COUNT scan needed.
        if len(self._rows) < self.page_size:
            self._total = len(self._rows)
        else:
            self._total = residents.count_residents(self.actor, self._filter)
        self.endResetModel()
        self.countChanged.emit(self._total)

    def _page(self, offset: int) -> list[ResidentRow]:
        return residents.list_residents(
            self.actor, self._filter, order_by=self._order_by, descending=self._descending,
            limit=self.page_size, offset=offset,
        )

    def resident_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].id
        return None

    def row_of(self, resident_id: int) -> int:
        """The row of a loaded resident, or -1."""
        for index, row in enumerate(self._rows):
            if row.id == resident_id:
                return index
        return -1

    def loaded_rows(self) -> Sequence[ResidentRow]:
        return tuple(self._rows)

    # --- paging -------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:  # rows deleted elsewhere since the count
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- Qt model interface ------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Klik untuk mengurutkan")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each repaint: the display
        # texts of a row are built once, and the cheap roles come first.
        if role == _DISPLAY:
            row = index.row()
            texts = self._texts.get(row)
            if texts is None:
                if not 0 <= row < len(self._rows):
                    return None
                texts = self._texts[row] = tuple(display_value(self._rows[row], key) for key in COLUMN_KEYS)
            return texts[index.column()]
        if role == _ALIGN:
            return _ALIGNMENTS[index.column()]
        if role == _FOREGROUND:
            if index.column() == _NIK_COLUMN and not self._rows[index.row()].nik:
                return Qt.GlobalColor.darkGray
            return None
        if role == _TOOLTIP and index.column() == _KLASTER_COLUMN:
            return codes.label(codes.KLASTER, self._rows[index.row()].klaster)
        if role == self.IdRole:
            return self._rows[index.row()].id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        order_by = COLUMN_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) == (self._order_by, self._descending) and self._rows:
            return
        self._order_by, self._descending = order_by, descending
        self.refresh()


class RecordTableModel(QAbstractTableModel):
    """A small read-only table over a list of records (a resident's assessments,
    services, ...), each column given as (header, function record -> text)."""

    def __init__(self, columns: list[tuple[str, Callable[[Any], str]]], parent=None):
        super().__init__(parent)
        self._columns = columns
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self._columns[section][0])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._columns[index.column()][1](record)
            # One line per cell; the full text is shown below the table.
            return " ".join(str(text).split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self._columns[index.column()][1](record))
        return None
