"""Ways to damage a database file as the hostile test found them."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def drop_row_from_index(path: Path, index: str = "resident_status", table: str = "resident",
                        column: str = "status", rowid: int = 1) -> None:
    """An index that lacks one row of its table: ``quick_check`` calls the file
    healthy, ``integrity_check`` says "row N missing from index ...".

    The index is rebuilt as a partial index without the row, then its schema text
    is put back to the full definition (the b-tree keeps lacking the row)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        full_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
        conn.execute(f'DROP INDEX "{index}"')
        conn.execute(f'CREATE INDEX "{index}" ON "{table}" ("{column}") WHERE rowid <> {int(rowid)}')
        conn.commit()
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (full_sql, index))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.commit()
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()


def quick_and_full(path: Path) -> tuple[list[str], list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        quick = [r[0] for r in conn.execute("PRAGMA quick_check")]
        full = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    return quick, full
