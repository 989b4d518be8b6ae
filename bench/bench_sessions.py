#!/usr/bin/env python3
"""Attendance saving and the progress matrix at a realistic upper size.

    .venv/bin/python bench/bench_sessions.py [--participants 40] [--units 15] [--sessions 60] [--repeat 15]

Targets (issue 4):
- saving the attendance of one session for 40 participants (one transaction,
  audit row included; WAL with synchronous=FULL as in the field): under 50 ms;
- opening the progress matrix of 40 participants × 15 units × 60 sessions
  (every session marked, every unit assessed, a third re-assessed): under 300 ms,
  measured as the service (``progress.batch_matrix``) and as the real widget
  (``ProgressMatrixView.load`` with its table laid out, offscreen).
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


def setup(folder: Path, participants: int, units: int, n_sessions: int):
    from balai_app.db.connection import open_database, write_transaction
    from balai_app.db.models import (
        Attendance, Batch, CompetencyUnit, Enrollment, Program, Resident, TrainingSession, UnitAssessment, User,
    )
    from balai_app.services.context import Actor

    open_database(folder / "bench.sqlite")
    rng = random.Random(4)
    today = dt.date.today()
    start = today - dt.timedelta(days=2 * n_sessions + 10)
    with write_transaction():
        trainer = User.create(username="instruktur", full_name="Instruktur Bench", role="instruktur",
                              password_hash="x", must_change_password=False)
        program = Program.create(code="BENCH", name="Program Bench", min_attendance=80)
        unit_rows = [CompetencyUnit.create(program=program, position=i + 1, code=f"B.{i + 1:02d}",
                                           title=f"Unit kompetensi {i + 1}") for i in range(units)]
        batch = Batch.create(program=program, name="Angkatan Bench", trainer=trainer, start_date=start,
                             end_date=today + dt.timedelta(days=30), status="berjalan")
        enrollments = []
        for i in range(participants):
            resident = Resident.create(name=f"Peserta {i:02d}", sex="L", klaster="anak", entry_date=start,
                                       nik=None, nik_missing_reason="bench", search_text=f"peserta {i:02d}")
            late = start + dt.timedelta(days=rng.choice([0, 0, 0, 10, 30]))
            enrollments.append(Enrollment.create(batch=batch, resident=resident, start_date=late))
        marks, verdicts = [], []
        for k in range(n_sessions):
            day = start + dt.timedelta(days=2 * k + 1)
            s = TrainingSession.create(batch=batch, date=day, topic=f"Sesi {k + 1}", start_time="08:00")
            for e in enrollments:
                if e.start_date <= day:
                    marks.append({"session": s.id, "enrollment": e.id, "status": rng.choice("HHHHHHHHHHHHHISA"),
                                  "note": "", "updated_at": dt.datetime.now()})
        for e in enrollments:
            for u in unit_rows:
                verdicts.append({"enrollment": e.id, "unit": u.id, "result": "BK" if rng.random() < 0.33 else "K",
                                 "date": today - dt.timedelta(days=20), "assessor_name": "Bench",
                                 "created_at": dt.datetime.now()})
                if verdicts[-1]["result"] == "BK":
                    verdicts.append({**verdicts[-1], "result": "K", "date": today - dt.timedelta(days=5)})
        for chunk in range(0, len(marks), 500):
            Attendance.insert_many(marks[chunk:chunk + 500]).execute()
        for chunk in range(0, len(verdicts), 500):
            UnitAssessment.insert_many(verdicts[chunk:chunk + 500]).execute()
    return Actor(trainer.id, trainer.username, trainer.role), batch.id, [e.id for e in enrollments]


def timed(func, repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        t0 = time.perf_counter()
        func(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(label: str, samples: list[float], target: float) -> bool:
    median = statistics.median(samples)
    ok = median < target
    print(f"{label:<58} median {median:7.1f} ms  min {min(samples):7.1f}  max {max(samples):7.1f}  "
          f"target < {target:.0f} ms  {'OK' if ok else 'TOO SLOW'}")
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--units", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from balai_app.services import progress, sessions

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["BALAI_DATA_DIR"] = str(folder / "data")
        t0 = time.perf_counter()
        actor, batch_id, enrollment_ids = setup(folder, args.participants, args.units, args.sessions)
        print(f"setup: {args.participants} participants, {args.units} units, {args.sessions} sessions "
              f"in {time.perf_counter() - t0:.1f} s")
        ok = True

        # saving a whole session's attendance: a fresh session each time (first entry), then changes
        today = dt.date.today()
        fresh = [sessions.create_session(actor, batch_id, {"date": today, "topic": f"Bench {i}",
                                                            "start_time": f"{7 + i // 60:02d}:{i % 60:02d}"}).id
                 for i in range(args.repeat)]
        rng = random.Random(1)
        first = timed(lambda i: sessions.save_attendance(
            actor, fresh[i], {e: rng.choice("HHHHIS") for e in enrollment_ids}), args.repeat)
        ok &= report(f"save attendance, {len(enrollment_ids)} participants (new marks)", first, 50)
        again = timed(lambda i: sessions.save_attendance(
            actor, fresh[i], {e: rng.choice("HA") for e in enrollment_ids}), args.repeat)
        ok &= report(f"save attendance, {len(enrollment_ids)} participants (changes, audited)", again, 50)

        service = timed(lambda i: progress.batch_matrix(actor, batch_id), args.repeat)
        ok &= report(f"progress matrix service {args.participants}x{args.units}x{args.sessions + args.repeat}",
                     service, 300)

        from PySide6.QtWidgets import QApplication

        from balai_app.gui.sessions.progress_matrix import ProgressMatrixView

        app = QApplication.instance() or QApplication([])
        view = ProgressMatrixView(actor)
        view.resize(1280, 720)
        view.show()

        def open_matrix(_i):
            view.load(batch_id)
            app.processEvents()

        widget = timed(open_matrix, args.repeat)
        ok &= report("progress matrix widget (load + layout + paint)", widget, 300)
        rows = view.model.rowCount()
        print(f"matrix: {rows} rows, {view.model.columnCount()} columns, "
              f"{sum(1 for r in view.model.matrix.rows if r.eligible)} eligible")
        view.close()
        from balai_app.db.connection import close_database

        close_database()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
