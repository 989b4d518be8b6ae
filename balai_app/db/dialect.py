"""Everything that differs between SQLite and PostgreSQL, in one place.

The schema is written once, in SQLite's words (``schema_v1.sql`` and the
migration steps); this module says how the other engine spells it:

- the schema version: SQLite's ``PRAGMA user_version``; on PostgreSQL the
  one-row table ``balai_schema`` (a database with tables but without it is not
  a Balai database and is refused);
- DDL: ``INTEGER NOT NULL PRIMARY KEY`` → ``SERIAL``, ``DATETIME`` →
  ``TIMESTAMP``, ``BLOB`` → ``BYTEA``; flags stay INTEGER 0/1 on both;
  SQLite's ``RAISE(ABORT, ...)`` triggers → a PL/pgSQL trigger function;
- the few SQLite functions the services call (``strftime``, ``iif``,
  ``json_extract``, ``substr`` of a date, unary ``+`` on text) exist on the
  server as small SQL functions, so a query means the same on both;
- the audit trail is append-only by privilege as well as by trigger: the
  program's group role ``balai_pengguna`` may INSERT into ``audit_event`` and
  never UPDATE, DELETE or TRUNCATE it (triggers refuse it to the owner too);
- a trigram index (``pg_trgm``) serves the contains-search over PMs.

A migration step that needs engine-specific SQL asks ``is_postgres(db)`` and
keeps both spellings next to each other; anything reusable belongs here.
"""

from __future__ import annotations

import logging
import re

from peewee import Database, PostgresqlDatabase

log = logging.getLogger(__name__)

VERSION_TABLE = "balai_schema"

# Every SQLite connection of the program (``connection.PRAGMAS``; ``transfer`` writes files with them too).
SQLITE_PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Power cuts are common in the field: FULL syncs the WAL on every commit.
    "synchronous": 2,
    "busy_timeout": 15000,
}
APP_GROUP_ROLE = "balai_pengguna"


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


# --- schema version ---------------------------------------------------------------------------------

class NotBalaiDatabase(Exception):
    pass


def _pg_tables(db: Database) -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()").fetchall()]


def schema_version(db: Database) -> int:
    if not is_postgres(db):
        return db.execute_sql("PRAGMA user_version").fetchone()[0]
    tables = _pg_tables(db)
    if VERSION_TABLE not in tables:
        if tables:
            raise NotBalaiDatabase(", ".join(sorted(tables)[:5]))
        return 0
    row = db.execute_sql(f'SELECT MAX(version) FROM "{VERSION_TABLE}"').fetchone()
    return int(row[0] or 0)


def set_schema_version(db: Database, version: int) -> None:
    if not is_postgres(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" (version INTEGER NOT NULL)')
    db.execute_sql(f'DELETE FROM "{VERSION_TABLE}"')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" (version) VALUES (%s)', (int(version),))


def owns_schema(db: Database) -> bool:
    """True when the connected role may change the schema (runs migrations)."""
    if not is_postgres(db):
        return True
    row = db.execute_sql(
        "SELECT tableowner = current_user FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
        "AND tablename = %s", (VERSION_TABLE,)).fetchone()
    if row is None:  # empty database: whoever may create tables sets it up
        return bool(db.execute_sql("SELECT has_schema_privilege(current_schema(), 'CREATE')").fetchone()[0])
    return bool(row[0])


# --- DDL --------------------------------------------------------------------------------------------

_TRIGGER = re.compile(
    r'CREATE TRIGGER (?:IF NOT EXISTS )?"?(\w+)"? BEFORE (UPDATE|DELETE|INSERT) ON "?(\w+)"?\s+'
    r"BEGIN\s+SELECT RAISE\(ABORT, '([^']*)'\);\s*END;?\s*$", re.IGNORECASE | re.DOTALL)


def ddl(db: Database, statement: str) -> list[str]:
    """One SQLite DDL statement → the statements that do the same on ``db``."""
    if not is_postgres(db):
        return [statement]
    trigger = _TRIGGER.match(statement.strip())
    if trigger:
        name, event, table, message = trigger.groups()
        return refuse_trigger(name, event, table, message)
    if statement.lstrip().upper().startswith("CREATE TRIGGER"):
        raise ValueError(f"no PostgreSQL form for this trigger yet; write it in dialect.py: {statement[:80]}")
    out = re.sub(r'("\w+") INTEGER NOT NULL PRIMARY KEY', r"\1 SERIAL NOT NULL PRIMARY KEY", statement)
    out = re.sub(r"\bDATETIME\b", "TIMESTAMP", out)
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    return [out]


def refuse_trigger(name: str, event: str, table: str, message: str) -> list[str]:
    """A trigger that refuses ``event`` on ``table`` with ``message`` (SQLite's RAISE(ABORT))."""
    each = "STATEMENT" if event.upper() == "TRUNCATE" else "ROW"
    return [
        _REFUSE_FUNCTION,
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'CREATE TRIGGER "{name}" BEFORE {event.upper()} ON "{table}" FOR EACH {each} '
        f"EXECUTE FUNCTION balai_refuse('{message}')",
    ]


_REFUSE_FUNCTION = """CREATE OR REPLACE FUNCTION balai_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END $$"""


# --- objects that make the server speak like SQLite ---------------------------------------------------

_COMPAT = [
    # strftime('%Y', date) as in SQLite (the services use %Y, %m, %d, %H, %M, %S)
    """CREATE OR REPLACE FUNCTION balai_strftime_format(fmt text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(replace(replace(replace(replace(fmt, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'),
           '%H', 'HH24'), '%M', 'MI'), '%S', 'SS') $$""",
    """CREATE OR REPLACE FUNCTION strftime(fmt text, value date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(value, balai_strftime_format(fmt)) $$""",
    """CREATE OR REPLACE FUNCTION strftime(fmt text, value timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(value, balai_strftime_format(fmt)) $$""",
    """CREATE OR REPLACE FUNCTION strftime(fmt text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(value::timestamp, balai_strftime_format(fmt)) $$""",
    """CREATE OR REPLACE FUNCTION iif(cond boolean, a anyelement, b anyelement) RETURNS anyelement
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN cond THEN a ELSE b END $$""",
    # json_extract(doc, '$.a.b') for the simple paths the services use
    """CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (doc::jsonb) #>> string_to_array(substr(path, 3), '.') $$""",
    # substr() of a date or timestamp reads its ISO text, as SQLite stores it
    """CREATE OR REPLACE FUNCTION substr(value date, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char(value, 'YYYY-MM-DD'), start, len) $$""",
    """CREATE OR REPLACE FUNCTION substr(value timestamp, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char(value, 'YYYY-MM-DD HH24:MI:SS.US'), start, len) $$""",
    # unary plus on text (SQLite's way to keep the planner off an index) is the identity
    """CREATE OR REPLACE FUNCTION balai_same(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT value $$""",
    """DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '+' AND oprleft = 0
                     AND oprright = 'text'::regtype) THEN
        CREATE OPERATOR + (RIGHTARG = text, FUNCTION = balai_same);
      END IF; END $$""",
]

_PRIVILEGES = [
    # Append-only by privilege for every account of the office PCs (members of
    # balai_pengguna). The owner keeps its privileges: PostgreSQL runs the
    # foreign-key checks as the owner (SELECT ... FOR KEY SHARE needs UPDATE);
    # the owner account is for set-up and upgrades, and the triggers still refuse.
    'REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC',
    *refuse_trigger("audit_event_no_truncate", "TRUNCATE", "audit_event", "audit_event is append-only"),
    f"""DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_GROUP_ROLE}') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_GROUP_ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_GROUP_ROLE};
        REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM {APP_GROUP_ROLE};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "{VERSION_TABLE}" FROM {APP_GROUP_ROLE};
      END IF; END $$""",
]

_SEARCH_INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE INDEX IF NOT EXISTS "resident_search_trgm" ON "resident" USING gin ("search_text" gin_trgm_ops)',
]


