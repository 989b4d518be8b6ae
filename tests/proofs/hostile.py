"""Shared pieces of the hostile-input proofs: values, the oracle, the database invariants."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st

from balai_app.domain.errors import BalaiError

EXAMPLES = int(os.environ.get("BALAI_HYPOTHESIS_EXAMPLES", "150"))
HYPOTHESIS = settings(max_examples=EXAMPLES, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# For calls that hash passwords (argon2 is slow on purpose).
HYPOTHESIS_HASHING = settings(HYPOTHESIS, max_examples=max(20, EXAMPLES // 4))

INDONESIAN = ("wajib", "tidak", "harus", "berisi", "terlalu", "bukan", "tanggal", "maksimal", "minimal", "sudah",
              "isian", "hanya", "boleh", "digit", "dikenal", "diisi", "dipilih", "kalender", "lampau", "masa depan",
              "periksa", "belum", "sebelum", "gambar", "berkas", "foto", "isi ", "telah diubah", "ditemukan",
              "tulis", "format", "pilih", "bilangan", "kolom", "baris", "sesudah", "setelah", "diganti", "dicabut",
              "yang", "dengan", "atau", "untuk", "ini", "impor", "lengkap", "gunakan", "dari", "berkas",
              "salah", "sandi", "akun", "nama pengguna")
PYTHON_LEAKS = ("Traceback", "NoneType", "object has no attribute", "invalid literal", "unsupported operand",
                "not subscriptable", "is not iterable", "unhashable", "codec can't", "IntegrityError", "sqlite3",
                "OverflowError", "too large to convert")

HOSTILE_TEXT = st.one_of(
    st.sampled_from(["", " ", "\t", "\n", "\r\n", "\x00", "a\x00b", "\x1b[31mmerah", "\x7f", "\u202enakaM\u202c",
                     "\u200b", "\ufeffNama", "\udcff", "Muh. Ma'ruf", "Ni Luh Putu Ayu", "'; DROP TABLE resident;--",
                     "%_\\", "NULL", "None", "🙂" * 60, "ÅÅ", "A\u030a", "x" * 199, "x" * 200, "x" * 201,
                     "y" * 5001, "z" * 100_000, "  Sukarno  ", "3201011501100001", "+62 812-3456-7890",
                     "{seq}", "{seq:04d}/{year}", "{0}", "{seq!r}", "{__class__}", "=1+1", "08:00", "24:00", "7:5",
                     "K", "BK", "H", "A", "²", "١٢", "0", "-1", "1e9", "9" * 30]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=10),
    st.text(min_size=180, max_size=260),
)
WRONG_TYPES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**63), st.integers(max_value=-(2**63) - 1),
    st.floats(allow_nan=True), st.lists(st.integers(), max_size=3), st.lists(st.lists(st.text(max_size=2), max_size=2), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.binary(max_size=20),
    st.dates(), st.datetimes(), st.just(object()), st.sets(st.integers(), max_size=2), st.just(b"\xff\xfe"),
)
BAD_DATES = st.sampled_from([
    "31-02-2026", "29-02-2025", "30/02/2024", "2026-02-30", "2026-13-01", "00-00-0000", "32/01/2020", "31.04.2026",
    "1899-12-31", "0001-01-01", "9999-12-31", "2999-01-01", "15-01-10", "2026/01/01", "besok", "12 Januari 2026",
    "2026-1-5", "5-1-2026", "29-02-2024", " 01-01-2000 ", "01-01-2000\n", "٠١-٠١-٢٠٠٠",
])
ANY_HOSTILE = st.one_of(HOSTILE_TEXT, WRONG_TYPES, BAD_DATES)


def _server_database():
    """The open database when it is a PostgreSQL one (engine parameter), else None."""
    from balai_app.db import dialect
    from balai_app.db.models import database

    db = database.obj
    return db if db is not None and dialect.is_postgres(db) else None


def tables_of(conn: sqlite3.Connection, *, own_only: bool = False) -> list[str]:
    """Every table; ``own_only``: without full-text indexes and their shadow tables (SQLite's own format)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()
    if not own_only:
        return [name for name, _sql in rows]
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [name for name, _sql in rows if name not in virtual and not any(name.startswith(v + "_") for v in virtual)]


def dump(path: Path) -> dict[str, list[tuple]]:
    server = _server_database()
    if server is not None:
        from balai_app.db import dialect

        return {t: [tuple(r) for r in server.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()]
                for t in dialect.user_tables(server)}
    conn = sqlite3.connect(str(path))
    try:
        # sorted in Python: some tables (a full-text index's) have no rowid to order by
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables_of(conn)}
    finally:
        conn.close()


def assert_refusal_is_clear(exc: BalaiError) -> None:
    message = exc.message
    assert isinstance(message, str) and message.strip(), repr(exc)
    assert not any(leak in message for leak in PYTHON_LEAKS), message
    assert any(word in message.casefold() for word in INDONESIAN), message
    for text in getattr(exc, "errors", {}).values():
        assert isinstance(text, str) and text.strip()


_VARCHAR = re.compile(r"VARCHAR\((\d+)\)", re.I)


def assert_database_sane(path: Path) -> None:
    """Whatever was stored: every column holds its declared kind of value.

    VARCHAR(n): text of at most n characters without NUL; TEXT: text without
    NUL; INTEGER: an integer; DATE: an ISO date from 1900 on; DATETIME: an ISO
    date-time. (SQLite itself would store anything anywhere; a PostgreSQL server
    refuses such values itself: its column types are enforced, text holds no NUL.)
    """
    if _server_database() is not None:
        return
    conn = sqlite3.connect(str(path))
    try:
        for table in tables_of(conn, own_only=True):
            columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            for _cid, name, decl, notnull, _default, _pk in columns:
                decl = (decl or "").upper()
                for (value,) in conn.execute(f'SELECT "{name}" FROM "{table}"'):
                    where = f"{table}.{name}={value!r:.80}"
                    if value is None:
                        assert not notnull, where
                        continue
                    if decl.startswith("VARCHAR"):
                        assert isinstance(value, str) and "\x00" not in value, where
                        limit = int(_VARCHAR.match(decl).group(1))
                        assert len(value) <= limit, f"{where}: {len(value)} > {limit}"
                    elif decl == "TEXT":
                        assert isinstance(value, str) and "\x00" not in value, where
                    elif decl == "INTEGER":
                        assert isinstance(value, int), where
                    elif decl == "DATE":
                        assert isinstance(value, str) and dt.date.fromisoformat(value) >= dt.date(1900, 1, 1), where
                    elif decl == "DATETIME":
                        assert isinstance(value, str), where
                        dt.datetime.fromisoformat(value)
    finally:
        conn.close()


def attempt(path: Path, call):
    """Run one write: stored (returns its result, database sane) or refused cleanly (database unchanged)."""
    before = dump(path)
    try:
        result = call()
    except BalaiError as exc:
        assert_refusal_is_clear(exc)
        assert dump(path) == before, "a refused change altered the database"
        return None
    assert_database_sane(path)
    return result
