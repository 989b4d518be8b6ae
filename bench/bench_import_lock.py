#!/usr/bin/env python3
"""How long a big import keeps everybody else from writing (issue 12: <= about 2 s for 100,000 rows).

    .venv/bin/python bench/bench_import_lock.py [--rows 100000] [--repeat 3]

The import runs in a child process (``services.resident_io.run_import``, every check kept)
on a fresh database file; meanwhile this process plays the other PC: a second connection
tries to take the write lock (``BEGIN IMMEDIATE`` without waiting) every few milliseconds
and records the longest stretch during which it could not. Interleaved with its yardstick:
the same rows written by plain ``sqlite3`` in one transaction into a fresh database of the
same schema (same triggers and indexes), staged in a TEMP table and written with one
INSERT ... SELECT (``bench_import.plain_write``), no checks, no audit rows -- about the
shortest lock any all-or-nothing import of these rows can have on this machine.
Each figure: min / median / max of ``--repeat`` runs, the ratio of medians, the load.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import _fresh, generate_rows, plain_write, read_plain, write_csv  # noqa: E402
from benchlib import interleave, load, report  # noqa: E402


class LockProbe:
    """Another writer: the longest time it could not take the write lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.longest = 0.0
        self.attempts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> LockProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        conn = sqlite3.connect(str(self.path), timeout=0, isolation_level=None)
        blocked_since = None
        try:
            while not self._stop.is_set():
                now = time.perf_counter()
                self.attempts += 1
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("ROLLBACK")
                except sqlite3.OperationalError:
                    if blocked_since is None:
                        blocked_since = now
                else:
                    if blocked_since is not None:
                        self.longest = max(self.longest, now - blocked_since)
                        blocked_since = None
                time.sleep(0.002)
            if blocked_since is not None:
                self.longest = max(self.longest, time.perf_counter() - blocked_since)
        finally:
            conn.close()


def child(db: str, source: str) -> int:
    """The import, in its own process (another PC of the office, as far as SQLite can tell)."""
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import resident_io
    from balai_app.services.context import SYSTEM

    open_database(Path(db))
    started = time.perf_counter()
    report_ = resident_io.run_import(SYSTEM, source)
    print(f"imported {report_.imported} in {time.perf_counter() - started:.2f} s", flush=True)
    close_database()
    return 0 if report_.imported else 1


def program_lock(folder: Path, source: Path, n: int, totals: list[float]) -> float:
    path = _fresh(folder, "lock-program.sqlite")
    started = time.perf_counter()
    with LockProbe(path) as probe:
        done = subprocess.run([sys.executable, __file__, "--child", str(path), str(source)],
                              capture_output=True, text=True, check=False)
    totals.append(time.perf_counter() - started)
    if done.returncode != 0 or f"imported {n}" not in done.stdout:
        raise SystemExit(f"import failed: {done.stdout}{done.stderr}")
    return probe.longest


def plain_lock(folder: Path, source: Path) -> float:
    path = _fresh(folder, "lock-plain.sqlite")
    values = read_plain(source)
    with LockProbe(path) as probe:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        plain_write(conn, values)
        conn.close()
    return probe.longest


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("BALAI_DATA_DIR", str(folder / "userdata"))
        print(load())
        source = folder / "pm.csv"
        write_csv(source, generate_rows(args.rows))
        print(f"\n{source.name} ({source.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows), "
              f"{args.repeat} interleaved runs:")
        totals: list[float] = []
        rounds = interleave({"program": lambda: program_lock(folder, source, args.rows, totals),
                             "plain": lambda: plain_lock(folder, source)}, args.repeat, warm=0)
        report("write lock held by the import (other PC waits)", rounds["program"],
               "plain sqlite3 INSERT ... SELECT, no checks", rounds["plain"], goal="<= about 2 s at 100,000 rows")
        report("the whole import (read, check, write), for scale", totals)
        print(load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