def ensure_server_objects(db: Database) -> None:
    """After migrations, by the schema owner: compat functions, privileges, search index.
    Idempotent; runs in one transaction."""
    if not is_postgres(db):
        return
    with db.atomic("IMMEDIATE"):
        for statement in _COMPAT + _PRIVILEGES:
            db.execute_sql(statement)
        try:
            with db.atomic():
                for statement in _SEARCH_INDEX:
                    db.execute_sql(statement)
        except Exception as exc:  # noqa: BLE001 - pg_trgm not installed: the search still works, slower
            log.warning("trigram search index not created: %s", exc)


def reset_sequences(db: Database, tables: list[str]) -> None:
    """After rows were copied in with their ids: the next id follows the largest."""
    if not is_postgres(db):
        return
    for table in tables:
        if "id" not in [name for name, _kind in columns(db, table)]:
            continue
        seq = db.execute_sql("SELECT pg_get_serial_sequence(%s, 'id')", (f'"{table}"',)).fetchone()
        if seq and seq[0]:
            db.execute_sql(f'SELECT setval(%s, COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)', (seq[0],))


# Tables that hold derived data kept by triggers (db/search_index.py): never copied or
# compared; the target's own triggers fill them as the rows arrive.
DERIVED_TABLES = ("resident_count",)


def user_tables(db: Database) -> list[str]:
    """The tables of the Balai schema with data of their own (without the version
    table, SQLite's full-text index and its shadow tables, derived counts)."""
    if is_postgres(db):
        names = _pg_tables(db)
    else:
        rows = db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
        virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
        names = [n for n, _sql in rows if n not in virtual and not any(n.startswith(v + "_") for v in virtual)]
    return sorted(n for n in names if n != VERSION_TABLE and n not in DERIVED_TABLES)


def references(db: Database) -> dict[str, set[str]]:
    """table → the tables its foreign keys point to. On PostgreSQL read from the
    catalog: information_schema shows constraints only to the tables' owner, and
    an office account (not the owner) makes backups too."""
    out: dict[str, set[str]] = {t: set() for t in user_tables(db)}
    if is_postgres(db):
        rows = db.execute_sql(
            "SELECT cl.relname, ref.relname FROM pg_catalog.pg_constraint c "
            "JOIN pg_catalog.pg_class cl ON cl.oid = c.conrelid JOIN pg_catalog.pg_class ref ON ref.oid = c.confrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace "
            "WHERE c.contype = 'f' AND n.nspname = current_schema()").fetchall()
    else:
        rows = [(t, fk.dest_table) for t in out for fk in db.get_foreign_keys(t)]
    for table, target in rows:
        if table in out and target != table:
            out[table].add(target)
    return out


def columns(db: Database, table: str) -> list[tuple[str, str]]:
    """(name, declared type, upper case) of each column, in table order."""
    if is_postgres(db):
        rows = db.execute_sql(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s ORDER BY ordinal_position", (table,)).fetchall()
        return [(name, kind.upper()) for name, kind in rows]
    rows = db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
    return [(r[1], (r[2] or "").upper()) for r in rows]
