"""A balai's database on a PostgreSQL server, shared by several PCs.

``--db postgresql://USER@HOST:PORT/DBNAME`` (or ``BALAI_DB``) names it. The
password never travels in that address (a command line and a log show it): it
comes from ``PGPASSWORD``, the standard pgpass file (``%APPDATA%\\postgresql\\
pgpass.conf`` on Windows, ``~/.pgpass`` elsewhere; libpq reads both itself) or
a prompt the caller supplies (``password_prompt``).

Driver: psycopg 3 with its binary wheels (``psycopg[binary]``): wheels for
Windows, Linux and macOS on every CPython we support, libpq inside (nothing
to install on an office PC), actively developed (psycopg2 is in maintenance),
and supported by peewee's ``PostgresqlDatabase`` directly.

``BalaiPostgresqlDatabase`` makes the server behave like our SQLite database
for the code above it:

- ``atomic("IMMEDIATE")`` takes the one write lock at the start of the
  transaction (a transaction-level advisory lock), as SQLite's ``BEGIN
  IMMEDIATE`` does: writers queue instead of deadlocking half-way, and
  ``max(sequence) + 1`` certificate numbering stays gap-free with several PCs;
- the services' raw SQL in qmark style (``?``) is given to the driver as
  ``%s`` placeholders;
- Python booleans are sent as 0/1 (the schema keeps SQLite's INTEGER flags, so
  raw SQL such as ``active = 1`` means the same on both engines);
- a connection lost outside a transaction (server restart, cable) is opened
  again once, transparently; inside a transaction the error reaches the
  caller, and the server has rolled the whole transaction back.

All PostgreSQL-specific SQL lives in ``balai_app.db.dialect``.
"""

from __future__ import annotations

import sys
import logging
import threading
from collections.abc import Callable

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from balai_app.db.server_address import (  # noqa: F401 - the address is part of this module's interface
    DEFAULT_PORT,
    SCHEMES,
    ServerAddress,
    ServerError,
    classify,
    is_server_url,
    parse_url,
)
from balai_app.domain.errors import BalaiError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 8  # seconds: an office network answers fast or not at all
# One key for "the balai's write lock" (any 64-bit number, the same in every process).
WRITE_LOCK_KEY = 0x42414C4149  # "BALAI"
MIGRATION_LOCK_KEY = WRITE_LOCK_KEY + 1
# How long a statement waits for a lock another PC holds (the balai's write lock, a row, a
# table) before the server gives up with SQLSTATE 55P03: SQLite's busy timeout, the same
# numbers (the command line 15 s or BALAI_BUSY_TIMEOUT, the window a moment: GUI_BUSY_MS).
DEFAULT_LOCK_TIMEOUT_MS = 15000
LOCK_NOT_AVAILABLE = "55P03"
# A PC that stops in the middle of a transaction (frozen, cable pulled without the server
# noticing, a process stuck) must not hold the balai's write lock for hours: the server ends
# a session idle inside a transaction after this long (our transactions never wait for a
# person), and probes a silent client's TCP connection every 10 s after 30 s of silence
# (the OS default is 2 hours). Its transaction is rolled back whole; the lock is free.
IDLE_IN_TRANSACTION_MS = 120_000
SESSION_SETTINGS = (("tcp_keepalives_idle", "30"), ("tcp_keepalives_interval", "10"), ("tcp_keepalives_count", "3"))


class ConnectionLost(BalaiError):
    """The server went away in the middle of a write: the server rolled it back whole.
    The message is for the user; the window keeps what was typed and the next
    action reconnects."""

    def __init__(self, message: str | None = None):
        super().__init__(message or (
            "Sambungan ke server basis data terputus (jaringan atau server dimulai ulang). Perubahan ini TIDAK "
            "disimpan, tidak ada yang tersimpan setengah. Isian Anda masih ada: periksa jaringan lalu simpan lagi; "
            "program menyambung ulang sendiri."))


