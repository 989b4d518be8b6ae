"""The database connections of worker threads.

The database keeps one connection per thread (peewee's thread-local state). A
thread that reads for the window (the register's search) opens its own on its
first query. While the person types it keeps it (opening one costs more than a
search: the pragmas, the schema, a cold page cache; on a server, a login); when
idle it closes it, and anything about to replace the database file first asks
every such worker to close it now (``release_idle``), so no connection outlives
the file it was opened on.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from peewee import Database

from balai_app.db.models import database

# Each worker's way to close its connection now (bound methods, weakly: a worker gone drops out).
_releasers: list[weakref.WeakMethod] = []


def current_database() -> Database | None:
    """The database the program uses now (None before one is opened)."""
    return database.obj


def close_thread_connection(db: Database | None = None) -> None:
    """Close the calling thread's connection to ``db`` (default: the current database), if
    it has one; other threads' stay open."""
    db = database.obj if db is None else db
    if db is not None and not db.is_closed():
        db.close()


def keeps_connection(release: Callable[[], None]) -> None:
    """Register ``release`` (a bound method), which closes a worker's kept connection and
    returns when it is closed."""
    _releasers.append(weakref.WeakMethod(release))  # type: ignore[arg-type]


def release_idle() -> int:
    """Ask every worker that keeps a connection to close it now; returns how many were asked."""
    asked = 0
    for ref in list(_releasers):
        release = ref()
        if release is None:
            _releasers.remove(ref)
            continue
        release()
        asked += 1
    return asked
