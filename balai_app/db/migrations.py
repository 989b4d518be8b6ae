"""Numbered schema migrations, one path for SQLite and PostgreSQL.

The schema version is SQLite's ``PRAGMA user_version`` (on PostgreSQL a
one-row table, see ``dialect``). Each step runs in one
transaction that also bumps the version, so a step is applied whole or not at
all. Steps are never edited once released: a change to the schema is a new
step at the end of ``STEPS`` (and a new fixture database under
``tests/fixtures/``, made with ``scripts/make_fixture_db.py``).

Every step runs on both engines: write SQL in SQLite's words through
``execute_sql`` with ``?`` placeholders (the PostgreSQL connection accepts
them), DDL through ``dialect.ddl``; where the engines really differ, branch on
``dialect.is_postgres(db)`` and keep the reusable part in ``dialect``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from peewee import Database

from balai_app.db import dialect


def _run_sql_file(name: str) -> Callable[[Database], None]:
    def apply(db: Database) -> None:
        script = resources.files("balai_app.db").joinpath(name).read_text(encoding="utf-8")
        for statement in _split_statements(script):
            for translated in dialect.ddl(db, statement):
                db.execute_sql(translated)

    apply.__doc__ = f"run {name}"
    return apply


def _split_statements(script: str) -> list[str]:
    """Split on ';' at the end of a line, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")):
            statements.append(joined)
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


def _v2_fold_search_text(db: Database) -> None:
    """Search ignores accents and apostrophe styles: recompute every resident's
    search key with the folding of ``domain.text``, and index the column (the
    list's count reads the index instead of the table)."""
    from balai_app.db.migration_v2 import search_key  # frozen: never the live domain.text

    rows = db.execute_sql('SELECT id, name, nik, birth_place FROM "resident"').fetchall()
    for resident_id, name, nik, birth_place in rows:
        db.execute_sql('UPDATE "resident" SET search_text = ? WHERE id = ?',
                       (search_key(name, nik, birth_place or ""), resident_id))
    db.execute_sql('CREATE INDEX IF NOT EXISTS "resident_search_text" ON "resident" ("search_text")')


def _v3_signed_certificates(db: Database) -> None:
    """Certificates signed with the balai's Ed25519 key (issue 14): the signed payload and
    its key id beside each certificate (empty for the older HMAC ones, which keep
    verifying with their code), and programs that admit adults only (welding by default).
    Written with playhouse.migrate so that it runs on SQLite and PostgreSQL alike."""
    from peewee import BooleanField, CharField, SqliteDatabase, TextField
    from playhouse.migrate import SchemaMigrator, migrate

    if isinstance(db, SqliteDatabase):
        # SQLite-specific: playhouse adds a NOT NULL column by rebuilding the table, and the
        # DROP of the old "program" table fails once batches and units refer to it (foreign
        # keys are on and cannot be switched off inside the step's transaction). SQLite adds
        # a NOT NULL column with a constant default in place.
        for statement in (
            'ALTER TABLE "certificate" ADD COLUMN "payload" TEXT NOT NULL DEFAULT \'\'',
            'ALTER TABLE "certificate" ADD COLUMN "key_id" VARCHAR(16) NOT NULL DEFAULT \'\'',
            'ALTER TABLE "program" ADD COLUMN "adults_only" INTEGER NOT NULL DEFAULT 0',
        ):
            db.execute_sql(statement)
    else:
        migrator = SchemaMigrator.from_database(db)
        migrate(
            migrator.add_column("certificate", "payload", TextField(default="")),
            migrator.add_column("certificate", "key_id", CharField(max_length=16, default="")),
            migrator.add_column("program", "adults_only", BooleanField(default=False)),
        )
    db.execute_sql("UPDATE program SET adults_only = ? WHERE UPPER(code) = 'LAS'", (True,))


# --- SQLite-specific: the audit trail's guard triggers (PostgreSQL needs its own) ----------------

AUDIT_TRIGGERS_SQLITE = {
    "audit_event_no_update": (
        'CREATE TRIGGER "audit_event_no_update" BEFORE UPDATE ON "audit_event" '
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    ),
    "audit_event_no_delete": (
        'CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event" '
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    ),
    # REPLACE INTO / INSERT with an existing or older id would remove or slip in an event
    # (REPLACE's delete fires no DELETE trigger): only appending at the end is allowed.
    "audit_event_append_only": (
        'CREATE TRIGGER "audit_event_append_only" BEFORE INSERT ON "audit_event" '
        'WHEN NEW.id IS NOT NULL AND NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM "audit_event") '
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    ),
    # Every event must continue the hash chain (written only by services.audit).
    "audit_event_chained": (
        'CREATE TRIGGER "audit_event_chained" BEFORE INSERT ON "audit_event" '
        'WHEN NEW.hash IS NULL OR NEW.prev_hash IS NOT COALESCE('
        '(SELECT hash FROM "audit_event" ORDER BY id DESC LIMIT 1), '
        "'0000000000000000000000000000000000000000000000000000000000000000') "
        "BEGIN SELECT RAISE(ABORT, 'audit_event must continue the hash chain'); END"
    ),
}