class ServerBusy(OperationalError):
    """Another PC held a lock longer than this connection's lock wait (SQLSTATE 55P03).

    Worded like SQLite's "database is locked" so the same code turns it into the
    Indonesian "database busy" message (the command line exits 1 with it; the window
    shows its busy bar with "Coba lagi sekarang"/"Batal"). The server has cancelled the
    statement (and its transaction): nothing of it was written."""

    def __init__(self, waited_ms: int):
        super().__init__(f"database is busy: another computer held the lock longer than {waited_ms} ms "
                         f"(server lock_timeout, SQLSTATE {LOCK_NOT_AVAILABLE})")
        self.waited_ms = waited_ms


def is_lock_timeout(exc: BaseException | None) -> bool:
    """The server's "lock not available" (lock_timeout ran out), raw or wrapped by peewee."""
    seen = 0
    while exc is not None and seen < 4:
        if isinstance(exc, ServerBusy) or getattr(exc, "sqlstate", None) == LOCK_NOT_AVAILABLE:
            return True
        # peewee keeps the driver's error as ``orig`` (older versions: the first argument).
        inner = getattr(exc, "orig", None)
        if not isinstance(inner, BaseException):
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = inner or exc.__cause__
        seen += 1
    return False


# Passwords typed at a prompt, kept in this process only (to reconnect after a
# server restart), never written anywhere.
_typed_passwords: dict[str, str] = {}
_typed_lock = threading.Lock()


def remember_password(address: ServerAddress, password: str | None) -> None:
    with _typed_lock:
        if password:
            _typed_passwords[address.url] = password
        else:
            _typed_passwords.pop(address.url, None)


def _connect_params(address: ServerAddress) -> dict:
    params: dict = {
        "host": address.host,
        "port": address.port,
        "user": address.user,
        "connect_timeout": CONNECT_TIMEOUT,
        "application_name": "balai-app",
        # Detect a dead server or cable within about a minute, not hours.
        "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
    }
    params.update(dict(address.options))
    with _typed_lock:
        password = _typed_passwords.get(address.url)
    if password:
        params["password"] = password
    return params


def load_driver():
    """The psycopg module, imported on first use and handed to peewee.

    ``balai_app/__init__`` keeps psycopg out of start-up (peewee would import it with itself), so
    peewee's module-level driver names are still None here; they are set once, before the first
    ``BalaiPostgresqlDatabase`` is made (peewee picks its driver when a database is created)."""
    import peewee

    if "psycopg" in sys.modules and sys.modules["psycopg"] is None:
        del sys.modules["psycopg"]
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if peewee.psycopg is None:  # what peewee's module would have set had psycopg been importable
        peewee.psycopg = psycopg
        peewee.TransactionStatus = TransactionStatus
        peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
        adapter = peewee.Psycopg3Adapter
        adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown = (
            TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN)
    return psycopg


def _bool_as_int_dumpers():
    psycopg = load_driver()
    from psycopg.adapt import Dumper

    int4 = psycopg.postgres.types["int4"].oid

    class BoolAsInt(Dumper):
        oid = int4

        def dump(self, obj):
            return b"1" if obj else b"0"

    return BoolAsInt


def _qmark_to_format(sql: str) -> str:
    """SQLite-style SQL for psycopg: ``?`` placeholders outside quotes become
    ``%s``; a literal ``%`` becomes ``%%`` (peewee's own ``%s`` stay)."""
    if "?" not in sql and "%" not in sql.replace("%s", ""):
        return sql
    out, quote, i, n = [], "", 0, len(sql)
    while i < n:
        ch = sql[i]
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%" and i + 1 < n and sql[i + 1] in "s%":
            out.append(sql[i:i + 2])
            i += 1
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _no_nul(params):
    """PostgreSQL text cannot hold NUL. The services refuse it before any write
    (as the SQLite proofs show); what still carries one is a lookup (a name
    typed with a NUL), which must find nothing, as on SQLite, not fail."""
    if not params:
        return params
    if isinstance(params, dict):
        return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for k, v in params.items()}
    return [v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in params]


