"""A name-ordered search with common words walks the name-ordered search index;
a rare word is looked up in the trigram index; the count of the search box
alone is read from the trigram index. Plans and statements are asserted, never
timings."""

from __future__ import annotations

import pytest

from balai_app.db import search_index
from balai_app.db.models import database
from balai_app.services import residents
from balai_app.services.residents import ResidentFilter
from balai_app.services.residents_search import _list_query

SQLITE = pytest.mark.sqlite_only  # SQLite's FTS5 and INDEXED BY; PostgreSQL: pg_trgm (test_search_server.py)


def plan(query) -> str:
    sql, params = query.sql()
    return " | ".join(str(row[-1]) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())


@pytest.fixture
def register(db, make_resident):
    people = [("Siti Aminah", "Bogor"), ("Budi Santoso", "Sidoarjo"), ("Siti Zubaidah", "Medan"),
              ("Agus Salim", "Bogor"), ("Sitti Rahma", "Makassar"), ("Yusuf", "Bogor"), ("Ani", "Solo"),
              ("Siti Aminah", "Sleman")]
    for name, place in people:
        make_resident(name=name, birth_place=place)
    return people


@SQLITE
def test_common_words_walk_the_name_ordered_index(register, monkeypatch):
    monkeypatch.setattr(search_index, "COMMON_MATCHES", 3)
    db = database.obj
    assert search_index.walks_in_order(db, ["si"])  # too short for the trigram index
    assert search_index.walks_in_order(db, ["bogor"])  # in 3 rows: common
    assert not search_index.walks_in_order(db, ["zubaidah"])  # in 1 row: rare
    assert not search_index.walks_in_order(db, [])
    walked = plan(_list_query(ResidentFilter(text="bogor"), "name", False, 40, 0, walk=True))
    assert search_index.NAME_SEARCH_INDEX in walked and "resident_fts" not in walked
    assert "TEMP B-TREE" not in walked  # the index is already in the list's order: no sort
    looked_up = plan(_list_query(ResidentFilter(text="zubaidah"), "name", False, 40, 0))
    assert "resident_fts" in looked_up and search_index.NAME_SEARCH_INDEX not in looked_up


@pytest.mark.parametrize("text", ["s", "si", "siti", "bogor", "siti bo", "zz", "a s"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("klaster", [None, "anak"])
def test_the_walk_finds_what_the_lookup_finds(register, system, monkeypatch, text, descending, klaster):
    """Same rows, same order (ties by id) whichever way the first page is read."""
    flt = ResidentFilter(text=text, klaster=klaster)
    looked_up = residents.list_residents(system, flt, descending=descending, limit=5, offset=0)
    monkeypatch.setattr(search_index, "COMMON_MATCHES", 1)
    walked = residents.list_residents(system, flt, descending=descending, limit=5)
    assert walked == looked_up
    if len(walked) == 5:  # the next page by keyset follows on
        rest = residents.list_residents(system, flt, descending=descending, limit=100, after=walked[-1])
        whole = residents.list_residents(system, flt, descending=descending, limit=100, offset=0)
        assert walked + rest == whole


def reads_register(statement: str) -> bool:
    """Whether a statement (FTS5's own included) names the register table itself."""
    return "resident" in statement.replace("resident_fts", "")


@SQLITE
def test_the_search_box_alone_is_counted_in_the_trigram_index(register, system):
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        assert residents.count_matching(system, ResidentFilter(text="siti")) == (3, True)
        assert any('FROM "resident_fts"' in s for s in statements)
        assert not any(reads_register(s) for s in statements)  # not even FTS5 reading its content rows
        statements.clear()
        # with a klaster filter the rows themselves are counted (exactly)
        flt = ResidentFilter(text="siti", klaster="lansia")
        assert residents.count_matching(system, flt) == (len(residents.list_residents(system, flt)), True)
        assert any(reads_register(s) for s in statements)
    finally:
        database.connection().set_trace_callback(None)
    assert residents.count_matching(system, ResidentFilter(text="bogor sit")) == (1, True)
    assert residents.count_matching(system, ResidentFilter(text="medan sitti")) == (0, True)
    assert residents.count_matching(system, ResidentFilter(text="bogor agus")) == (1, True)


@SQLITE
def test_upgrade_adds_the_name_ordered_search_index(db):
    rows = database.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?",
                                (search_index.NAME_SEARCH_INDEX,)).fetchall()
    assert rows and '("name", "id", "search_text")' in rows[0][0]
