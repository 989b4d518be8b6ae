"""The register's search index (FTS5 trigram), keyset paging and the Beranda's covering index.

Query plans are asserted, never timings: a plan that reads the index stays fast
whatever the machine.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from balai_app.db import search_index
from balai_app.db.connection import close_database, open_database
from balai_app.db.models import Resident, database
from balai_app.services import resident_io, residents, residents_search
from balai_app.services.residents import ResidentFilter
from balai_app.services.residents_search import _list_query

pytestmark = pytest.mark.sqlite_only  # SQLite's FTS5 index; on PostgreSQL: pg_trgm (db/dialect.py)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def plan_of(sql: str, params=()) -> str:
    return " | ".join(str(row[-1]) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def plan(query) -> str:
    return plan_of(*query.sql())


def fts_in_step() -> bool:
    """FTS5's own check that the index holds exactly the content table's text."""
    try:
        database.execute_sql(f"INSERT INTO {search_index.FTS_TABLE}({search_index.FTS_TABLE}, rank) "
                             "VALUES ('integrity-check', 1)")
    except Exception:  # noqa: BLE001 - SQLITE_CORRUPT_VTAB when they differ
        return False
    return True


def names(system, text, **kw):
    return [r.name for r in residents.list_residents(system, ResidentFilter(text=text), **kw)]


def test_this_python_has_fts5_trigram(db):
    """The Pythons we ship (and the bundle made from them) carry FTS5 with trigram."""
    assert sqlite3.sqlite_version_info >= (3, 34)
    assert search_index.trigram_available(db)
    assert search_index.has_index(db)


def test_search_reads_the_trigram_index(db, make_resident):
    make_resident(name="Siti Aminah")
    text = plan(_list_query(ResidentFilter(text="siti"), "name", False, 200, 0))
    assert f"{search_index.FTS_TABLE} VIRTUAL TABLE" in text
    assert "SEARCH t1 USING INTEGER PRIMARY KEY" in text and "SCAN t1" not in text, text
    count_sql = residents_search.filtered(Resident.select(Resident.id), ResidentFilter(text="siti amin")).sql()
    count_plan = plan_of(*count_sql)
    assert "SCAN t1" not in count_plan and "VIRTUAL TABLE" in count_plan, count_plan


def test_search_finds_substrings_of_any_word(db, system, make_resident):
    make_resident(name="Siti Aminah", birth_place="Bogor")
    make_resident(name='Budi "Gendut" Santoso', birth_place="Sidoarjo")
    make_resident(name="Agus", birth_place="Medan")
    assert names(system, "mina") == ["Siti Aminah"]
    assert names(system, "ogo") == ["Siti Aminah"]
    assert names(system, "si") == ['Budi "Gendut" Santoso', "Siti Aminah"], "short words still match"
    assert names(system, "si bog") == ["Siti Aminah"], "a short and a long word together"
    assert names(system, '"gendut"') == ['Budi "Gendut" Santoso'], "quotes are text, not FTS syntax"
    assert names(system, "gendut OR agus") == [], "FTS operators are text"
    assert names(system, "AMINAH siti") == ["Siti Aminah"]
    assert names(system, "xyz") == []


def test_index_follows_every_write_of_the_search_key(db, system, make_resident):
    pm = make_resident(name="Siti Aminah", birth_place="Bogor")
    assert names(system, "amin") == ["Siti Aminah"]
    residents.update_resident(system, pm.id, {"name": "Siti Rahayu"}, expected_version=pm.version)
    assert names(system, "amin") == []
    assert names(system, "rahay") == ["Siti Rahayu"]
    residents.update_resident(system, pm.id, {"notes": "tidak mengubah kunci"}, expected_version=pm.version + 1)
    assert names(system, "rahay") == ["Siti Rahayu"]
    cleaned, _ = residents.clean({"name": "Dewi Lestari", "sex": "P", "klaster": "lansia", "nik": None,
                                  "nik_missing_reason": "Tidak punya KTP", "entry_date": "2026-01-05"})
    resident_io.insert_rows(system, [cleaned], "uji.csv")  # the importer's path
    assert names(system, "lestar") == ["Dewi Lestari"]
    Resident.delete().where(Resident.id == pm.id).execute()
    assert names(system, "rahay") == []
    assert fts_in_step()


def test_index_out_of_step_is_detected(db, make_resident):
    """The check above can fail: text changed behind the triggers' back is seen."""
    make_resident(name="Siti Aminah")
    database.execute_sql("DROP TRIGGER resident_fts_update")
    database.execute_sql("UPDATE resident SET search_text = 'lain sama sekali'")
    assert not fts_in_step()


def test_upgrade_indexes_existing_residents(tmp_path, isolated_paths, system):
    copy = tmp_path / "v2.sqlite"
    shutil.copy(FIXTURES / "schema_v2.sqlite", copy)
    open_database(copy)
    try:
        assert search_index.has_index(database.obj)
        assert names(system, "luh put") == ["Ni Luh Putu Ayu"]
        assert names(system, "sukar") == ["Sukarno"]
        assert fts_in_step()
    finally:
        close_database()


SORTS = ["id", "nik", "name", "sex", "birth_place", "birth_date", "klaster", "status", "entry_date"]