class _Cursor:
    """A psycopg cursor that takes SQLite's qmark SQL and answers ``lastrowid``
    (the services use the DB-API cursor directly for bulk writes)."""

    def __init__(self, cursor, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS):
        self._cursor = cursor
        self._lock_timeout_ms = lock_timeout_ms

    def execute(self, sql, params=None):
        try:
            self._cursor.execute(_qmark_to_format(sql), _no_nul(params) if params is not None else ())
        except Exception as exc:
            if is_lock_timeout(exc):
                raise ServerBusy(self._lock_timeout_ms) from exc
            raise
        return self

    def executemany(self, sql, seq):
        try:
            self._cursor.executemany(_qmark_to_format(sql), [_no_nul(p) for p in seq])
        except Exception as exc:
            if is_lock_timeout(exc):
                raise ServerBusy(self._lock_timeout_ms) from exc
            raise
        return self

    @property
    def lastrowid(self):
        with self._cursor.connection.cursor() as other:
            other.execute("SELECT lastval()")
            return other.fetchone()[0]

    def __iter__(self):
        return iter(self._cursor)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._cursor.close()

    def __getattr__(self, name):
        return getattr(self._cursor, name)


class _Connection:
    """The raw connection, with sqlite3's ``execute``/``executemany`` shortcuts."""

    def __init__(self, conn, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS):
        self._conn = conn
        self._lock_timeout_ms = lock_timeout_ms

    def cursor(self, *args, **kwargs):
        return _Cursor(self._conn.cursor(*args, **kwargs), self._lock_timeout_ms)

    def execute(self, sql, params=None):
        return self.cursor().execute(sql, params)

    def executemany(self, sql, seq):
        return self.cursor().executemany(sql, seq)

    def __getattr__(self, name):
        return getattr(self._conn, name)


_LOST = ("server closed the connection", "terminating connection", "connection is closed",
         "connection already closed", "the connection is lost", "consuming input failed",
         "sending query failed", "no connection to the server", "connection timeout expired",
         "could not receive data", "could not send data", "ssl syscall error", "eof detected",
         "connection to server at")


def is_connection_lost(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, (OperationalError, InterfaceError)) and any(s in text for s in _LOST)


class BalaiPostgresqlDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database with SQLite's behaviour where our code relies on it."""

    # Flags are INTEGER 0/1 on both engines (one schema): also for columns added
    # later with playhouse.migrate (BooleanField).
    field_types = {**PostgresqlDatabase.field_types, "BOOL": "INTEGER"}

    def __init__(self, address: ServerAddress, *, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, **kwargs):
        self.address = address
        self.lock_timeout_ms = max(1, int(lock_timeout_ms))  # 0 would mean "wait for ever" to the server
        load_driver()  # before peewee chooses its driver
        super().__init__(address.dbname, prefer_psycopg3=True, **kwargs)

    # --- connections ---
    def _connect(self):
        self.connect_params = _connect_params(self.address)
        conn = super()._connect()
        conn.adapters.register_dumper(bool, _bool_as_int_dumpers())
        # Every statement of this session waits at most this long for another PC's lock
        # (also a reconnect's new session); autocommit: it holds outside any transaction.
        settings = [("lock_timeout", f"{self.lock_timeout_ms}ms"),
                    ("idle_in_transaction_session_timeout", f"{IDLE_IN_TRANSACTION_MS}ms"), *SESSION_SETTINGS]
        conn.execute("SELECT " + ", ".join(["set_config(%s, %s, false)"] * len(settings)),
                     [v for pair in settings for v in pair])
        return conn

    def connection(self):
        return _Connection(super().connection(), self.lock_timeout_ms)

    def execute(self, query, **context_options):
        # SQLite's LIMIT -1 means "no limit"; PostgreSQL refuses a negative one.
        if isinstance(getattr(query, "_limit", None), int) and query._limit < 0:
            query = query.clone()
            query._limit = None
        return super().execute(query, **context_options)

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (OperationalError, InterfaceError) as exc:
            if is_lock_timeout(exc):
                raise ServerBusy(self.lock_timeout_ms) from exc
            if not is_connection_lost(exc):
                raise
            if self.in_transaction():
                log.warning("connection to %s lost inside a transaction", self.address.label())
                raise ConnectionLost() from exc
            log.warning("connection to %s lost; reconnecting once", self.address.label())
            try:
                self.reconnect()
            except Exception as again:
                raise ConnectionLost(
                    "Server basis data tidak dapat dihubungi (jaringan atau server mati). Tidak ada yang diubah. "
                    "Isian Anda masih ada: coba lagi setelah sambungan pulih.") from again
            return super().execute_sql(sql, params)

    def rollback(self):
        try:
            super().rollback()
        except (OperationalError, InterfaceError) as exc:
            if not is_connection_lost(exc):
                raise
            self.dispose()  # the server already dropped the transaction with the connection

    def commit(self):
        try:
            super().commit()
        except (OperationalError, InterfaceError) as exc:
            if not is_connection_lost(exc):
                raise
            self.dispose()
            raise ConnectionLost(
                "Sambungan ke server terputus tepat saat menyimpan. Setelah tersambung lagi, periksa apakah "
                "perubahan ini sudah ada sebelum menyimpan ulang (isian Anda masih ada).") from exc

    def reconnect(self) -> None:
        """Drop a broken connection (never inside a transaction) and open a new one."""
        self.dispose()
        self.connect()

    def cursor(self, named_cursor=None):
        if not self.is_closed() and not self.in_transaction() and not self.is_connection_usable():
            self.dispose()  # the server went away while we were idle: start afresh
        return _Cursor(super().cursor(named_cursor), self.lock_timeout_ms)

    def conflict_update(self, oc, query):
        """SQLite's INSERT OR REPLACE → an upsert on the primary key."""
        if (oc._action or "").lower() == "replace":
            from peewee import OnConflict

            model = getattr(query, "model", None)
            if model is not None:
                pk = model._meta.get_primary_keys()
                others = [f for f in model._meta.sorted_fields if not f.primary_key]
                oc = OnConflict("update", preserve=others, conflict_target=pk)
        return super().conflict_update(oc, query)

    # --- transactions: SQLite's lock types mean the balai's write lock ---
    def begin(self, lock_type=None):
        if isinstance(lock_type, str) and lock_type.upper() in ("IMMEDIATE", "EXCLUSIVE"):
            super().begin()
            try:
                # Waits at most lock_timeout for another PC's write (ServerBusy after that).
                self.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            except BaseException:
                # Not yet on peewee's transaction stack: end the failed BEGIN here, or the
                # connection would stay in an aborted transaction.
                self.rollback()
                raise
            return
        if isinstance(lock_type, str) and lock_type.upper() == "DEFERRED":
            lock_type = None
        super().begin(lock_type)


PasswordPrompt = Callable[[ServerAddress], "str | None"]


def connect(address: ServerAddress, *, password: str | None = None,
            password_prompt: PasswordPrompt | None = None,
            lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> BalaiPostgresqlDatabase:
    """Open a connection; on a missing/wrong password ask ``password_prompt`` once.
    ``lock_timeout_ms``: how long a statement waits for another PC's lock (``ServerBusy``)."""
    if password:
        remember_password(address, password)
    db = BalaiPostgresqlDatabase(address, lock_timeout_ms=lock_timeout_ms, autoconnect=True, thread_safe=True)
    for attempt in range(2):
        try:
            db.connect(reuse_if_open=True)
            return db
        except Exception as exc:  # noqa: BLE001 - psycopg errors come wrapped by peewee
            error = classify(exc, address)
            if error.kind == "auth" and attempt == 0 and password_prompt is not None:
                typed = password_prompt(address)
                if typed:
                    remember_password(address, typed)
                    continue
            raise error from None
    raise AssertionError("unreachable")
