"""The one table model of the program: rows of plain tuples, one ``Column`` per column.

``RowsModel`` shows what a service returned. Given a ``pager`` it is query-backed:
it holds only the rows the view has asked for and loads the next page through
``canFetchMore``/``fetchMore`` by the last loaded row (keyset paging: the service
starts after that row's sort key, so page 250 costs what page 1 costs, where a
growing OFFSET makes the database step over every earlier row again). Pages grow
from ``page_size`` up to ``max_page`` rows while the view keeps asking (scrolling
to the end of 200,000 rows is a few hundred queries, not a thousand), and start
small again after every ``reload``.

Rows are kept as the service's tuples (NamedTuples, no per-row objects or dicts), or
in a subclass's own compact store (``_keep``: the register packs its rows column by
column); the texts a column shows are built when a cell is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from balai_app.i18n import tr

_Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

PAGE_SIZE = 200
MAX_PAGE = 5000
_ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NONE = Qt.ItemFlag.NoItemFlags

# pager(last loaded row or None for the first page, how many rows) -> the next rows
Pager = Callable[[Any | None, int], Sequence[Any]]


class LoadedRows(Protocol):
    """How a model holds its loaded rows: a list, or a subclass's compact store."""

    def __len__(self) -> int: ...
    def __getitem__(self, row: int) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def extend(self, rows: Iterable[Any]) -> None: ...


class Column:
    """One column: its header and how a row's cell reads. ``text`` gives what the cell shows
    (a string, or a number that Qt writes in the user's locale); ``color``/``background`` a
    colour name or None; ``tooltip`` the cell's hover text; ``icon`` a ``QIcon`` or None;
    ``font`` a ``QFont`` or None; ``header_tip`` the header's hover text (already translated)."""

    def __init__(self, header: str, text: Callable[[Any], Any], align=LEFT,
                 color: Callable[[Any], str | None] | None = None,
                 tooltip: Callable[[Any], str | None] | None = None, *,
                 background: Callable[[Any], str | None] | None = None,
                 icon: Callable[[Any], Any] | None = None,
                 font: Callable[[Any], Any] | None = None,
                 header_tip: str | None = None):
        self.header, self.text, self.align, self.color, self.tooltip = header, text, align, color, tooltip
        self.background, self.icon, self.font, self.header_tip = background, icon, font, header_tip


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of records, one ``Column`` per column.

    ``loader``: returns every row (small lists). ``pager``: returns one page after a
    given row (long lists, see the module text). ``checkable`` adds a check box in
    column 0 (``checked_ids()``), keyed by the record's first field (its id).
    ``row_numbers`` numbers the rows in the vertical header (1, 2, ...)."""

    checkedChanged = Signal()
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: list[Column], loader: Callable[[], Sequence[Any]] | None = None, parent=None,
                 *, checkable: bool = False, can_check: Callable[[Any], bool] | None = None,
                 pager: Pager | None = None, page_size: int = PAGE_SIZE, max_page: int = MAX_PAGE,
                 row_numbers: bool = False):
        super().__init__(parent)
        self.columns = columns
        self.row_numbers = row_numbers
        self.loader = loader
        self.pager = pager
        self.page_size = page_size
        self.max_page = max(page_size, max_page)
        self.checkable = checkable
        self._can_check = can_check
        self.can_check = can_check or (lambda record: True)
        self._rows: LoadedRows = self._keep(())
        self._checked: set[Any] = set()
        self._at_end = True
        self._next_page = page_size

    # --- loading ------------------------------------------------------------
    def reload(self) -> None:
        """Ask the service again: every row (``loader``) or the first page (``pager``)."""
        if self.pager is not None:
            self.set_rows(self.pager(None, self.page_size), first_page=True)
        else:
            self.set_rows(self.loader() if self.loader else [])

    def set_rows(self, rows: Sequence[Any], *, first_page: bool = False,
                 columns: list[Column] | None = None) -> None:
        """Show ``rows``; ``first_page``: they are the pager's first page (more may follow);
        ``columns``: new columns with them (a table whose columns depend on the data)."""
        self.beginResetModel()
        if columns is not None:
            self.columns = columns
        self._rows = self._keep(rows)
        self._at_end = not (first_page and self.pager is not None and len(self._rows) >= self.page_size)
        self._next_page = self.page_size
        self.endResetModel()

    def _keep(self, rows: Iterable[Any]) -> LoadedRows:
        """The store that holds the loaded rows (``fetchMore`` extends it)."""
        return list(rows)

    @property
    def at_end(self) -> bool:
        """True when every row is loaded (always for a ``loader``)."""
        return self._at_end

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._at_end and bool(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._at_end or not self._rows or self.pager is None:
            return
        wanted = self._next_page
        more = self.pager(self._rows[-1], wanted)
        self._next_page = min(self.max_page, wanted * 2)
        if len(more) < wanted:
            self._at_end = True
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        self.fetched(len(more))

    def fetched(self, added: int) -> None:
        """Called after every ``fetchMore`` with the number of rows it added."""

    def load_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # --- the rows -----------------------------------------------------------
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

    # --- Qt interface -------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.columns[section].header)
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].header_tip:
                return self.columns[section].header_tip
        elif self.row_numbers and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self.checkable and self._can_check is None:
            return _ENABLED if index.isValid() else _NONE  # asked for every painted cell
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
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            background = column.background(record)
            return QBrush(QColor(background)) if background else None
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(record)
        if role == Qt.ItemDataRole.FontRole and column.font:
            return column.font(record)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            return Qt.CheckState.Checked if record[0] in self._checked else Qt.CheckState.Unchecked
        if role == self.IdRole and isinstance(record, tuple):
            return record[0]
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if self.checkable and role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self.set_checked(self._rows[index.row()][0], on)
            return True
        return False
