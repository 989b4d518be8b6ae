"""Upgrades from real old databases (issue 11).

- every schema version has its fixture database (``tests/fixtures/schema_v<N>.sqlite``,
  made once by ``scripts/make_fixture_db.py`` when the version is released);
- a version-1 database with rows in every table upgrades to exactly the schema of a
  fresh database (``sqlite_master`` compared), keeping every row;
- migration steps call no live code that could change later (only the frozen
  ``balai_app/db/migration_v*.py`` helpers and the frozen ``schema_v1.sql``).
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balai_app.db import migrations
from balai_app.db.connection import close_database, open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FULL_V1 = FIXTURES / "schema_v1_full.sqlite"


def _version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def _schema(path: Path) -> list[tuple[str, str, str, str]]:
    """sqlite_master without SQLite's own objects, SQL text with whitespace normalised."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                           "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").fetchall()
    finally:
        con.close()
    return [(t, n, tb, " ".join((sql or "").split())) for t, n, tb, sql in rows]


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _upgraded(fixture: Path, tmp_path: Path) -> Path:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    open_database(copy)
    close_database()
    return copy


def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.sqlite"
    open_database(path)
    close_database()
    return path


def test_every_schema_version_has_a_fixture_database():
    missing = [v for v, _d, _apply in migrations.STEPS if not (FIXTURES / f"schema_v{v}.sqlite").exists()]
    assert not missing, (f"no fixture database for schema version(s) {missing}: run "
                         "'python scripts/make_fixture_db.py' and commit the file")
    for version, _d, _apply in migrations.STEPS:
        assert _version(FIXTURES / f"schema_v{version}.sqlite") == version


def test_the_full_v1_fixture_has_rows_in_every_table():
    assert _version(FULL_V1) == 1
    empty = [table for table, n in _counts(FULL_V1).items() if n == 0]
    assert not empty, f"tables without rows in {FULL_V1.name}: {empty}"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.sqlite")), ids=lambda p: p.stem)
def test_an_upgraded_database_has_exactly_the_schema_of_a_fresh_one(fixture, tmp_path, isolated_paths):
    upgraded = _upgraded(fixture, tmp_path)
    fresh = _fresh(tmp_path)
    assert _version(upgraded) == _version(fresh) == migrations.latest_version()
    assert _schema(upgraded) == _schema(fresh)


def test_the_upgrade_keeps_every_row(tmp_path, isolated_paths):
    before = _counts(FULL_V1)
    upgraded = _upgraded(FULL_V1, tmp_path)
    after = _counts(upgraded)
    assert {table: after[table] for table in before} == before  # later steps may add tables
    con = sqlite3.connect(upgraded)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        # v2 folded the v1 search keys: accents and the curly apostrophe are gone.
        key = con.execute("SELECT search_text FROM resident WHERE nik = '3273014107000003'").fetchone()[0]
        assert key == "dang thi anh ma'ruf 3273014107000003 da nang"
        photo = con.execute("SELECT image FROM resident_photo").fetchone()[0]
        assert bytes(photo[:3]) == b"\xff\xd8\xff"  # the JPEG survived byte for byte
    finally:
        con.close()


# Live modules a step still calls, by owner; must end empty (freeze them as migration_v<N>.py).
ALLOWED_LIVE = {"balai_app.db.search_index": "perf",
                # how each engine spells the same schema (SQLite's words -> PostgreSQL's), not schema content
                "balai_app.db.dialect": "postgres"}


def test_migration_steps_call_no_live_code():
    """Only the standard library, peewee, and the frozen ``balai_app.db.migration_v*`` modules."""
    live = []
    tree = ast.parse(Path(migrations.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("balai_app"):
            module = node.module or ""
            names = {f"{module}.{a.name}" for a in node.names}
            if not module.startswith("balai_app.db.migration_v") and not (names | {module}) & set(ALLOWED_LIVE):
                live.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            live += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name.startswith("balai_app")]
    assert not live, "a migration step must not call code that may change later:\n" + "\n".join(live)


def test_the_frozen_v2_folding_still_matches_what_v2_wrote(tmp_path, isolated_paths):
    """The frozen copy is the folding v2 released with (the v2 fixture's keys are its output)."""
    from balai_app.db.migration_v2 import search_key

    con = sqlite3.connect(FIXTURES / "schema_v2.sqlite")
    try:
        rows = con.execute("SELECT name, nik, birth_place, search_text FROM resident").fetchall()
    finally:
        con.close()
    assert rows and all(search_key(name, nik, place or "") == key for name, nik, place, key in rows)


def test_the_frozen_v5_audit_hash_still_matches_the_live_rule():
    """Step 5 chained old events with its frozen copy; ``check`` verifies with the live rule."""
    import datetime as dt

    from balai_app.db import migration_v5
    from balai_app.domain import audit_chain

    assert migration_v5.CONTENT_COLUMNS == audit_chain.CONTENT_COLUMNS
    assert migration_v5.GENESIS == audit_chain.GENESIS
    for content in [(1, dt.datetime(2026, 11, 24, 8, 5, 3, 120), 2, "admin", "create", "resident", 7, "Muh. Ma'ruf", "{}"),
                    (2, "2026-11-24 08:05:03", None, None, "login", "user", None, "", None)]:
        assert migration_v5.event_hash("ab" * 32, content) == audit_chain.event_hash("ab" * 32, content)


_HASHED_VALUE = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70), st.floats(),
                          st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20))


@settings(max_examples=300, deadline=None)
@given(st.tuples(st.integers(min_value=1), st.datetimes(), *[_HASHED_VALUE] * 7))
def test_the_live_hash_text_is_json_dumps_for_any_content(content):
    """The live rule writes its text without ``json`` (an import hashes 10,000 events): it must be
    the frozen rule's ``json.dumps`` text for any content -- quotes, backslashes, control and
    non-ASCII characters, bools, big numbers, floats, None -- or old chains would not verify."""
    from balai_app.db import migration_v5
    from balai_app.domain import audit_chain

    prev = "ab" * 32
    expected = [prev, *[None if v is None else (v if isinstance(v, int) else str(v)) for v in content]]
    expected[2] = audit_chain.format_at(content[1])
    assert audit_chain.canonical_text(prev, content) == json.dumps(expected, ensure_ascii=False, separators=(",", ":"))
    assert audit_chain.event_hash(prev, content) == migration_v5.event_hash(prev, content)


_EVENT_VALUE = st.sampled_from([None, 1, True, "1", "admin", 'say "hi"', "Ma\u2019ruf\n"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["2026-12-03 08:00:00.000001", dt.datetime(2026, 1, 2)]), st.tuples(*[_EVENT_VALUE] * 7),
       st.lists(st.tuples(st.integers(min_value=2, max_value=8), _EVENT_VALUE), max_size=8))
def test_hashes_chained_at_once_are_the_hashes_of_each_event_after_the_one_before(at, first, changes):
    """``chained_hashes`` (an import's 10,000 events) writes the repeated values' text once: it
    must give what hashing each event after the one before it gives -- with one value changed
    from one event to the next, and equal values of another type (1 and True, 1 and "1")."""
    from balai_app.domain import audit_chain

    current = [1, at, *first]
    contents = [tuple(current)]
    for number, (position, value) in enumerate(changes, start=2):
        current[0], current[position] = number, value
        contents.append(tuple(current))
    previous, expected = "cd" * 32, []
    for content in contents:
        previous = audit_chain.event_hash(previous, content)
        expected.append(previous)
    assert audit_chain.chained_hashes("cd" * 32, contents) == expected
