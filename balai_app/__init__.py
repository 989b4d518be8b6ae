"""Balai: the desktop program of an Indonesian social-rehabilitation centre."""

# Read from a module, not importlib.metadata (which costs ~0.1 s at every start).
# scripts/version.py keeps it equal to pyproject.toml; a test checks they agree.
import sys as _sys

from balai_app._version import VERSION as __version__

# peewee imports the PostgreSQL driver (psycopg and its C library: 0.15-0.5 s on an office PC) the
# moment peewee itself is imported, also for the SQLite file of a one-PC balai. Keep it out of
# start-up; a server database loads it through balai_app.db.server.load_driver(), which hands it
# to peewee then. (setdefault: a process that already imported psycopg keeps it.)
_sys.modules.setdefault("psycopg", None)  # type: ignore[arg-type]

__all__ = ["__version__"]
