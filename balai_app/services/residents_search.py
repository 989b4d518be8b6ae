"""Listing, searching and counting the register (the residents list, Beranda's counts).

Recording and checking a PM is ``services/residents.py``, which re-exports these
names for its callers. The engine-specific part of the search (SQLite's FTS5
trigram index, the name-ordered search index) is ``db/search_index.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import SQL, Case, fn

from balai_app import gc_pause
from balai_app.db import search_index
from balai_app.db.models import Assessment, Resident, database
from balai_app.domain import codes
from balai_app.domain.text import search_words
from balai_app.services.context import Actor
from balai_app.services.permissions import require

@dataclass
class ResidentFilter:
    text: str = ""
    klaster: str | None = None
    status: str | None = None
    sex: str | None = None
    entry_year: int | None = None
    without_assessment: bool = False  # never assessed (Beranda's "Perlu asesmen")


class ResidentRow(NamedTuple):
    id: int
    nik: str | None
    name: str
    sex: str
    birth_place: str
    birth_date: dt.date | None
    klaster: str
    status: str
    entry_date: dt.date


SORT_COLUMNS = {
    "id": Resident.id,
    "nik": Resident.nik,
    "name": Resident.name,
    "sex": Resident.sex,
    "birth_place": Resident.birth_place,
    "birth_date": Resident.birth_date,
    "klaster": Resident.klaster,
    "status": Resident.status,
    "entry_date": Resident.entry_date,
}


def _label_order(column, labels: Mapping[Any, str]):
    """Sort a coded column in the order of the labels the list shows (a code's
    alphabet differs: 'disabilitas' is 'Penyandang Disabilitas')."""
    ranked = sorted(labels, key=lambda code: labels[code].casefold())
    return Case(column, [(code, rank) for rank, code in enumerate(ranked)], len(ranked))


# Sort keys that differ from the column itself.
SORT_KEYS = {
    "klaster": _label_order(Resident.klaster, codes.KLASTER),
    "status": _label_order(Resident.status, codes.RESIDENT_STATUS),
}
# code -> its rank in SORT_KEYS, for keyset paging
_RANKS = {
    name: {code: rank for rank, code in enumerate(sorted(labels, key=lambda c: labels[c].casefold()))}
    for name, labels in (("klaster", codes.KLASTER), ("status", codes.RESIDENT_STATUS))
}


def matching_text(query, text: str, *, scan: bool = False):
    """Narrow a Resident query to rows whose name, NIK or place of birth contain
    every word of ``text`` (case, accents and apostrophe styles ignored). Words of
    three or more characters are looked up in the trigram index
    (``db/search_index.py``), not scanned; ``scan``: every word is checked on the
    row's key (a walk of the name-ordered search index)."""
    for clause in search_index.contains_all(database.obj, search_words(text), Resident.id, Resident.search_text,
                                            scan=scan):
        query = query.where(clause)
    return query


def filtered(query, flt: ResidentFilter, *, scan: bool = False):
    """``query`` narrowed to the residents ``flt`` describes (the list, its counts and the export)."""
    query = matching_text(query, flt.text, scan=scan)
    if flt.klaster:
        query = query.where(Resident.klaster == flt.klaster)
    if flt.status:
        query = query.where(Resident.status == flt.status)
    if flt.sex:
        query = query.where(Resident.sex == flt.sex)
    if flt.entry_year:
        start = dt.date(flt.entry_year, 1, 1)
        query = query.where((Resident.entry_date >= start) & (Resident.entry_date < start.replace(year=flt.entry_year + 1)))
    if flt.without_assessment:
        query = query.where(~fn.EXISTS(Assessment.select(Assessment.id).where(Assessment.resident == Resident.id)))
    return query


def list_residents(
    actor: Actor,
    flt: ResidentFilter | None = None,
    *,
    order_by: str = "name",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    after: ResidentRow | None = None,
) -> list[ResidentRow]:
    """One page of the list: only the light columns, never photos or notes.

    ``after``: the last row of the previous page; the page starts after it in
    the same order (keyset paging: as fast at row 50,000 as at row 1, where an
    ``offset`` makes SQLite step over every earlier row again).
    """
    require(actor, "residents.view")
    flt = flt or ResidentFilter()
    if after is None and not offset and order_by == "name":
        walk = search_index.walks_in_order(database.obj, search_words(flt.text))
    else:
        walk = False
    query = _list_query(flt, order_by, descending, limit, offset, walk=walk)
    if after is not None:
        query = query.where(_after(order_by, descending, after))
    # The rows straight from the driver: peewee's per-value conversion costs more than the
    # query itself when the list is scrolled to its end (dates are converted once per value).
    sql, params = query.sql()
    return _compact_rows(database.obj.execute_sql(sql, params).fetchall())


# Values that repeat across the register (sex, place, dates, klaster, status) are kept once:
# a list scrolled to its end holds every row, and each repeated string or date would cost
# its own 50-80 bytes per row. Bounded: distinct values only, and cleared when it grows large.
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 100_000


_DATES: dict[Any, dt.date | None] = {}


