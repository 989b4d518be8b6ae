"""The register's indexes: the search index, the Beranda's counts: the SQLite part.

Everything engine-specific about searching the register lives here, so that
another engine (PostgreSQL's ``pg_trgm``) can sit beside it.

SQLite: an FTS5 table with the ``trigram`` tokenizer (SQLite >= 3.34, in the
``sqlite3`` of every Python we ship: Debian's 3.11 has 3.40, python.org's
Windows 3.11/3.13 builds and the PyInstaller bundle made from them carry
3.40+/3.45+ with FTS5; ``balai-app --self-test`` checks it on the installed
program). The FTS table is an *external-content* index over
``resident.search_text``: it stores no second copy of the text, and three
triggers keep it in step with every write of ``search_text`` (the form, the
importer, the demo, a migration), inside the same transaction, so the index
can never disagree with the register. A contains-search of a word of three or
more characters reads the index; shorter words are checked with ``LIKE`` on
the rows the index returned (or, when every word is short, on the table).
"""

from __future__ import annotations

from peewee import SQL, Database, Field, Node, NodeList, SqliteDatabase

FTS_TABLE = "resident_fts"
# A trigram index serves a word of at least this many characters.
MIN_INDEXED_WORD = 3

_FTS_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS "{FTS_TABLE}" USING fts5(
        search_text, content='resident', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_fts_insert" AFTER INSERT ON "resident" BEGIN
        INSERT INTO "{FTS_TABLE}"(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_fts_delete" AFTER DELETE ON "resident" BEGIN
        INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}", rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_fts_update" AFTER UPDATE OF search_text ON "resident" BEGIN
        INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}", rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO "{FTS_TABLE}"(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}") VALUES ('rebuild')""",
]

# The Beranda counts PMs per (klaster, status): an index holding exactly those
# two columns answers the GROUP BY from the index alone, in its order (no table
# rows, no temporary b-tree). The list's klaster filter uses it too.
_COVERING_DDL = [
    'CREATE INDEX IF NOT EXISTS "resident_klaster_status" ON "resident" ("klaster", "status")',
]


# The Beranda's counts per (klaster, status), kept by triggers in the same transaction as
# every insert, delete and change of klaster or status: reading them costs 30 rows, not a
# scan of the register (a covering-index scan of 200,000 rows is ~20-40 ms on an old PC).
COUNTS_TABLE = "resident_count"

_COUNTS_DDL = [
    f"""CREATE TABLE IF NOT EXISTS "{COUNTS_TABLE}" (
        "klaster" VARCHAR(30) NOT NULL, "status" VARCHAR(30) NOT NULL, "n" INTEGER NOT NULL,
        PRIMARY KEY ("klaster", "status"))""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_count_insert" AFTER INSERT ON "resident" BEGIN
        INSERT INTO "{COUNTS_TABLE}" ("klaster", "status", "n") VALUES (new.klaster, new.status, 1)
            ON CONFLICT ("klaster", "status") DO UPDATE SET "n" = "n" + 1;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_count_delete" AFTER DELETE ON "resident" BEGIN
        UPDATE "{COUNTS_TABLE}" SET "n" = "n" - 1 WHERE "klaster" = old.klaster AND "status" = old.status;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS "resident_count_update" AFTER UPDATE OF klaster, status ON "resident"
    WHEN old.klaster IS NOT new.klaster OR old.status IS NOT new.status BEGIN
        UPDATE "{COUNTS_TABLE}" SET "n" = "n" - 1 WHERE "klaster" = old.klaster AND "status" = old.status;
        INSERT INTO "{COUNTS_TABLE}" ("klaster", "status", "n") VALUES (new.klaster, new.status, 1)
            ON CONFLICT ("klaster", "status") DO UPDATE SET "n" = "n" + 1;
    END""",
    f"""INSERT INTO "{COUNTS_TABLE}" ("klaster", "status", "n")
        SELECT "klaster", "status", COUNT(*) FROM "resident" GROUP BY "klaster", "status" """,
]


# The list in name order, searched: one index holding the sort key, the tie-break and the
# search key. A search whose words are common (one or two letters, or a word in
# thousands of rows) walks it in order and stops at the page's last row, reading no table
# row it rejects; a rare word is looked up in the trigram index instead (``walks_in_order``).
NAME_SEARCH_INDEX = "resident_name_search"
_NAME_SEARCH_DDL = [
    f'CREATE INDEX IF NOT EXISTS "{NAME_SEARCH_INDEX}" ON "resident" ("name", "id", "search_text")',
]
# A search whose indexed words match at least this many rows is "common": walking the
# name order finds a page in a few hundred index entries, where looking up every match
# and sorting them costs a table read per match.
COMMON_MATCHES = 3000


def _is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)


def trigram_available(db: Database) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (other engines: no, here)."""
    if not _is_sqlite(db):
        return False  # PostgreSQL: pg_trgm, beside this module; a failed statement would abort its transaction
    try:
        db.execute_sql("CREATE VIRTUAL TABLE temp.balai_trigram_probe USING fts5(x, tokenize='trigram')")
        db.execute_sql("DROP TABLE temp.balai_trigram_probe")
    except Exception:  # noqa: BLE001 - "no such module: fts5" or "no such tokenizer"
        return False
    return True


