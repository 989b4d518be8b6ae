"""Query-backed Qt models for the resident register.

``ResidentTableModel`` is the one table model (``gui/common/rows_model.py``)
over ``services.residents.list_residents``: it never holds more rows than the
view has asked for, loads each page after the last row's sort key (keyset, never
a growing OFFSET), and sorts on the server (``ORDER BY``), so the list
stays smooth with hundreds of thousands of residents. A search typed in the box
runs on a worker thread; the newest one wins. Its loaded rows are packed column
by column (``LoadedResidents``, ``loaded_residents.py``): a list scrolled to the end of 200,000 residents
holds every row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from balai_app.domain import codes, dates
from balai_app.domain.nik import mask
from balai_app.gui.common.search_thread import SearchThread
from balai_app.gui.common.rows_model import PAGE_SIZE, Column, LoadedRows, RowsModel
from balai_app.gui.common.text_cells import Cell
from balai_app.gui.residents.loaded_residents import LoadedResidents
from balai_app.i18n import tr
from balai_app.services import connections, residents
from balai_app.services.connections import close_thread_connection
from balai_app.services.context import Actor
from balai_app.services.residents import ResidentFilter, ResidentRow

_Index = QModelIndex | QPersistentModelIndex
# A first page holds the rows in view plus this many (and at least FIRST_PAGE_MIN rows).
FIRST_PAGE_MARGIN = 12
FIRST_PAGE_MIN = 40
# A reload after a save keeps at most this many loaded rows (one query).
KEEP_LOADED_MAX = 5000

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
_CELL_ROLES = (_DISPLAY, _ALIGN, _FOREGROUND)
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_NO_NIK_COLOR = QColor(Qt.GlobalColor.darkGray)  # "(tanpa NIK)": greyed (a QColor: Qt paints a brush or colour only)


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


_COUNT_DUE = QEvent.Type(QEvent.registerEventType())  # a shown search's count is to be asked for


class _Request(NamedTuple):
    generation: int
    flt: ResidentFilter
    order_by: str
    descending: bool
    limit: int


class _Relay(QObject):
    """Carries a worker's answer to the GUI thread (queued signals)."""

    pageReady = Signal(int, object)  # generation, list[ResidentRow]  # noqa: N815
    countReady = Signal(int, object)  # generation, ResidentCount  # noqa: N815
    failed = Signal(int, str)


class _SearchTask:
    """One search on the model's worker thread (its own database connection, kept while
    the person types: ``search_thread.py``), so typing never waits for the database: its
    first page, or (``count``) the number of its matches, asked for once that page is
    painted (before, the count's Python part would compete with the painting for the
    interpreter's lock). A request that a newer one overtook is skipped without touching
    the database: the newest search wins."""

    def __init__(self, actor: Actor, request: _Request, newest: Callable[[], int], relay: _Relay, *,
                 count: bool = False):
        self.actor, self.request, self.newest, self.relay, self.count = actor, request, newest, relay, count

    def run(self) -> None:
        request = self.request
        try:
            if request.generation != self.newest():
                return
            if self.count:
                self.relay.countReady.emit(request.generation, residents.count_matching(self.actor, request.flt))
                return
            rows = residents.list_residents(self.actor, request.flt, order_by=request.order_by,
                                            descending=request.descending, limit=request.limit)
            self.relay.pageReady.emit(request.generation, rows)
        except RuntimeError:
            pass  # the list was closed meanwhile (its relay is gone)
        except Exception as exc:  # noqa: BLE001 - shown in the window, never lost on this thread
            close_thread_connection()  # the next search starts on a fresh one
            try:
                self.relay.failed.emit(request.generation, str(getattr(exc, "message", exc)))
            except RuntimeError:
                pass