def _date(value) -> dt.date | None:
    """A date column's value as a date, each distinct value converted and held once
    (SQLite hands out ISO text, PostgreSQL dates)."""
    shared = _DATES.get(value)
    if shared is None and value is not None:
        if len(_DATES) >= _SHARED_MAX:
            _DATES.clear()
        shared = _DATES[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return shared


def _compact_rows(values: list[tuple]) -> list[ResidentRow]:
    """Driver rows as ``ResidentRow`` tuples whose repeated values are held once
    (one loop without per-value calls: scrolling to the end builds every row)."""
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    shared, dates, make, new = _SHARED.setdefault, _DATES.get, _date, tuple.__new__
    out = []
    with gc_pause.paused():  # thousands of new tuples would start cycle collections over every row held
        for rid, nik, name, sex, place, birth, klaster, status, entry in values:
            out.append(new(ResidentRow, (
                rid, nik, name, shared(sex, sex), shared(place, place),
                dates(birth) or make(birth), shared(klaster, klaster), shared(status, status),
                dates(entry) or make(entry))))
    return out


def _sort_value(order_by: str, row: ResidentRow):
    """The value the list sorts ``row`` by (the label rank for coded columns)."""
    value = getattr(row, order_by)
    if order_by in _RANKS:
        return _RANKS[order_by].get(value, len(_RANKS[order_by]))
    return value


def _after(order_by: str, descending: bool, row: ResidentRow):
    """Rows after ``row`` in ORDER BY key [DESC], id. SQLite puts NULLs first
    going up and last going down; ties are broken by id, always ascending."""
    column: Any = SORT_KEYS[order_by] if order_by in SORT_KEYS else SORT_COLUMNS[order_by]
    value = _sort_value(order_by, row)
    same_later = Resident.id > row.id
    if value is None:
        if descending:
            return column.is_null() & same_later
        return column.is_null(False) | (column.is_null() & same_later)
    beyond = (column < value) | column.is_null() if descending else column > value
    return beyond | ((column == value) & same_later)


_TEXT_SORTS = ("nik", "name", "sex", "birth_place")


def _list_query(flt: ResidentFilter, order_by: str, descending: bool, limit: int, offset: int, *,
                walk: bool = False):
    """``walk``: the first page of a name-ordered search with common words, read by
    walking the name-ordered search index until the page is full
    (``search_index.walks_in_order``); otherwise the matches are sorted."""
    column = SORT_KEYS[order_by] if order_by in SORT_KEYS else SORT_COLUMNS[order_by]
    if walk:
        query = filtered(Resident.select(*(SORT_COLUMNS[name] for name in ResidentRow._fields)), flt, scan=True)
        query = query.from_(search_index.in_name_order(database.obj, "t1"))
        return query.order_by(column.desc() if descending else column.asc(), Resident.id).limit(limit).offset(offset)
    if flt.text.split() and order_by not in ("id", *SORT_KEYS):
        # With a search text, walking the sort column's index row by row (what SQLite picks
        # for ORDER BY ... LIMIT) checks the search on most of the table before it has a page
        # when few rows match. A sort key no index serves (SQLite's unary plus, see
        # ``search_index.sorted_not_walked``) makes it take the matches from the search
        # index and sort only them.
        column = search_index.sorted_not_walked(database.obj, column, order_by in _TEXT_SORTS)
    query = filtered(Resident.select(*(SORT_COLUMNS[name] for name in ResidentRow._fields)), flt)
    return query.order_by(column.desc() if descending else column.asc(), Resident.id).limit(limit).offset(offset)


class ResidentCount(NamedTuple):
    """How many residents match: ``exact`` False means "at least ``n``" (a search
    the index cannot serve is not counted to the end)."""

    n: int
    exact: bool


# A search of only one- and two-letter words is checked row by row: its count stops here.
COUNT_CAP = 1000


def count_residents(actor: Actor, flt: ResidentFilter | None = None) -> int:
    require(actor, "residents.view")
    return filtered(Resident.select(fn.COUNT(Resident.id)), flt or ResidentFilter()).scalar() or 0


def count_matching(actor: Actor, flt: ResidentFilter | None = None) -> ResidentCount:
    """The count the list shows. Exact when an index narrows the search (the
    trigram index, or no text at all: SQLite counts an index, not the rows);
    otherwise counted up to ``COUNT_CAP`` and marked as a lower bound."""
    require(actor, "residents.view")
    flt = flt or ResidentFilter()
    words = search_words(flt.text)
    if flt == ResidentFilter(text=flt.text):  # the search box alone: the trigram index counts it
        n = search_index.count_text_only(database.obj, words)
        if n is not None:
            return ResidentCount(n, True)
    if search_index.uses_index(database.obj, words):
        return ResidentCount(count_residents(actor, flt), True)
    capped = filtered(Resident.select(Resident.id), flt).limit(COUNT_CAP + 1)
    n = Resident.select(fn.COUNT(SQL("*"))).from_(capped.alias("capped")).scalar() or 0
    return ResidentCount(min(n, COUNT_CAP), n <= COUNT_CAP)


def entry_years(actor: Actor) -> list[int]:
    require(actor, "residents.view")
    rows = Resident.select(fn.DISTINCT(fn.strftime("%Y", Resident.entry_date))).tuples()
    return sorted((int(y) for (y,) in rows if y), reverse=True)


def counts_by_klaster_and_status(actor: Actor) -> dict[tuple[str, str], int]:
    """{(klaster, status): count} for the home screen and reports: read from the counts
    the database keeps (``db/search_index.py``), else counted over the covering index."""
    require(actor, "residents.view")
    kept = search_index.kept_counts(database.obj)
    if kept is not None:
        return {(k, s): n for k, s, n in kept}
    query = Resident.select(Resident.klaster, Resident.status, fn.COUNT(Resident.id)).group_by(
        Resident.klaster, Resident.status
    )
    return {(k, s): n for k, s, n in query.tuples()}


