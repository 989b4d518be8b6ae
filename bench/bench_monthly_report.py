#!/usr/bin/env python3
"""The monthly report on a 10-year database of 50,000 PMs (target: under 2 s).

    .venv/bin/python bench/bench_monthly_report.py [--residents 50000] [--years 10] [--repeat 5] [--keep DIR]

Builds (or reuses with ``--keep``) a database spanning ``--years`` years: ``--residents``
PMs spread over the period (most of them left again, some still active), ~3 ATENSI
services each, one in five enrolled in a batch (half of them lulus, with a certificate),
an outcome for most leavers, follow-up contacts for most planned ones, a few
social-rehabilitation certificates. Then times ``monthly_report`` (the one service
function the screen, XLSX and PDF read) for the last whole month and for a whole
year, and the XLSX and PDF exports of the month, each interleaved with a yardstick in
the same run (``--repeat`` times each; min / median / max, the ratio of medians, the
machine's load before and after, ``benchlib``):
- the report: the very SQL statements ``monthly_report`` sends (captured from peewee's
  log on a first run), replayed with plain ``sqlite3`` and fetched: what the figures
  cost without the ORM and the Python that shapes them (a lower bound);
- the exports: that SQL replayed, then the simplest openpyxl sheet (``ws.append`` per
  row) or the simplest reportlab table (``drawString`` per cell) of the same rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import clock, interleave, load, report  # noqa: E402

TARGET = 2.0


def build(db_path: Path, residents: int, years: int) -> float:
    from balai_app.db.connection import close_database, open_database
    from balai_app.db.models import (
        Batch,
        Certificate,
        Enrollment,
        FollowUp,
        Outcome,
        Partner,
        Program,
        RehabCertificate,
        Resident,
        ServiceRecord,
    )
    from balai_app.domain import codes
    from balai_app.services.followups import add_months

    started = time.perf_counter()
    db = open_database(db_path)
    rng = random.Random(7)
    today = dt.date.today()
    first = today.replace(year=today.year - years)
    span = (today - first).days
    klasters, kinds = list(codes.KLASTER), list(codes.SERVICE_KINDS)
    now = dt.datetime.now()
    with db.atomic():
        partner_ids = [Partner.create(name=f"Mitra {i}", kind="perusahaan").id for i in range(20)]
        program = Program.create(code="CC", name="Contact center")
        batches = []
        for index in range(years * 12):
            start = first + dt.timedelta(days=index * span // (years * 12))
            batches.append(Batch.create(program=program, name=f"Angkatan {index + 1}", start_date=start,
                                        end_date=start + dt.timedelta(days=90), status="selesai"))
        rows = []
        for n in range(residents):
            entry = first + dt.timedelta(days=rng.randrange(span))
            stay = rng.randint(60, 540)
            exit_date = entry + dt.timedelta(days=stay)
            left = exit_date < today and rng.random() < 0.9
            rows.append({
                "nik": None, "nik_missing_reason": "bench", "no_kk": "", "name": f"PM {n}", "sex": rng.choice("LP"),
                "birth_place": "", "klaster": rng.choice(klasters), "disabilities": "", "religion": "",
                "education": "", "address": "", "guardian_name": "", "guardian_relation": "", "guardian_phone": "",
                "entry_date": entry, "referral_source": "",
                "status": rng.choice(codes.AFTERCARE_STATUSES) if left else "aktif",
                "exit_date": exit_date if left else None, "exit_reason": "", "notes": "", "search_text": f"pm {n}",
                "created_at": now, "updated_at": now, "version": 1,
            })
        for chunk in range(0, len(rows), 5000):
            Resident.insert_many(rows[chunk:chunk + 5000]).execute()
        people = list(Resident.select(Resident.id, Resident.entry_date, Resident.exit_date).tuples())
        services, enrollments, outcomes, contacts, certificates, rehab = [], [], [], [], [], []
        for resident_id, entry, exit_date in people:
            end = min(exit_date or today, today)
            for _ in range(3):
                day = entry + dt.timedelta(days=rng.randrange(max(1, (end - entry).days)))
                kind = rng.choice(kinds)
                services.append({"resident": resident_id, "date": day, "kind": kind,
                                 "subkind": "psikososial" if kind == "terapi" else "", "description": "x",
                                 "staff": "", "created_at": now, "updated_at": now, "version": 1})
            if rng.random() < 0.2:
                batch = min(batches, key=lambda b: abs((b.start_date - entry).days))
                graduated = rng.random() < 0.5
                enrollments.append({"batch": batch.id, "resident": resident_id, "start_date": batch.start_date,
                                    "end_date": batch.end_date, "status": "lulus" if graduated else "aktif",
                                    "status_date": batch.end_date if graduated else None, "status_reason": "",
                                    "created_at": now, "updated_at": now, "version": 1})
                if graduated:
                    issued = dt.datetime.combine(batch.end_date, dt.time(3))
                    certificates.append({"number": f"C{resident_id}", "year": issued.year, "sequence": resident_id,
                                         "resident": resident_id, "program": program.id, "batch": batch.id,
                                         "snapshot": "{}", "verification_code": "x", "status": "berlaku",
                                         "override_reason": "", "issued_at": issued, "revoke_reason": ""})
            if exit_date and exit_date < today:
                if rng.random() < 0.8:
                    day = min(today, exit_date + dt.timedelta(days=rng.randint(7, 60)))
                    kind = rng.choice(list(codes.OUTCOME_KINDS))
                    outcomes.append({"resident": resident_id, "date": day, "kind": kind,
                                     "partner": rng.choice(partner_ids) if kind in ("bekerja", "magang") else None,
                                     "employer": "", "position": "", "wage_band": "", "business_kind": "",
                                     "support_received": kind == "wirausaha", "support_programme": "", "note": "",
                                     "created_at": now})
                for months in (3, 6, 12):
                    due = add_months(exit_date, months)
                    if due < today and rng.random() < 0.8:
                        contacts.append({"resident": resident_id, "plan_months": months, "due_date": due,
                                         "status": "selesai", "contact_date": due, "how": "telepon",
                                         "finding": "baik", "staff": "", "created_at": now})
                if rng.random() < 0.05:
                    issued = dt.datetime.combine(exit_date, dt.time(3))
                    rehab.append({"number": f"R{resident_id}", "year": issued.year, "sequence": resident_id,
                                  "resident": resident_id, "snapshot": "{}", "verification_code": "x",
                                  "status": "berlaku", "issued_at": issued, "revoke_reason": ""})
        for model, data in ((ServiceRecord, services), (Enrollment, enrollments), (Outcome, outcomes),
                            (FollowUp, contacts), (Certificate, certificates), (RehabCertificate, rehab)):
            for chunk in range(0, len(data), 2000):
                model.insert_many(data[chunk:chunk + 2000]).execute()
    db.execute_sql("ANALYZE")
    close_database()
    return time.perf_counter() - started


def captured_sql(func) -> list[tuple[str, tuple]]:
    """The (sql, params) peewee sends while ``func`` runs."""
    import logging

    statements: list[tuple[str, tuple]] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, tuple) and len(record.msg) == 2:
                sql, params = record.msg
                statements.append((sql, tuple(params or ())))

    logger = logging.getLogger("peewee")
    handler, level = Capture(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        func()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return statements


def replay(db_path: Path, statements: list[tuple[str, tuple]]):
    """Plain sqlite3: the same statements, every row fetched."""
    import sqlite3

    connection = sqlite3.connect(db_path)

    def run() -> None:
        for sql, params in statements:
            connection.execute(sql, [p.isoformat(" ") if isinstance(p, dt.datetime) else
                                     p.isoformat() if isinstance(p, dt.date) else p for p in params]).fetchall()
    return run


def plain_xlsx(rows: list[list], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def plain_pdf(rows: list[list], path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    y = 560
    for row in rows:
        if y < 40:
            c.showPage()
            y = 560
        c.drawString(30, y, str(row[0])[:60])
        for k, cell in enumerate(row[1:]):
            c.drawRightString(330 + 28 * k, y, str(cell))
        y -= 14
    c.showPage()
    c.save()


def main() -> int:
    import shutil

    from balai_app.db.connection import close_database

    try:
        return run()
    finally:
        close_database()
        if not KEEP:
            shutil.rmtree(FOLDER, ignore_errors=True)  # a temporary folder: nothing left behind


KEEP = False
FOLDER = Path()


def run() -> int:
    global KEEP, FOLDER
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the database (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="balai-bench-"))
    KEEP, FOLDER = bool(args.keep), folder
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["BALAI_DATA_DIR"] = str(folder / "userdata")
    db_path = folder / f"bench-monthly-{args.residents}-{args.years}y.sqlite"
    if not db_path.exists():
        print(f"building {args.residents:,} residents over {args.years} years in {db_path} ...", flush=True)
        print(f"  built in {build(db_path, args.residents, args.years):.1f} s")
    else:
        print(f"reusing {db_path}")

    from balai_app.db.connection import open_database
    from balai_app.db.models import FollowUp, Outcome, Resident, ServiceRecord
    from balai_app.services import monthly_report as mr
    from balai_app.services.context import SYSTEM

    open_database(db_path)
    print(f"rows: {Resident.select().count():,} PM, {ServiceRecord.select().count():,} services, "
          f"{Outcome.select().count():,} outcomes, {FollowUp.select().count():,} follow-ups")
    print(load())
    today = dt.date.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    month = mr.month_period(last.year, last.month)
    year = (dt.date(last.year, 1, 1), dt.date(last.year, 12, 31))
    shown = mr.monthly_report(SYSTEM, *month)
    rows = mr.header_rows() + [cells for _kind, cells in mr.table_rows(shown)]
    print(f"\n{args.repeat} interleaved runs each:")
    sql_month = replay(db_path, captured_sql(lambda: mr.monthly_report(SYSTEM, *month)))
    medians = []
    for label, func, yard_label, yard in (
        (f"monthly_report {last:%Y-%m}", lambda: mr.monthly_report(SYSTEM, *month),
         "its SQL in plain sqlite3", sql_month),
        (f"monthly_report year {last.year}", lambda: mr.monthly_report(SYSTEM, *year),
         "its SQL in plain sqlite3", replay(db_path, captured_sql(lambda: mr.monthly_report(SYSTEM, *year)))),
        ("report + XLSX", lambda: mr.export_monthly(SYSTEM, mr.monthly_report(SYSTEM, *month), folder / "m.xlsx"),
         "its SQL + a plain openpyxl sheet of the rows", lambda: (sql_month(), plain_xlsx(rows, folder / "p.xlsx"))),
        ("report + PDF", lambda: mr.export_monthly(SYSTEM, mr.monthly_report(SYSTEM, *month), folder / "m.pdf"),
         "its SQL + a plain reportlab table of the rows", lambda: (sql_month(), plain_pdf(rows, folder / "p.pdf"))),
    ):
        rounds = interleave({"f": clock(func), "y": clock(yard)}, args.repeat)
        report(label, rounds["f"], yard_label, rounds["y"], goal=f"< {TARGET:.0f} s")
        medians.append(statistics.median(rounds["f"]))
    print(load())
    verdict = "OK" if max(medians) < TARGET else "TARGET MISSED"
    print(f"{verdict}: slowest median {max(medians) * 1000:.0f} ms (target < {TARGET:.0f} s)")
    return 0 if max(medians) < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
