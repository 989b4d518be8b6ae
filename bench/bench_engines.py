#!/usr/bin/env python3
"""The same service calls on SQLite and on PostgreSQL, side by side (issue 16).

    .venv/bin/python bench/bench_engines.py [--residents 50000] [--repeat 5] [--server URL]

One SQLite database of ``--residents`` PMs and a finished course of 100
participants is built, then copied (``db.transfer``, as ``move-to`` does) into
an empty PostgreSQL database: ``--server`` (empty), or a throw-away server
started here with ``scripts/pgtemp.py`` (a local server on 127.0.0.1, as a
balai's server PC seen from itself). Each figure is then measured on both
engines, one engine after the other, through the
program's own services:

- start-up: open the database (version check) and the Beranda's first reads
  (profile, counts per klaster and status);
- search: one keystroke of "siti", "budi santoso", "3201", "bogor" (every
  prefix): the list's first page (a screenful, FIRST_PAGE rows) and its count (goal: <= 50 ms per
  keystroke on the server, issue 16);
- batch list: the Pelatihan screen's list of batches;
- attendance save: the marks of 100 participants for one session;
- 100 certificates: issuing them (once per engine: numbers are used up), and
  writing them into one PDF.

The engines are measured interleaved (round 1: SQLite then PostgreSQL, round 2 the other
way round, ...), so that both see the same load on a shared machine: their ratio stays
meaningful when the absolute figures do not. The search itself (its query and the
server's pg_trgm index) belongs to the search work; this bench only measures it.

Nothing is asserted; the table at the end has one column per engine and their ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import load  # noqa: E402

TYPED = ["siti", "budi santoso", "3201", "bogor"]
PARTICIPANTS = 100
# The register's first page: a screenful plus a margin (gui/residents/resident_model.py
# FIRST_PAGE_MIN; a 1366x768 window shows about 24 rows).
FIRST_PAGE = 40


def _pgtemp():
    spec = importlib.util.spec_from_file_location("pgtemp", ROOT / "scripts" / "pgtemp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, residents: int) -> dict:
    """The SQLite database: PMs (bulk, as bench_startup) and a finished course of 100."""
    from bench_startup import build_database
    from support.certificates import build_course

    from balai_app.db.connection import close_database, open_database
    from balai_app.services import residents as residents_service
    from balai_app.services.context import SYSTEM

    build_database(path, residents)
    open_database(path)
    counter = iter(range(1, 100_000))

    def make(**overrides):
        n = next(counter)
        data = {"name": f"Peserta Bench {n}", "sex": "L", "klaster": "anak", "nik": f"32710115019{n:05d}",
                "birth_date": "15-01-1990", "entry_date": "2026-01-05"}
        data.update(overrides)
        return residents_service.create_resident(SYSTEM, data, confirm_warnings=True)

    course = build_course(make, names=[f"Peserta Bench {i}" for i in range(PARTICIPANTS)], units=6, code="MJH")
    from balai_app.db.models import BalaiProfile, Batch

    Batch.update(trainer=1).where(Batch.id == course.batch.id).execute()  # the bench admin teaches it
    BalaiProfile.update(head_name="Dra. Kepala Bench", head_nip="196805121990032001",
                        head_title="Kepala Balai").execute()  # a certificate names the head
    ids = {"batch": course.batch.id, "residents": [r.id for r in course.residents],
           "enrollments": [e.id for e in course.enrollments], "session": course.batch.sessions[0].id}
    close_database()
    return ids


def _close() -> None:
    from balai_app.db.connection import close_database
    from balai_app.db.models import database

    close_database()
    database.initialize(None)


def measure_round(location, ids: dict, admin, status: str) -> dict[str, list[float]]:
    """One sample of each repeatable figure on one engine (opened here, closed at the end)."""
    from balai_app.db.connection import open_database
    from balai_app.services import attendance, profile, residents, training
    from balai_app.services.context import SYSTEM
    from balai_app.services.residents import ResidentFilter

    figures: dict[str, list[float]] = {}
    started = time.perf_counter()
    open_database(location, create=False)
    profile.get_profile()
    residents.counts_by_klaster_and_status(SYSTEM)
    figures["start-up (open + Beranda reads)"] = [time.perf_counter() - started]

    keys = []
    for text in (word[:end] for word in TYPED for end in range(1, len(word) + 1) if word[:end].strip()):
        started = time.perf_counter()
        flt = ResidentFilter(text=text)
        rows = residents.list_residents(SYSTEM, flt, limit=FIRST_PAGE)
        if len(rows) == FIRST_PAGE:
            residents.count_matching(SYSTEM, flt)
        keys.append(time.perf_counter() - started)
    figures["search, per keystroke (page + count)"] = keys

    started = time.perf_counter()
    training.list_batches(SYSTEM)
    figures["batch list"] = [time.perf_counter() - started]

    started = time.perf_counter()
    attendance.save_attendance(admin, ids["session"], {e: status for e in ids["enrollments"]})
    figures[f"attendance save, {PARTICIPANTS} participants"] = [time.perf_counter() - started]
    _close()
    return figures


def measure_certificates(location, ids: dict, admin, pdf_runs: int) -> dict[str, list[float]]:
    """Issuing 100 certificates (once: numbers are used up) and writing them into one PDF."""
    from balai_app.db.connection import open_database
    from balai_app.services import certificates

    open_database(location, create=False)
    started = time.perf_counter()
    issued = certificates.issue(admin, ids["batch"], ids["residents"])
    figures = {f"issue {PARTICIPANTS} certificates (once)": [time.perf_counter() - started]}
    cert_ids = [c.id for c in issued.issued]
    pdfs = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(pdf_runs):
            started = time.perf_counter()
            certificates.write_pdf(admin, cert_ids, Path(folder) / f"c{i}.pdf", record=False)
            pdfs.append(time.perf_counter() - started)
    figures[f"{PARTICIPANTS} certificates into one PDF"] = pdfs
    _close()
    return figures


def measure(locations: dict, ids: dict, repeat: int, admin) -> dict[str, dict[str, list[float]]]:
    """Every figure on every engine, the engines interleaved round by round (a warm-up round
    first, thrown away), alternating which engine goes first."""
    names = list(locations)
    results: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    marks = iter(["A", "H"] * 1000)
    for round_no in range(repeat + 1):
        order = names if round_no % 2 == 0 else names[::-1]
        for name in order:
            got = measure_round(locations[name], ids, admin, next(marks))
            if round_no == 0:
                continue  # warm-up: caches, imports, the server's plan cache
            for figure, samples in got.items():
                results[name].setdefault(figure, []).extend(samples)
    pdf_runs = max(1, repeat // 2)
    for name in names:
        for figure, samples in measure_certificates(locations[name], ids, admin, pdf_runs).items():
            results[name][figure] = samples
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--server", metavar="URL", help="an EMPTY PostgreSQL database (default: a throw-away server)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="balai-bench-engines-"))
    folder.chmod(0o755)
    os.environ["BALAI_DATA_DIR"] = str(folder / "userdata")
    pgtemp = None
    server = args.server
    if not server:
        pgtemp = _pgtemp()
        pg_dir = folder / "pg"
        pg_dir.mkdir()
        pg_dir.chmod(0o755)
        pgtemp.start(pg_dir)
        os.environ["PGPASSFILE"] = str(pg_dir / "pgpass")
        from balai_app.db.server import load_driver, parse_url

        psycopg = load_driver()

        a = parse_url(pgtemp.url(pg_dir))
        with psycopg.connect(host=a.host, port=a.port, user=a.user, dbname="postgres", autocommit=True) as conn:
            conn.execute('CREATE DATABASE "balai_bench"')
        server = pgtemp.url(pg_dir).rpartition("/")[0] + "/balai_bench"
    try:
        from balai_app.db import transfer
        from balai_app.db.connection import close_database, connect_server, open_database
        from balai_app.services.context import Actor

        sqlite_path = folder / "bench.sqlite"
        print(f"building {args.residents:,} PMs and a course of {PARTICIPANTS} ...", flush=True)
        ids = build(sqlite_path, args.residents)
        started = time.perf_counter()
        source = open_database(sqlite_path)
        target = connect_server(server)
        transfer.copy_database(source, target)
        target.execute_sql("ANALYZE")
        target.close()
        close_database()
        print(f"  copied to the server in {time.perf_counter() - started:.1f} s")
        admin = Actor(1, "bench", "admin")
        results = measure({"SQLite": sqlite_path, "PostgreSQL": server}, ids, args.repeat, admin)
        print(f"\n{args.residents:,} PM; median (min-max) in ms, engines interleaved; {load()}")
        print(f"  {'':<42} {'SQLite':>22} {'PostgreSQL':>22} {'PG/SQLite':>10}")
        for figure in results["SQLite"]:
            cells = []
            for engine in ("SQLite", "PostgreSQL"):
                samples = results[engine][figure]
                cells.append(f"{statistics.median(samples) * 1000:8.1f} ({min(samples) * 1000:.0f}-"
                             f"{max(samples) * 1000:.0f})")
            ratio = statistics.median(results["PostgreSQL"][figure]) / statistics.median(results["SQLite"][figure])
            print(f"  {figure:<42} {cells[0]:>22} {cells[1]:>22} {ratio:>9.2f}x")
        worst = max(results["PostgreSQL"]["search, per keystroke (page + count)"]) * 1000
        print(f"  search on PostgreSQL: worst keystroke {worst:.1f} ms (goal <= 50 ms)")
    finally:
        _close()
        if pgtemp is not None:
            pgtemp.stop(folder / "pg", mode="fast")
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
