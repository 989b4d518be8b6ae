"""What the sign-in window shows, read before the database is opened (issue 18).

The window paints its sign-in before the database layer (peewee, the models, the
schema check: a third of a second on an office PC) is even imported; the open
and every check run right after that first paint, before anyone can sign in.
To paint the right balai name, logo and demo hint at once, this module looks
at the file through a read-only ``sqlite3`` connection (a C module Python
loads in milliseconds): one row of ``balai_profile`` and whether any account
exists. It writes nothing, takes no lock a writer would wait for, and says
``None`` whenever the answer is not plainly "a balai with accounts" (no file
yet, an empty or foreign file, a table that does not read): the program then
opens and checks the database first, as it always did.

The facts are only a first look: once the database is open the sign-in shows
the profile as the services read it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple


class SignInFacts(NamedTuple):
    """The balai's name, logo (PNG bytes or None) and whether it holds demo data."""

    name: str
    logo: bytes | None
    is_demo: bool


def peek(path: str | Path) -> SignInFacts | None:
    """The sign-in's facts of the database file at ``path``; None when a sign-in is not
    plainly what comes next (first start, set-up unfinished, unreadable or foreign file)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT name, logo, is_demo FROM balai_profile WHERE id = 1").fetchone()
        has_account = conn.execute('SELECT EXISTS (SELECT 1 FROM "user")').fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None or not has_account or not isinstance(row[0], str):
        return None
    logo = bytes(row[1]) if isinstance(row[1], (bytes, bytearray, memoryview)) and row[1] else None
    return SignInFacts(row[0], logo, bool(row[2]))
