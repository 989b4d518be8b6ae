"""Opening and closing the database, for the layers above ``services/``.

The GUI and the CLI never import ``balai_app.db``; they open the file through
here and catch ``DatabaseError`` (a damaged file, one from a newer version, a
folder that cannot be written) to show its message.
"""

from __future__ import annotations

from pathlib import Path

from balai_app.db.connection import DatabaseError, DatabaseTooNew, close_database
from balai_app.db.connection import open_database as _open_database

__all__ = ["DatabaseError", "DatabaseTooNew", "close_database", "open_database"]


def open_database(path: str | Path, *, migrate: bool = True, backup_dir: Path | None = None) -> None:
    """Open (and, with ``migrate``, upgrade) the database at ``path`` for this process."""
    _open_database(path, migrate=migrate, backup_dir=backup_dir)