def _v5_audit_chain(db: Database) -> None:
    """The audit trail becomes tamper-evident: each event stores the hash of the one
    before it and of its own content (frozen copy in ``db.migration_v5``); existing events are
    chained in id order. Inserting with an existing or older id is refused."""
    from balai_app.db.migration_v5 import CONTENT_COLUMNS, GENESIS, PG_TRIGGERS, event_hash

    from peewee import CharField
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = SchemaMigrator.from_database(db)
    migrate(
        migrator.add_column("audit_event", "prev_hash", CharField(max_length=64, null=True)),
        migrator.add_column("audit_event", "hash", CharField(max_length=64, null=True)),
    )
    on_table = ' ON "audit_event"' if dialect.is_postgres(db) else ""
    for name in AUDIT_TRIGGERS_SQLITE:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"{on_table}')
    columns = ", ".join(f'"{c}"' for c in CONTENT_COLUMNS)
    rows = db.execute_sql(f'SELECT {columns} FROM "audit_event" ORDER BY id').fetchall()
    previous = GENESIS
    for row in rows:
        own = event_hash(previous, row)
        db.execute_sql('UPDATE "audit_event" SET prev_hash = ?, hash = ? WHERE id = ?', (previous, own, row[0]))
        previous = own
    if dialect.is_postgres(db):
        for sql in PG_TRIGGERS:
            db.execute_sql(sql)
        return
    for sql in AUDIT_TRIGGERS_SQLITE.values():
        db.execute_sql(sql)


def _v6_certificate_qr(db: Database) -> None:
    """Each certificate's QR is encoded once, when it is issued: its module matrix is
    stored beside it and printing never encodes it again (older certificates have none and
    are encoded when printed). A nullable column: the same ALTER on both engines."""
    from peewee import BlobField
    from playhouse.migrate import SchemaMigrator, migrate

    migrate(SchemaMigrator.from_database(db).add_column("certificate", "qr", BlobField(null=True)))


def _v4_search_and_count_indexes(db: Database) -> None:
    """A trigram index for the register's contains-search and a covering index
    for the Beranda's counts (engine-specific SQL: ``db/search_index.py``)."""
    from balai_app.db import search_index

    search_index.create(db)


def _v7_after_training(db: Database) -> None:
    """Issue 15 (see ``migration_v7``, frozen)."""
    from balai_app.db.migration_v7 import apply

    apply(db)


def _v8_name_search_index(db: Database) -> None:
    """The list's name order with the search key beside it (``db/search_index.py``):
    a common search word finds its page by walking this index, not the table."""
    from balai_app.db import search_index

    search_index.create_name_search(db)


def _v9_certificate_qr_drawing(db: Database) -> None:
    """Each certificate's QR is also drawn once, when it is issued: the compressed PDF
    drawing of its modules is stored beside them and printing writes it as it is (older
    certificates have none and are drawn when printed). A nullable column, as in v6."""
    from peewee import BlobField
    from playhouse.migrate import SchemaMigrator, migrate

    migrate(SchemaMigrator.from_database(db).add_column("certificate", "qr_drawing", BlobField(null=True)))


# (version, description, apply)
STEPS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "initial schema", _run_sql_file("schema_v1.sql")),
    (2, "accent-free search keys", _v2_fold_search_text),
    (3, "signed certificates, adult-only programs", _v3_signed_certificates),
    (4, "search and count indexes", _v4_search_and_count_indexes),
    (5, "tamper-evident audit chain", _v5_audit_chain),
    (6, "certificate QR encoded once at issue", _v6_certificate_qr),
    (7, "partners, outcomes, aftercare, rehab certificates; ATENSI forms", _v7_after_training),
    (8, "name-ordered search index", _v8_name_search_index),
    (9, "certificate QR drawn once at issue", _v9_certificate_qr_drawing),
]

AUDIT_CHAIN_VERSION = 5  # from this schema on, audit events are chained (check verifies it)


def latest_version() -> int:
    return STEPS[-1][0]


def run(db: Database, current: int, *, until: int | None = None) -> int:
    """Apply the steps after ``current`` (up to ``until``, default all)."""
    for version, _description, apply in STEPS:
        if version <= current or (until is not None and version > until):
            continue
        # IMMEDIATE: SQLite's write lock; on PostgreSQL the balai's write lock (server.py).
        with db.atomic("IMMEDIATE"):
            # Another process may have migrated while we waited for the lock.
            if dialect.schema_version(db) < version:
                apply(db)
                dialect.set_schema_version(db, version)
        current = version
    return current