def create(db: Database) -> None:
    """Migration step: the covering index, and the search index when the engine has it."""
    for statement in _COVERING_DDL:
        db.execute_sql(statement)
    if _is_sqlite(db):
        for statement in _COUNTS_DDL:
            db.execute_sql(statement)
    if trigram_available(db):
        for statement in _FTS_DDL:
            db.execute_sql(statement)


def create_name_search(db: Database) -> None:
    """Migration step (both engines): the name-ordered index carrying the search key."""
    for statement in _NAME_SEARCH_DDL:
        db.execute_sql(statement)


def _exists(db: Database, attr: str, kind: str, name: str, *, on_server: bool) -> bool:
    """Whether the database has the index or table ``name`` (looked up once per connection
    object and kept on it as ``attr``). ``on_server``: look it up in PostgreSQL's catalogue
    too (``kind`` must then be an index); otherwise it is SQLite-only and absent there."""
    cached = getattr(db, attr, None)
    if cached is None:
        if _is_sqlite(db):
            query, params = "SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
            cached = db.execute_sql(query, params).fetchone() is not None
        elif on_server:
            cached = db.execute_sql("SELECT 1 FROM pg_indexes WHERE indexname = %s", (name,)).fetchone() is not None
        else:
            cached = False
        setattr(db, attr, cached)
    return cached


def has_name_search(db: Database) -> bool:
    """Whether this database has the name-ordered search index."""
    return _exists(db, "_balai_has_name_search", "index", NAME_SEARCH_INDEX, on_server=True)

PG_TRIGRAM_INDEX = "resident_search_trgm"  # made by db/dialect.py (pg_trgm's GIN over search_text)


def has_pg_trigram(db: Database) -> bool:
    """PostgreSQL: whether the pg_trgm GIN index over the search key exists."""
    return not _is_sqlite(db) and _exists(db, "_balai_has_pg_trgm", "index", PG_TRIGRAM_INDEX, on_server=True)

def _served_words(db: Database, words: list[str]) -> list[str]:
    """The words a trigram index of either engine serves (three or more characters)."""
    if has_index(db) or has_pg_trigram(db):
        return [w for w in words if len(w) >= MIN_INDEXED_WORD]
    return []


def has_index(db: Database) -> bool:
    """Whether this database carries the trigram search index (SQLite's FTS5 table)."""
    return _exists(db, "_balai_has_fts", "table", FTS_TABLE, on_server=False)

def has_counts(db: Database) -> bool:
    """Whether this database keeps the per-(klaster, status) counts table (SQLite only)."""
    return _exists(db, "_balai_has_counts", "table", COUNTS_TABLE, on_server=False)

def kept_counts(db: Database) -> list[tuple[str, str, int]] | None:
    """(klaster, status, n) from the counts table, or None when the database has none."""
    if not has_counts(db):
        return None
    return db.execute_sql(f'SELECT "klaster", "status", "n" FROM "{COUNTS_TABLE}" WHERE "n" > 0').fetchall()


