"""The register's list query: a search must not walk the sort column's index.

With ``ORDER BY name LIMIT 200`` SQLite walks the name index and checks the
search on each row until it has a page; when few rows match that is most of the
table (about 5x slower than scanning once and sorting the matches over 50,000
PM). The order of the results must stay the same either way.
"""

from __future__ import annotations

import pytest

from balai_app.db.models import database
from balai_app.services import residents
from balai_app.services.residents import ResidentFilter
from balai_app.services.residents_search import _list_query


def plan(query) -> str:
    sql, params = query.sql()
    return " ".join(str(row[-1]) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())


@pytest.mark.sqlite_only
def test_search_does_not_walk_the_name_index(db, make_resident):
    make_resident(name="Siti Aminah")
    assert "resident_name" not in plan(_list_query(ResidentFilter(text="siti"), "name", False, 200, 0))
    assert "resident_entry_date" not in plan(_list_query(ResidentFilter(text="siti"), "entry_date", True, 200, 0))
    # without a search the index still serves the order (first page at once)
    assert "resident_name" in plan(_list_query(ResidentFilter(), "name", False, 200, 0))


def test_search_results_keep_their_order(db, system, make_resident):
    for name, place in [("Siti Zubaidah", "Bogor"), ("Budi", "Sidoarjo"), ("Siti Aminah", "Medan"),
                        ("Agus", "Bogor"), ("Sitti Rahma", "Makassar")]:
        make_resident(name=name, birth_place=place)
    flt = ResidentFilter(text="si")
    by_name = [r.name for r in residents.list_residents(system, flt)]
    assert by_name == ["Budi", "Siti Aminah", "Siti Zubaidah", "Sitti Rahma"]
    down = [r.name for r in residents.list_residents(system, flt, order_by="name", descending=True)]
    assert down == by_name[::-1]
    by_place = [r.birth_place for r in residents.list_residents(system, flt, order_by="birth_place")]
    assert by_place == sorted(by_place)
    page = [r.name for r in residents.list_residents(system, flt, limit=2, offset=1)]
    assert page == ["Siti Aminah", "Siti Zubaidah"]


def test_coded_columns_sort_by_the_label_shown(db, system, make_resident):
    for klaster in ("disabilitas", "tuna_sosial", "anak", "napza", "lansia"):
        make_resident(name=f"PM {klaster}", klaster=klaster)
    shown = [r.klaster for r in residents.list_residents(system, order_by="klaster")]
    # Anak, Korban Penyalahgunaan NAPZA, Lanjut Usia, Penyandang Disabilitas, Tuna Sosial ...
    assert shown == ["anak", "napza", "lansia", "disabilitas", "tuna_sosial"]
    down = [r.klaster for r in residents.list_residents(system, order_by="klaster", descending=True)]
    assert down == shown[::-1]
    searched = [r.klaster for r in residents.list_residents(system, ResidentFilter(text="pm"), order_by="klaster")]
    assert searched == shown
