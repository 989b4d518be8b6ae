#!/usr/bin/env python3
"""Training: open a batch of 40 participants; the batch list of a 10-year database (~400 batches).

    .venv/bin/python bench/bench_training.py [--years 10] [--repeat 5] [--keep DIR]

Builds a database with 4 programs x 10 batches a year over ``--years`` years
(250 residents a year, each with a distinct NIK however many years),
~15 participants each (one batch with 40), then times, interleaved with a
yardstick in the same run (``--repeat`` times each; min / median / max, the
ratio of medians, the machine's load):
- the services: ``list_batches`` (all, one year, one program), ``batch_row`` +
  ``batch_participants`` of the 40-participant batch, against the same rows
  read with one plain ``sqlite3`` query; the participant PDF and XLSX, against
  the simplest reportlab table / openpyxl sheet of the same 40 rows;
- the screen (offscreen Qt): ``BatchesTab.refresh`` (filters + list) and
  ``BatchDetail.show_batch`` of the 40-participant batch, against a bare
  ``QTableView`` filled with the same rows through a ``QStandardItemModel``.
Target: every screen step well under 0.2 s on an old office PC.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchlib import clock, interleave, load, report  # noqa: E402


def build(path: Path, years: int) -> tuple[int, int]:
    """Returns (id of the 40-participant batch, number of batches)."""
    from balai_app.db.connection import open_database, write_transaction
    from balai_app.db.models import BalaiProfile, Batch, Enrollment, Resident, User
    from balai_app.services import curriculum
    from balai_app.services.context import SYSTEM
    from balai_app.services.residents import search_key

    open_database(path)
    rng = random.Random(7)
    today = dt.date.today()
    first_year = today.year - years + 1
    with write_transaction():
        BalaiProfile.create(id=1, name="Balai Rehabilitasi Sosial Bench", code="BRS-B", city="Bogor")
        trainers = [User.create(username=f"instr{i}", full_name=f"Instruktur {i}", role="instruktur",
                                password_hash="x").id for i in range(6)]
        programs = curriculum.create_sample_programs(SYSTEM)
        people = []
        for n in range(years * 250):
            name = f"Penerima Manfaat {n:05d}"
            # 9,000 serials per birth date, then the next date: unique for any --years.
            birth = dt.date(1990, 1, 15) + dt.timedelta(days=n // 9000)
            nik = f"320101{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}{n % 9000 + 1:04d}"
            people.append(dict(name=name, sex=rng.choice("LP"), klaster="anak", nik=nik,
                               entry_date=dt.date(first_year, 1, 1), status="aktif",
                               search_text=search_key(name, nik, "")))
        for chunk in range(0, len(people), 500):
            Resident.insert_many(people[chunk:chunk + 500]).execute()
        resident_ids = [r.id for r in Resident.select(Resident.id)]
        batches = []
        for year in range(first_year, today.year + 1):
            for program in programs:
                for k in range(10):
                    start = dt.date(year, 1, 6) + dt.timedelta(days=34 * k)
                    end = start + dt.timedelta(weeks=12)
                    status = "selesai" if end < today else ("berjalan" if start <= today else "direncanakan")
                    batches.append(dict(program=program.id, name=f"Angkatan {k + 1} {year}", start_date=start,
                                        end_date=end, trainer=rng.choice(trainers), capacity=20, status=status,
                                        schedule="Sen, Rab, Jum 08:00-12:00", room="Ruang 1"))
        for chunk in range(0, len(batches), 200):
            Batch.insert_many(batches[chunk:chunk + 200]).execute()
        rows = []
        all_batches = list(Batch.select(Batch.id, Batch.start_date, Batch.end_date, Batch.status))
        big = all_batches[-1]
        for batch in all_batches:
            size = 40 if batch.id == big.id else rng.randint(10, 18)
            for rid in rng.sample(resident_ids, size):
                closed = batch.status == "selesai"
                rows.append(dict(batch=batch.id, resident=rid, start_date=batch.start_date,
                                 end_date=batch.end_date if closed else None,
                                 status="lulus" if closed else "aktif",
                                 status_date=batch.end_date if closed else None))
        Batch.update(capacity=40).where(Batch.id == big.id).execute()
        for chunk in range(0, len(rows), 500):
            Enrollment.insert_many(rows[chunk:chunk + 500]).execute()
    return big.id, len(all_batches)


BATCH_LIST_SQL = """
SELECT b.id, b.name, p.code, p.name, b.start_date, b.end_date, b.status, u.full_name, b.capacity,
       (SELECT count(*) FROM enrollment e WHERE e.batch_id = b.id AND e.status = 'aktif')