class ResidentTableModel(RowsModel):
    """The register over the one table model (``gui/common/rows_model.py``): keyset
    pages of ``ResidentRow`` tuples as the view scrolls.

    ``countChanged(total)`` is emitted after every refresh with the number of
    residents matching the filter (not only the rows loaded so far); ``count``
    says whether that number is exact or a lower bound.

    ``refresh``/``set_filter`` read at once; ``request`` (typing in the search
    box, choosing a filter) asks the worker thread and returns immediately:
    ``loading`` is True until the newest request's first page is shown.
    """

    countChanged = Signal(int)  # noqa: N815
    loadingChanged = Signal(bool)  # noqa: N815
    failed = Signal(str)
    # Display texts kept for at most this many rows (the visible ones are rebuilt on demand).
    TEXT_CACHE_ROWS = 2000
    # The worker thread closes its connection and ends this long after the last search
    # (opening one costs more than a search; holding it while idle would hold the file).
    IDLE_S = 3.0
    # Qt's own flags (selectable, enabled): the register is never checkable, and the view asks
    # for every painted cell's flags twice; a Python ``flags`` (RowsModel's) would be called each time.
    flags = QAbstractTableModel.flags

    def __init__(self, actor: Actor, parent=None, *, page_size: int = PAGE_SIZE):
        columns = [Column(header, lambda row, key=key: display_value(row, key)) for key, header in COLUMNS]
        super().__init__(columns, parent=parent, pager=self._page, page_size=page_size)
        self.actor = actor
        self._filter = ResidentFilter()
        self._order_by = "name"
        self._descending = False
        self._cells: dict[int, tuple[Cell, ...]] = {}  # row -> its cells, built when first shown
        self._count = residents.ResidentCount(0, True)
        self._generation = 0
        self._loading = False
        # Rows of a first page: what the view shows and a little more (``fit_first_page``);
        # the rest follows by keyset as the view scrolls. Never more than ``page_size``.
        self.first_page_size: int | None = None
        self._scrolled = False  # rows beyond the first page were loaded (the view scrolled)
        self._pending: _Request | None = None
        # One worker thread, keeping its connection while the person types.
        self._worker = SearchThread("register-search", self.IDLE_S)
        self._count_due: int | None = None  # the search whose count is asked for once its rows are painted
        self._relay = _Relay(self)
        self._relay.pageReady.connect(self._page_ready)
        self._relay.countReady.connect(self._count_ready)
        self._relay.failed.connect(self._failed)
        connections.keeps_connection(self._worker.release)

    def _keep(self, rows: Iterable[ResidentRow]) -> LoadedRows:
        return LoadedResidents(rows)

    @property
    def _loaded(self) -> LoadedResidents:
        return cast(LoadedResidents, self._rows)

    def _page(self, after: ResidentRow | None, limit: int) -> list[ResidentRow]:
        """The pager: ``limit`` rows after ``after`` (keyset) in the shown filter and order."""
        return residents.list_residents(self.actor, self._filter, order_by=self._order_by,
                                        descending=self._descending, limit=limit, after=after)

    @property
    def first_limit(self) -> int:
        """How many rows a first page asks for."""
        return min(self.page_size, self.first_page_size or self.page_size)

    def fit_first_page(self, visible_rows: int) -> None:
        """Size first pages to a view showing ``visible_rows``: a screenful plus a margin,
        so the view does not ask for the next page at once (it does when the last
        loaded row is visible), and a keystroke reads, converts and shows no row the
        person cannot see."""
        self.first_page_size = max(FIRST_PAGE_MIN, visible_rows + FIRST_PAGE_MARGIN)

    # --- what is shown ------------------------------------------------------
    @property
    def total(self) -> int:
        return self._count.n

    @property
    def count(self) -> residents.ResidentCount:
        return self._count

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def filter(self) -> ResidentFilter:
        return self._filter

    @property
    def order(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    def set_filter(self, flt: ResidentFilter) -> None:
        """Show ``flt`` now; the same filter again (after a save) keeps the rows loaded so far."""
        same = flt == self._filter
        self._filter = flt
        self.refresh(keep_loaded=same)

    def refresh(self, *, keep_loaded: bool = False) -> None:
        """Reload from the first page now (filter, sort or data changed). ``keep_loaded``:
        as many rows as are loaded now (up to KEEP_LOADED_MAX), so that a PM opened
        from further down the list is still there to select when its window closes."""
        self._generation += 1  # answers to earlier requests are dropped
        self._set_loading(False)
        scrolled = len(self._rows) if keep_loaded and self._scrolled else 0
        limit = max(self.first_limit, min(scrolled, KEEP_LOADED_MAX))
        rows = self._page(None, limit)
        count = (residents.ResidentCount(len(rows), True) if len(rows) < limit
                 else residents.count_matching(self.actor, self._filter))
        self._show(rows, count, limit)

    def reload(self) -> None:
        self.refresh()

    def request(self, flt: ResidentFilter) -> None:
        """Show ``flt``'s residents as soon as the worker thread has them; returns at once."""
        self._generation += 1
        self._pending = _Request(self._generation, flt, self._order_by, self._descending, self.first_limit)
        self._set_loading(True)
        self._submit(self._pending)

    def _submit(self, request: _Request, *, count: bool = False) -> None:
        self._worker.submit(_SearchTask(self.actor, request, lambda: self._generation, self._relay, count=count).run)

    @property
    def requested_filter(self) -> ResidentFilter:
        """The filter being searched for, or the one shown when no search is running."""
        return self._pending.flt if self._pending is not None and self._loading else self._filter

    def close(self) -> None:
        """Drop pending searches, wait for a running one; the worker closes its connection
        and ends (the list is going away)."""
        self._generation += 1
        self._worker.stop()

    def _page_ready(self, generation: int, rows: list[ResidentRow]) -> None:
        if generation != self._generation or self._pending is None:
            return  # a newer search was typed meanwhile
        self._filter = self._pending.flt
        limit = self._pending.limit
        # A short first page is the whole answer; a full one is "at least" until counted.
        self._show(rows, residents.ResidentCount(len(rows), len(rows) < limit), limit)
        self._set_loading(False)
        if len(rows) >= limit:
            # Posted at the repaint's own (low) priority, after it: counted once the rows are painted.
            self._count_due = generation
            QCoreApplication.postEvent(self, QEvent(_COUNT_DUE), Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() != _COUNT_DUE or self._count_due != self._generation or self._pending is None:
            return  # counted already, or another search or a refresh came meanwhile
        self._count_due = None
        self._submit(self._pending, count=True)

    def _count_ready(self, generation: int, count: residents.ResidentCount) -> None:
        if generation != self._generation:
            return
        self._count = count
        self.countChanged.emit(count.n)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.failed.emit(message)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def _show(self, rows: list[ResidentRow], count: residents.ResidentCount, limit: int) -> None:
        """One model reset: the first page (``limit`` rows asked for) and its count."""
        self._cells = {}
        self._count = count
        self._scrolled = False
        self.set_rows(rows, first_page=True)
        self._at_end = len(rows) < limit  # a first page smaller than page_size: more may follow
        self.countChanged.emit(count.n)

    def resident_id(self, row: int) -> int | None:
        return self._loaded.id_at(row) if 0 <= row < len(self._rows) else None

    def row_of(self, resident_id: int) -> int:
        """The row of a loaded resident, or -1."""
        return self._loaded.row_of_id(resident_id)

    def loaded_rows(self) -> LoadedResidents:
        """The rows loaded so far (read-only; more follow as the view scrolls)."""
        return self._loaded

    def fetched(self, added: int) -> None:
        self._scrolled = True
        loaded = len(self._rows)
        if (self.at_end and loaded != self._count.n) or loaded > self._count.n:
            # The count was a lower bound, or rows were added/deleted elsewhere since.
            self._count = residents.ResidentCount(loaded, self.at_end)
            self.countChanged.emit(loaded)

    # --- Qt model interface ------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Klik untuk mengurutkan")
        return super().headerData(section, orientation, role)

    def row_cells(self, row: int) -> tuple[Cell, ...] | None:
        """Every cell of ``row`` as the register paints it (text_cells.py: text, alignment,
        colour: grey for "(tanpa NIK)"), built once from the row unpacked once; None past
        the loaded rows."""
        cells = self._cells.get(row)
        if cells is None:
            if not 0 <= row < len(self._rows):
                return None
            if len(self._cells) >= self.TEXT_CACHE_ROWS:
                self._cells.clear()  # the rows scrolled past are not kept twice
            resident = self._rows[row]
            grey = -1 if self._loaded.has_nik(row) else _NIK_COLUMN  # the column painted grey, if any
            cells = self._cells[row] = tuple(
                (display_value(resident, key), alignment, _NO_NIK_COLOR if column == grey else None)
                for column, (key, alignment) in enumerate(zip(COLUMN_KEYS, _ALIGNMENTS)))
        return cells

    def cell(self, row: int, column: int) -> Cell | None:
        """One cell of ``row_cells``; None past the loaded rows."""
        cells = self.row_cells(row)
        return None if cells is None else cells[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The register paints from ``cell``; data() answers tooltips, accessibility, copying.
        if not 0 <= index.row() < len(self._rows):
            return None
        if role in _CELL_ROLES:
            text, alignment, colour = cast(Cell, self.cell(index.row(), index.column()))  # a loaded row
            return text if role == _DISPLAY else alignment if role == _ALIGN else colour
        if role == _TOOLTIP and index.column() == _KLASTER_COLUMN:
            return codes.label(codes.KLASTER, self._rows[index.row()].klaster)
        if role == self.IdRole:
            return self._loaded.id_at(index.row())
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


class RecordTableModel(RowsModel):
    """A small read-only table over a list of records (a resident's assessments,
    services, ...) on the one table model, each column given as (header, function
    record -> text): one line per cell, the full text as its tooltip."""

    def __init__(self, columns: list[tuple[str, Callable[[Any], str]]], parent=None):
        super().__init__([Column(header, lambda r, f=text: " ".join(str(f(r)).split()),
                                 tooltip=lambda r, f=text: str(f(r))) for header, text in columns], parent=parent)

    def set_records(self, records: Sequence[Any]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> Any:
        return self.row_at(row)
