"""Opening and closing the database, for the layers above ``services/``.

The GUI and the CLI never import ``balai_app.db``; they open the file through
here and catch ``DatabaseError`` (a damaged file, one from a newer version, a
folder that cannot be written) to show its message.
"""

from __future__ import annotations

from pathlib import Path

from balai_app.db.connection import GUI_BUSY_MS, DatabaseError, DatabaseTooNew, close_database
from balai_app.db.connection import open_database as _open_database

__all__ = ["GUI_BUSY_MS", "DatabaseError", "DatabaseTooNew", "close_database", "ensure_signing_key", "has_search_index",
           "needs_upgrade", "open_database"]


def open_database(path: str | Path, *, migrate: bool = True, backup_dir: Path | None = None,
                  busy_ms: int | None = None, password_prompt=None, create: bool = True,
                  signing_key: bool = True) -> None:
    """Open (and, with ``migrate``, upgrade) the database at ``path`` for this process.
    ``busy_ms``: how long a write waits for another process's lock (the window waits
    only a moment, ``GUI_BUSY_MS``, and offers to retry). A ``postgresql://`` address:
    ``password_prompt`` asks the server password, ``create`` may set up an empty one.
    ``signing_key=False``: no key pair is made (``move-to`` leaves its source as it was)."""
    _open_database(path, migrate=migrate, backup_dir=backup_dir, busy_ms=busy_ms,
                   password_prompt=password_prompt, create=create)
    if migrate and signing_key:  # the window opens without writing until its integrity check has spoken
        ensure_signing_key()


def ensure_signing_key() -> None:
    """Issue 14: the balai's certificate-signing key pair is made when the program first opens
    a database (``init``, ``demo``, every command; the window calls it once its integrity
    check has passed, before the main window shows), and for a database from
    before signing on its first open after the upgrade -- not lazily at the first certificate.
    A read-only or not yet upgraded database is left alone; a database that already has a
    key (made on another PC) keeps it. A failure (the file locked by another PC) is logged:
    the key is then made at the next start, or at the first certificate."""
    from balai_app import log
    from balai_app.db.connection import read_only_reason
    from balai_app.services import signing_keys

    if read_only_reason() is not None or needs_upgrade():
        return
    try:
        if signing_keys.current() is None:
            signing_keys.ensure_key()
    except Exception as exc:  # noqa: BLE001 - never stops the database from opening
        log.get("db").warning("kunci tanda tangan sertifikat belum dibuat: %s", exc)


def needs_upgrade() -> bool:
    """The open database's schema is older than this program's (opening it will migrate)."""
    from balai_app.db import migrations
    from balai_app.db.connection import schema_version
    from balai_app.db.models import database

    return schema_version(database.obj) < migrations.latest_version()


def has_search_index() -> bool:
    """The open database serves contains-searches from its trigram index (SQLite's FTS5
    with the trigram tokenizer, ``db/search_index.py``); the self-test checks it."""
    from balai_app.db import search_index
    from balai_app.db.models import database

    return search_index.has_index(database.obj)
