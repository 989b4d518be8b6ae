"""Opening and closing the database, for the layers above ``services/``.

The GUI and the CLI never import ``balai_app.db``; they open the file through
here and catch ``DatabaseError`` (a damaged file, one from a newer version, a
folder that cannot be written) to show its message.
"""

from __future__ import annotations

from pathlib import Path

from balai_app.db.connection import GUI_BUSY_MS, DatabaseError, DatabaseTooNew, close_database
from balai_app.db.connection import open_database as _open_database

__all__ = ["GUI_BUSY_MS", "DatabaseError", "DatabaseTooNew", "close_database", "needs_upgrade", "open_database"]


def open_database(path: str | Path, *, migrate: bool = True, backup_dir: Path | None = None,
                  busy_ms: int | None = None, password_prompt=None, create: bool = True) -> None:
    """Open (and, with ``migrate``, upgrade) the database at ``path`` for this process.
    ``busy_ms``: how long a write waits for another process's lock (the window waits
    only a moment, ``GUI_BUSY_MS``, and offers to retry). A ``postgresql://`` address:
    ``password_prompt`` asks the server password, ``create`` may set up an empty one."""
    _open_database(path, migrate=migrate, backup_dir=backup_dir, busy_ms=busy_ms,
                   password_prompt=password_prompt, create=create)


def needs_upgrade() -> bool:
    """The open database's schema is older than this program's (opening it will migrate)."""
    from balai_app.db import migrations
    from balai_app.db.connection import schema_version
    from balai_app.db.models import database

    return schema_version(database.obj) < migrations.latest_version()
