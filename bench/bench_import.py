#!/usr/bin/env python3
"""Importing 10,000 residents from CSV and from XLSX (goal, issue 18: <= 1.5 s with every check kept).

    .venv/bin/python bench/bench_import.py [--rows 10000] [--repeat 3] [--keep DIR]

Each file is generated (valid NIKs matching birth date and sex), then
imported with ``services.resident_io.run_import`` into a fresh database file
(WAL, synchronous=FULL, as in the field), interleaved with its yardstick: the
same file read with plain ``csv`` / ``openpyxl`` (read-only) and inserted with
plain ``sqlite3`` into a fresh database of the same schema (its indexes, and its
triggers keeping the search index and the Beranda counts), in one transaction,
without any check: staged in a TEMP table and written with one INSERT ... SELECT
(``plain_write``). The naive per-row ``executemany`` is timed once beside it: FTS5
flushes its index at every statement's end, which made it ~1 s for 10,000 rows. Each figure: min / median / max of
``--repeat`` runs, the ratio of medians, the machine's load. Also timed once:
read + validate alone, and the export of the same rows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import interleave, load, report  # noqa: E402

from balai_app.domain.codes import KLASTER  # noqa: E402

REGIONS = ["320101", "327101", "317101", "510101", "650101"]
NAMES = ["Muh. Ma'ruf", "Ni Luh Putu Ayu", "Sukarno", "Siti Aminah", "Andi Rahmat", "Dewi Lestari",
         "Yohanes Kristian", "René Siregar", "Budi Santoso", "Nur Aisyah"]
PLACES = ["Bogor", "Denpasar", "Jakarta", "Tanjung Selor", "Makassar", "Medan"]


def generate_rows(n: int, seed: int = 2026) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 60))
        sex = rng.choice("LP")
        day = birth.day + (40 if sex == "P" else 0)
        # NIK: 6-digit region, birth date (+40 for women), 4-digit serial. Past 49,995 rows the
        # kecamatan digits change so that every NIK stays 16 digits and unique.
        block, within = divmod(i, len(REGIONS) * 9999)
        region = f"{REGIONS[within % len(REGIONS)][:4]}{block + 1:02d}"
        serial = within // len(REGIONS) + 1
        nik = f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
        rows.append({
            "nik": nik,
            "no_kk": f"{region}{rng.randrange(10**10):010d}",
            "nama": f"{rng.choice(NAMES)} {i}",
            "jenis_kelamin": sex,
            "tempat_lahir": rng.choice(PLACES),
            "tanggal_lahir": birth,
            "klaster": rng.choice(list(KLASTER)),
            "alamat": f"Jl. Melati No. {rng.randrange(1, 200)}, RT 0{rng.randrange(1, 9)}/RW 0{rng.randrange(1, 9)}",
            "tanggal_masuk": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600)),
            "nama_wali": rng.choice(NAMES),
            "telepon_wali": f"08{rng.randrange(10**9, 10**10)}",
            "catatan": "",
        })
    return rows


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    """As Excel in the Indonesian locale saves it: semicolons, DD/MM/YYYY."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(list(rows[0]))
        for row in rows:
            writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in row.values()])


