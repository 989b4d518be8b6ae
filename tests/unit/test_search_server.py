"""The register's search on PostgreSQL: pg_trgm's GIN index serves the
contains-search and its count; a rare word's page is sorted from the index's
matches, not found by walking the name order. Plans are asserted, never timings
(the planner is told not to scan the whole table, so a tiny test table shows
which index *can* serve the query)."""

from __future__ import annotations

import pytest

from balai_app.db import search_index
from balai_app.db.models import Resident, database
from balai_app.services import residents
from balai_app.services.residents import ResidentFilter
from balai_app.services.residents_search import _list_query, filtered

pytestmark = pytest.mark.postgresql_only


def plan(query) -> str:
    sql, params = query.sql()
    with database.atomic():
        database.execute_sql("SET LOCAL enable_seqscan = off")
        database.execute_sql("SET LOCAL enable_indexonlyscan = off")  # nor every entry of an index
        rows = database.execute_sql("EXPLAIN " + sql, params).fetchall()
    return "\n".join(r[0] for r in rows)


@pytest.fixture
def register(db, make_resident):
    for name, place in [("Siti Aminah", "Bogor"), ("Budi Santoso", "Sidoarjo"), ("Agus Salim", "Bogor"),
                        ("Sitti Rahma", "Makassar"), ("Yusuf", "Bogor")]:
        make_resident(name=name, birth_place=place)
    database.execute_sql("ANALYZE resident")


def test_the_trigram_index_serves_the_search_and_its_count(register, system):
    assert search_index.has_pg_trigram(database.obj)
    page = plan(_list_query(ResidentFilter(text="aminah"), "name", False, 40, 0))
    assert search_index.PG_TRIGRAM_INDEX in page
    assert "resident_name" not in page  # sorted from the matches, not walked in name order
    count = plan(filtered(Resident.select(Resident.id), ResidentFilter(text="bogor")))
    assert search_index.PG_TRIGRAM_INDEX in count
    # a word the index serves is counted exactly
    assert residents.count_matching(system, ResidentFilter(text="bogor")) == (3, True)


def test_short_words_walk_the_name_order_longer_ones_use_the_trigram_index(register, system, monkeypatch):
    monkeypatch.setattr(search_index, "COMMON_MATCHES", 3)
    db = database.obj
    assert search_index.walks_in_order(db, ["si"])  # pg_trgm cannot serve it: walk and stop at a page
    assert not search_index.walks_in_order(db, ["bogor"]) and not search_index.walks_in_order(db, ["aminah"])
    walked = plan(_list_query(ResidentFilter(text="si"), "name", False, 40, 0, walk=True))
    assert "Index Scan using resident_name" in walked and search_index.PG_TRIGRAM_INDEX not in walked
    names = [r.name for r in residents.list_residents(system, ResidentFilter(text="bo"))]
    assert names == ["Agus Salim", "Siti Aminah", "Yusuf"]
