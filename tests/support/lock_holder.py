"""Another program or PC holding a lock on the test's database, on either engine.

The lock is held from the moment ``hold`` returns (the holder's statement has come
back: an event, never a sleep) until ``release``.

- ``write``: another Balai process in the middle of a write (SQLite: ``BEGIN
  IMMEDIATE``; PostgreSQL: the balai's write lock, ``pg_advisory_xact_lock``);
- ``table``: another program holding a table lock (PostgreSQL ``LOCK TABLE … IN
  SHARE MODE``: every INSERT/UPDATE/DELETE of that table waits);
- ``row``: another program holding one row (``SELECT … FOR UPDATE``);
- ``exclusive``: another PC's restore or schema upgrade (``ACCESS EXCLUSIVE``: even a
  read of that table waits).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

# Without a lock wait the blocked write would wait for ever: the holder lets go after this
# many seconds, so such a test fails (the write then goes through) instead of hanging the run.
WATCHDOG_S = float(os.environ.get("BALAI_TEST_LOCK_WATCHDOG", "60"))


class LockHolder:
    def __init__(self, location, kind: str = "write", *, table: str = "resident", row_id: int | None = None):
        self.location = location
        self.kind = kind
        self._lock = threading.Lock()
        self.server = isinstance(location, str) and location.startswith("postgresql://")
        if self.server:
            from balai_app.db.server import WRITE_LOCK_KEY, parse_url, load_driver

            psycopg = load_driver()
            a = parse_url(location)
            self.conn = psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=a.dbname, autocommit=False)
            if kind == "write":
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            elif kind == "table":
                self.conn.execute(f'LOCK TABLE "{table}" IN SHARE MODE')
            elif kind == "exclusive":  # what another PC's restore (DROP TABLE) or upgrade holds
                self.conn.execute(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
            elif kind == "row":
                self.conn.execute(f'SELECT id FROM "{table}" WHERE id = %s FOR UPDATE', (row_id,))
            else:
                raise ValueError(kind)
        else:
            self.conn = sqlite3.connect(Path(location), isolation_level=None, check_same_thread=False)
            self.conn.execute("BEGIN IMMEDIATE")
        self.watchdog = threading.Timer(WATCHDOG_S, self.release)
        self.watchdog.daemon = True
        self.watchdog.start()

    def release(self) -> None:
        with self._lock:
            if self.conn is None:
                return
            self.conn.rollback()
            self.conn.close()
            self.conn = None
        self.watchdog.cancel()


def hold(location, kind: str = "write", **kwargs) -> LockHolder:
    return LockHolder(location, kind, **kwargs)
