#!/usr/bin/env python3
"""Training: open a batch of 40 participants; the batch list of a 10-year database (~400 batches).

    .venv/bin/python bench/bench_training.py [--years 10] [--repeat 5] [--keep DIR]

Builds a database with 4 programs x 10 batches a year over ``--years`` years,
~15 participants each (one batch with 40), then times, median of ``--repeat``:
- the services: ``list_batches`` (all, one year, one program), ``batch_row`` +
  ``batch_participants`` of the 40-participant batch, the participant PDF and XLSX;
- the screen (offscreen Qt): ``BatchesTab.refresh`` (filters + list) and
  ``BatchDetail.show_batch`` of the 40-participant batch.
Target: every screen step well under 0.2 s on an old office PC.
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build(path: Path, years: int) -> tuple[int, int]:
    """Returns (id of the 40-participant batch, number of batches)."""
    from balai_app.db.connection import open_database, write_transaction
    from balai_app.db.models import Batch, BalaiProfile, Enrollment, Resident, User
    from balai_app.services import training
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
        programs = training.create_sample_programs(SYSTEM)
        people = []
        for n in range(years * 250):
            name = f"Penerima Manfaat {n:05d}"
            nik = f"3201011501{90:02d}{n + 1:04d}"[:16]
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


def timed(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    from balai_app.documents import participants
    from balai_app.services import training
    from balai_app.services.context import SYSTEM

    print(f"enrollments: {Enrollment.select().count()}")
    year = dt.date.today().year - 3
    results = [
        ("list_batches (all)", lambda: training.list_batches(SYSTEM)),
        (f"list_batches (year {year})", lambda: training.list_batches(SYSTEM, year=year)),
        ("list_batches (one program)", lambda: training.list_batches(SYSTEM, program_id=1)),
        ("batch_row + batch_participants (40)",
         lambda: (training.batch_row(SYSTEM, big), training.batch_participants(SYSTEM, big))),
        ("participant PDF (40)", lambda: participants.export_pdf(SYSTEM, big, folder / "peserta.pdf")),
        ("participant XLSX (40)", lambda: participants.export_xlsx(SYSTEM, big, folder / "peserta.xlsx")),
    ]
    assert len(training.list_batches(SYSTEM)) == count
    assert len(training.batch_participants(SYSTEM, big)) == 40

    from balai_app.gui.app import make_application
    from balai_app.gui.training.training_page import TrainingPage

    app = make_application()
    page = TrainingPage(SYSTEM)
    page.resize(1280, 760)
    page.show()
    app.processEvents()

    def list_screen():
        page.batches.refresh()
        app.processEvents()

    def open_batch():
        page.batches.detail.show_batch(big)
        app.processEvents()

    def open_other():
        page.batches.detail.show_batch(1)
        app.processEvents()

    results += [("screen: batch list refresh (all)", list_screen)]
    for label, func in results:
        print(f"{label:42s} {timed(func, args.repeat) * 1000:8.1f} ms")

    # Alternate batches so every open really reloads.
    times = []
    for _ in range(args.repeat):
        open_other()
        start = time.perf_counter()
        open_batch()
        times.append(time.perf_counter() - start)
    print(f"{'screen: open the batch of 40':42s} {statistics.median(times) * 1000:8.1f} ms")
    assert page.batches.detail.model.rowCount() == 40
    page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