FROM batch b JOIN program p ON p.id = b.program_id LEFT JOIN user u ON u.id = b.trainer_id
{where} ORDER BY b.start_date DESC, b.id DESC"""

PARTICIPANTS_SQL = """
SELECT r.id, r.name, r.nik, r.sex, e.status, e.start_date, e.end_date
FROM enrollment e JOIN resident r ON r.id = e.resident_id WHERE e.batch_id = ? ORDER BY r.name"""


def plain_pdf(rows, path: Path) -> None:
    """The simplest reportlab script a reviewer would write for the same list."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    SimpleDocTemplate(str(path), pagesize=A4).build([Table([["No.", "Nama", "NIK", "L/P", "Status"]]
                                                          + [list(map(str, r[:5])) for r in rows])])


def plain_xlsx(rows, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["No.", "Nama", "NIK", "L/P", "Status"])
    for r in rows:
        sheet.append(list(r[:5]))
    book.save(path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the database and documents in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-training-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("BALAI_DATA_DIR", str(folder / "userdata"))
    db_path = folder / "training.sqlite"
    if db_path.exists():
        db_path.unlink()
    t0 = time.perf_counter()
    big, count = build(db_path, args.years)
    print(f"database: {count} batches over {args.years} years, built in {time.perf_counter() - t0:.1f} s ({db_path})")

    from balai_app.db.models import Enrollment
    from balai_app.services import enrollment, exports, training
    from balai_app.services.context import SYSTEM

    print(f"enrollments: {Enrollment.select().count()}")
    year = dt.date.today().year - 3
    plain = sqlite3.connect(str(db_path))
    year_where = f"WHERE b.start_date >= '{year}-01-01' AND b.start_date < '{year + 1}-01-01'"
    pairs = [
        ("list_batches (all)", lambda: training.list_batches(SYSTEM),
         "plain sqlite3, same rows", lambda: plain.execute(BATCH_LIST_SQL.format(where="")).fetchall()),
        (f"list_batches (year {year})", lambda: training.list_batches(SYSTEM, year=year),
         "plain sqlite3, same rows", lambda: plain.execute(BATCH_LIST_SQL.format(where=year_where)).fetchall()),
        ("list_batches (one program)", lambda: training.list_batches(SYSTEM, program_id=1),
         "plain sqlite3, same rows",
         lambda: plain.execute(BATCH_LIST_SQL.format(where="WHERE b.program_id = 1")).fetchall()),
        ("batch_row + batch_participants (40)",
         lambda: (training.batch_row(SYSTEM, big), enrollment.batch_participants(SYSTEM, big)),
         "plain sqlite3, same rows", lambda: plain.execute(PARTICIPANTS_SQL, (big,)).fetchall()),
    ]
    participant_rows = plain.execute(PARTICIPANTS_SQL, (big,)).fetchall()
    pairs += [
        ("participant PDF (40)", lambda: exports.participants_pdf(SYSTEM, big, folder / "peserta.pdf"),
         "plain reportlab Table of the same rows", lambda: plain_pdf(participant_rows, folder / "plain.pdf")),
        ("participant XLSX (40)", lambda: exports.participants_xlsx(SYSTEM, big, folder / "peserta.xlsx"),
         "plain openpyxl sheet of the same rows", lambda: plain_xlsx(participant_rows, folder / "plain.xlsx")),
    ]
    assert len(training.list_batches(SYSTEM)) == count
    assert len(enrollment.batch_participants(SYSTEM, big)) == 40

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from balai_app.gui.app import make_application
    from balai_app.gui.training.training_page import TrainingPage

    app = make_application()
    page = TrainingPage(SYSTEM)
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    bare = QTableView()
    bare.resize(1280, 760)
    bare.show()

    def bare_table(sql, params=()):
        def fill():
            model = QStandardItemModel()
            for row in plain.execute(sql, params).fetchall():
                model.appendRow([QStandardItem(str(v)) for v in row])
            bare.setModel(model)
            app.processEvents()
        return fill

    def list_screen():
        page.batches.refresh()
        app.processEvents()

    def open_batch():
        page.batches.detail.show_batch(big)
        app.processEvents()

    def open_other():
        page.batches.detail.show_batch(1)
        app.processEvents()

    def open_batch_fresh():
        open_other()  # alternate batches so every open really reloads
        started = time.perf_counter()
        open_batch()
        return time.perf_counter() - started

    pairs += [
        ("screen: batch list refresh (all)", list_screen,
         "bare QTableView + QStandardItemModel, same rows", bare_table(BATCH_LIST_SQL.format(where=""))),
    ]
    print(f"\n{args.repeat} interleaved runs each:")
    for label, func, yard_label, yard in pairs:
        rounds = interleave({"f": clock(func), "y": clock(yard)}, args.repeat)
        report(label, rounds["f"], yard_label, rounds["y"])
    rounds = interleave({"f": open_batch_fresh, "y": clock(bare_table(PARTICIPANTS_SQL, (big,)))}, args.repeat)
    report("screen: open the batch of 40", rounds["f"], "bare QTableView + QStandardItemModel, same rows",
           rounds["y"], goal="well under 200 ms")
    assert page.batches.detail.model.rowCount() == 40
    page.close()
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
