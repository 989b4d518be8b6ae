"""The database connection of a worker thread.

The database keeps one connection per thread (peewee's thread-local state): a
thread that reads for the window (the register's search) opens its own on its
first query and closes it when idle, so it never holds the file while a
restore replaces it.
"""

from __future__ import annotations

from balai_app.db.models import database


def close_thread_connection() -> None:
    """Close the calling thread's connection, if it has one; other threads' stay open."""
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