def write_xlsx(path: Path, rows: list[dict[str, object]]) -> None:
    """Real date cells, NIK as text (and every 10th No. KK as a number, as Excel users do)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("PM")
    sheet.append(list(rows[0]))
    for i, row in enumerate(rows):
        values = list(row.values())
        if i % 10 == 0:
            values[1] = int(values[1])
        sheet.append(values)
    workbook.save(path)


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"  {label:<46} {elapsed * 1000:8.1f} ms  (once)")
    return result, elapsed


COLUMNS = ["nik", "no_kk", "name", "sex", "birth_place", "birth_date", "klaster", "address", "entry_date",
           "guardian_name", "guardian_phone", "notes"]


def _fresh(folder: Path, name: str) -> Path:
    from balai_app.db.connection import close_database, open_database

    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_database(path)
    close_database()
    return path


PLAIN_COLUMNS = [*COLUMNS, "search_text", "created_at", "updated_at"]
PLAIN_DEFAULTS = ("nik_missing_reason, disabilities, religion, education, guardian_relation, referral_source, "
                  "status, exit_reason, version", "'', '', '', '', '', '', 'aktif', '', 1")


def read_plain(source: Path) -> list[tuple]:
    """The file's cells as text, read plainly (csv / openpyxl read-only), no checks."""
    if source.suffix == ".csv":
        with open(source, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            next(reader)
            return [tuple(row) for row in reader]
    from openpyxl import load_workbook

    book = load_workbook(source, read_only=True)
    values = [tuple("" if v is None else str(v) for v in row)
              for row in book.active.iter_rows(min_row=2, values_only=True)]
    book.close()
    return values


def plain_write(conn, values: list[tuple], *, per_row: bool = False) -> None:
    """Write the rows with plain sqlite3 into the program's schema (its indexes, and its triggers
    that keep the search index and the Beranda counts), in one transaction, no checks, no audit.

    As one who knows SQLite writes it: the rows go into a TEMP table first, then into the
    table with ONE INSERT ... SELECT. ``per_row``: the naive ``executemany`` -- one statement
    per row, and FTS5 flushes its pending index at the end of every statement, which is what
    made the old yardstick take about 1 s for 10,000 rows."""
    now = dt.datetime.now().isoformat(" ")
    # The search key the program stores (name, NIK, place of birth; lower case): the same rows, the
    # same search index to fill (a key without the place took the index ~60 ms less for 10,000 rows).
    rows = [(*v, f"{v[2].lower()} {v[0]} {v[4].lower()}", now, now) for v in values]
    names = ", ".join(PLAIN_COLUMNS)
    marks = ", ".join("?" * len(PLAIN_COLUMNS))
    if per_row:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO resident ({names}, {PLAIN_DEFAULTS[0]}) VALUES ({marks}, {PLAIN_DEFAULTS[1]})",
                         rows)
    else:
        conn.execute(f"CREATE TEMP TABLE plain_stage ({names})")
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO temp.plain_stage VALUES ({marks})", rows)
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"INSERT INTO main.resident ({names}, {PLAIN_DEFAULTS[0]}) "
                     f"SELECT {names}, {PLAIN_DEFAULTS[1]} FROM temp.plain_stage ORDER BY rowid")
    conn.execute("COMMIT")


def plain_import(folder: Path, source: Path, *, per_row: bool = False) -> float:
    """The yardstick: read the file plainly and insert with sqlite3, no checks."""
    import sqlite3

    path = _fresh(folder, "plain.sqlite")
    started = time.perf_counter()
    values = read_plain(source)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    plain_write(conn, values, per_row=per_row)
    conn.close()
    return time.perf_counter() - started


def program_import(folder: Path, source: Path, n: int) -> float:
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import resident_io
    from balai_app.services.context import SYSTEM

    path = _fresh(folder, f"bench-{source.suffix[1:]}.sqlite")
    open_database(path)
    try:
        started = time.perf_counter()
        result = resident_io.run_import(SYSTEM, source)
        elapsed = time.perf_counter() - started
        assert result.imported == n, result.summary_line()
    finally:
        close_database()
    return elapsed


def bench_file(folder: Path, source: Path, n: int, repeat: int) -> float:
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import resident_io, resident_io_export
    from balai_app.services.context import SYSTEM

    print(f"\n{source.name} ({source.stat().st_size / 1e6:.1f} MB, {n:,} rows), {repeat} interleaved runs:")
    rounds = interleave({"program": lambda: program_import(folder, source, n),
                         "plain": lambda: plain_import(folder, source)}, repeat, warm=0)
    report(f"import {source.suffix} (read, every check, write)", rounds["program"],
           "plain reader + sqlite3, no checks", rounds["plain"], goal="<= 1.5 s for 10,000 rows")
    timed("naive yardstick: executemany, one row per statement",
          lambda: plain_import(folder, source, per_row=True))
    path = _fresh(folder, "validate.sqlite")
    open_database(path)
    try:
        check, _ = timed("read + validate alone (check_import)", lambda: resident_io.check_import(SYSTEM, source))
        assert not check.errors, check.errors[:5]
        resident_io.run_import(SYSTEM, source)
        for suffix in (".csv", ".xlsx"):
            timed(f"export {n:,} rows to {suffix}", lambda suffix=suffix: resident_io_export.export_residents(
                SYSTEM, folder / f"export{suffix}", with_nik=True))
    finally:
        close_database()
    import statistics

    return statistics.median(rounds["program"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files and databases in DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("BALAI_DATA_DIR", str(folder / "userdata"))
        print(load())
        rows = generate_rows(args.rows)
        write_csv(folder / "pm.csv", rows)
        write_xlsx(folder / "pm.xlsx", rows)
        for name in ("pm.csv", "pm.xlsx"):
            bench_file(folder, folder / name, args.rows, args.repeat)
        print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