def _phrase(word: str) -> str:
    """One word as an FTS5 string (any character allowed; quotes doubled)."""
    return '"' + word.replace('"', '""') + '"'


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def indexed_words(db: Database, words: list[str]) -> list[str]:
    """The words of a search the index can serve."""
    if not has_index(db):
        return []
    return [w for w in words if len(w) >= MIN_INDEXED_WORD]


def _match(words: list[str]) -> str:
    return " ".join(_phrase(w) for w in words)


def contains_all(db: Database, words: list[str], id_field: Field, key_field: Field, *,
                 scan: bool = False) -> list[Node]:
    """WHERE clauses for rows whose search key contains every word: the words the
    trigram index serves are looked up there, the others (too short, or no
    index) are checked with LIKE on the key. ``scan``: every word with LIKE (for
    a walk of ``NAME_SEARCH_INDEX``, which holds the key)."""
    long_words = [] if scan else indexed_words(db, words)
    clauses: list[Node] = []
    if long_words:
        match = _match(long_words)
        clauses.append(id_field.in_(SQL(f'(SELECT rowid FROM "{FTS_TABLE}" WHERE "{FTS_TABLE}" MATCH ?)', (match,))))
    for word in words:
        if word not in long_words:
            clauses.append(NodeList((key_field, SQL("LIKE ? ESCAPE '\\'", (f"%{_escape_like(word)}%",)))))
    return clauses


def uses_index(db: Database, words: list[str]) -> bool:
    """Whether a search for ``words`` narrows through an index (no text: the table's own;
    PostgreSQL: pg_trgm's GIN serves ``LIKE '%word%'`` for a word of three or more characters)."""
    return not words or bool(_served_words(db, words))


def walks_in_order(db: Database, words: list[str]) -> bool:
    """Whether the first page of a name-ordered search is quicker walking
    ``NAME_SEARCH_INDEX`` than sorting the matches: when every word is short (the
    trigram index cannot serve it: a walk stops after a page, a scan reads every
    row), or, on SQLite, the indexed words are common (at least ``COMMON_MATCHES``
    rows, counted no further)."""
    if not words or not has_name_search(db):
        return False
    long_words = _served_words(db, words)
    if not long_words:
        return True
    if not _is_sqlite(db):
        # PostgreSQL walks the name order reading each rejected row from the table (its planner
        # picks the name index without the key): a common word clustered late in the alphabet
        # ("siti") took 165 ms at 50k. A word pg_trgm's GIN serves is always looked up there.
        return False
    found = db.execute_sql(
        f'SELECT count(*) FROM (SELECT rowid FROM "{FTS_TABLE}" WHERE "{FTS_TABLE}" MATCH ? LIMIT ?)',
        (_match(long_words), COMMON_MATCHES)).fetchone()[0]
    return found >= COMMON_MATCHES


def in_name_order(db: Database, alias: str) -> SQL:
    """The FROM item for a walk of ``NAME_SEARCH_INDEX`` (SQLite's INDEXED BY: the
    planner would take the name index without the key and read every rejected row;
    PostgreSQL's planner walks it for ``ORDER BY name LIMIT n`` by itself)."""
    if not _is_sqlite(db):
        return SQL(f'"resident" AS "{alias}"')
    return SQL(f'"resident" AS "{alias}" INDEXED BY "{NAME_SEARCH_INDEX}"')


def sorted_not_walked(db: Database, column: Node, text_column: bool) -> Node:
    """``column`` as a sort key no index serves, so that the matches are taken from the
    trigram index and sorted (a rare word), not found by walking the sort column's index
    and checking every row: SQLite's unary plus; PostgreSQL inlines the same identity,
    so there the key is an expression of the same order (``|| ''`` on text, ``+ 0``
    on numbers and dates)."""
    if _is_sqlite(db):
        return NodeList((SQL("+"), column), glue="")
    return NodeList((column, SQL("|| ''" if text_column else "+ 0")))


def count_text_only(db: Database, words: list[str]) -> int | None:
    """The exact number of residents whose key holds every word, read from the
    trigram index alone (no table row), or None when a word is too short for it."""
    long_words = indexed_words(db, words)
    if not words or len(long_words) != len(words):
        return None
    return db.execute_sql(f'SELECT count(*) FROM "{FTS_TABLE}" WHERE "{FTS_TABLE}" MATCH ?',
                          (_match(long_words),)).fetchone()[0]