@pytest.mark.parametrize("order_by", SORTS)
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("text", ["", "pm"])
def test_keyset_pages_equal_the_whole_list(db, system, make_resident, order_by, descending, text):
    """Page after page from the last row's key gives exactly the list in one go,
    with ties, NULL sort keys (no NIK, no birth date, no place) and both directions."""
    klasters = ["anak", "lansia", "disabilitas", "napza", "tuna_sosial"]
    for n in range(23):
        overrides = {"name": f"PM {n % 4}", "klaster": klasters[n % 5], "birth_place": ["Bogor", "", "Medan"][n % 3]}
        if n % 3 == 0:
            overrides.update(nik=None, nik_missing_reason="Tidak punya KTP", birth_date=None)
        make_resident(**overrides)
    flt = ResidentFilter(text=text)
    whole = residents.list_residents(system, flt, order_by=order_by, descending=descending, limit=1000)
    assert len(whole) == 23
    paged, last = [], None
    while True:
        page = residents.list_residents(system, flt, order_by=order_by, descending=descending, limit=4, after=last)
        if not page:
            break
        paged.extend(page)
        last = page[-1]
    assert [r.id for r in paged] == [r.id for r in whole]


def test_count_is_exact_through_the_index_and_bounded_otherwise(db, system, make_resident, monkeypatch):
    for n in range(7):
        make_resident(name=f"Siti {n}")
    make_resident(name="Agus")
    assert residents.count_matching(system, ResidentFilter(text="siti")) == (7, True)
    assert residents.count_matching(system, ResidentFilter()) == (8, True)
    # one- and two-letter words cannot use the index: counted up to the cap and marked so
    monkeypatch.setattr(residents_search, "COUNT_CAP", 5)
    assert residents.count_matching(system, ResidentFilter(text="si")) == (5, False)
    assert residents.count_matching(system, ResidentFilter(text="ag")) == (1, True)


def grouped() -> dict[tuple[str, str], int]:
    rows = database.execute_sql('SELECT klaster, status, count(*) FROM resident GROUP BY 1, 2').fetchall()
    return {(k, s): n for k, s, n in rows}


def test_beranda_counts_are_kept_in_step_with_every_write(db, system, make_resident):
    """The Beranda reads 30 kept counts instead of scanning the register; they follow every write."""
    assert residents.counts_by_klaster_and_status(system) == {}
    a = make_resident(klaster="anak")
    b = make_resident(klaster="lansia")
    assert residents.counts_by_klaster_and_status(system) == {("anak", "aktif"): 1, ("lansia", "aktif"): 1}
    residents.update_resident(system, a.id, {"status": "dirujuk", "exit_date": "2026-02-01"},
                              expected_version=a.version)
    residents.update_resident(system, b.id, {"klaster": "anak"}, expected_version=b.version)
    residents.update_resident(system, b.id, {"notes": "tidak mengubah hitungan"}, expected_version=b.version + 1)
    cleaned, _ = residents.clean({"name": "Dewi", "sex": "P", "klaster": "napza", "nik": None,
                                  "nik_missing_reason": "Tidak punya KTP", "entry_date": "2026-01-05"})
    resident_io.insert_rows(system, [cleaned, dict(cleaned, name="Rina")], "uji.csv")
    Resident.delete().where(Resident.id == a.id).execute()
    expected = {("anak", "aktif"): 1, ("napza", "aktif"): 2}
    assert residents.counts_by_klaster_and_status(system) == expected == grouped()
    kept = database.execute_sql(f"SELECT count(*) FROM {search_index.COUNTS_TABLE}").fetchone()[0]
    assert kept <= 30, "one row per (klaster, status) pair"


def test_beranda_reads_the_kept_counts_not_the_register(db, make_resident):
    make_resident()
    sql = f'SELECT "klaster", "status", "n" FROM "{search_index.COUNTS_TABLE}" WHERE "n" > 0'
    text = plan_of(sql)
    assert "resident_count" in text and " resident " not in f" {text} ", text


def test_upgrade_counts_existing_residents(tmp_path, isolated_paths, system):
    copy = tmp_path / "v2c.sqlite"
    shutil.copy(FIXTURES / "schema_v2.sqlite", copy)
    open_database(copy)
    try:
        assert residents.counts_by_klaster_and_status(system) == grouped()
        assert sum(grouped().values()) == 2
    finally:
        close_database()


def test_beranda_counts_read_only_the_covering_index(db, make_resident):
    make_resident(name="Siti")
    query = Resident.select(Resident.klaster, Resident.status, Resident.id)  # warm peewee
    del query
    sql = ('SELECT "klaster", "status", COUNT("id") FROM "resident" GROUP BY "klaster", "status"')
    text = plan_of(sql)
    assert "COVERING INDEX resident_klaster_status" in text, text
    assert "TEMP B-TREE" not in text, text
    # and the service's own query is that one
    from peewee import fn

    service = (Resident.select(Resident.klaster, Resident.status, fn.COUNT(Resident.id))
               .group_by(Resident.klaster, Resident.status))
    assert "COVERING INDEX resident_klaster_status" in plan(service)


def test_list_rows_share_repeated_values(db, system, make_resident):
    """A long list keeps one object per distinct place, date, klaster and status, not one per row."""
    for n in range(3):
        make_resident(name=f"Siti {n}", birth_place="Bogor", klaster="lansia", entry_date="2026-01-05")
    first, second, third = residents.list_residents(system)
    for field in ("birth_place", "entry_date", "klaster", "status", "sex"):
        assert getattr(first, field) is getattr(second, field) is getattr(third, field), field
    assert first.birth_place == "Bogor" and str(first.entry_date) == "2026-01-05"
