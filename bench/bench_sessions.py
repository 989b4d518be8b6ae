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

Each figure is interleaved with a yardstick in the same run: the same 40 marks
written with plain ``sqlite3`` in one transaction (synchronous=FULL); the same
attendance and verdict rows read with plain ``sqlite3``; a bare ``QTableView``
with a ``QStandardItemModel`` of the matrix's size. Printed: min / median / max,
the ratio of medians, the machine's load.
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

from benchlib import clock, interleave, load  # noqa: E402
from benchlib import report as print_report  # noqa: E402


def setup(folder: Path, participants: int, units: int, n_sessions: int):
    from balai_app.db.connection import open_database, write_transaction
    from balai_app.db.models import (
        Attendance,
        Batch,
        CompetencyUnit,
        Enrollment,
        Program,
        Resident,
        TrainingSession,
        UnitAssessment,
        User,
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
        batch = Batch.create(program=program, name="Angkatan Bench", trainer=trainer.id, start_date=start,
                             end_date=today + dt.timedelta(days=30), status="berjalan")
        enrollments = []
        for i in range(participants):
            resident = Resident.create(name=f"Peserta {i:02d}", sex="L", klaster="anak", entry_date=start,
                                       nik=None, nik_missing_reason="bench", search_text=f"peserta {i:02d}")
            late = start + dt.timedelta(days=rng.choice([0, 0, 0, 10, 30]))
            enrollments.append(Enrollment.create(batch=batch, resident=resident.id, start_date=late))
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


def report(label: str, samples: list[float], target: float, yardstick: str = "",
           yard: list[float] | None = None) -> bool:
    """Samples in seconds."""
    print_report(label, samples, yardstick, yard, goal=f"< {target:.0f} ms")
    return statistics.median(samples) * 1000 < target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--units", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from balai_app.services import progress, sessions
    from balai_app.services import attendance

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["BALAI_DATA_DIR"] = str(folder / "data")
        t0 = time.perf_counter()
        actor, batch_id, enrollment_ids = setup(folder, args.participants, args.units, args.sessions)
        print(f"setup: {args.participants} participants, {args.units} units, {args.sessions} sessions "
              f"in {time.perf_counter() - t0:.1f} s")
        ok = True

        import sqlite3

        print(load())
        plain = sqlite3.connect(folder / "bench.sqlite", isolation_level=None)
        plain.execute("PRAGMA synchronous=FULL")
        plain.execute("PRAGMA busy_timeout=15000")
        # saving a whole session's attendance: a fresh session each time (first entry), then changes
        today = dt.date.today()
        fresh = [sessions.create_session(actor, batch_id, {"date": today, "topic": f"Bench {i}",
                                                            "start_time": f"{7 + i // 60:02d}:{i % 60:02d}"}).id
                 for i in range(2 * args.repeat + 2)]
        rng = random.Random(1)
        ours, theirs = iter(fresh[::2]), iter(fresh[1::2])

        def plain_marks(session_id, choices):
            now = dt.datetime.now().isoformat(" ")
            plain.execute("BEGIN IMMEDIATE")
            plain.executemany("INSERT OR REPLACE INTO attendance (session_id, enrollment_id, status, note, updated_at)"
                              " VALUES (?, ?, ?, '', ?)", [(session_id, e, rng.choice(choices), now)
                                                           for e in enrollment_ids])
            plain.execute("COMMIT")

        mine = list(fresh[::2])
        yours = list(fresh[1::2])
        rounds = interleave({
            "f": clock(lambda: attendance.save_attendance(actor, next(ours), {e: rng.choice("HHHHIS")
                                                                            for e in enrollment_ids})),
            "y": clock(lambda: plain_marks(next(theirs), "HHHHIS")),
        }, args.repeat)
        ok &= report(f"save attendance, {len(enrollment_ids)} participants (new marks)", rounds["f"], 50,
                     "plain sqlite3, 40 rows, one transaction", rounds["y"])
        ours, theirs = iter(mine), iter(yours)
        rounds = interleave({
            "f": clock(lambda: attendance.save_attendance(actor, next(ours), {e: rng.choice("HA")
                                                                            for e in enrollment_ids})),
            "y": clock(lambda: plain_marks(next(theirs), "HA")),
        }, args.repeat)
        ok &= report(f"save attendance, {len(enrollment_ids)} participants (changes, audited)", rounds["f"], 50,
                     "plain sqlite3, 40 rows, one transaction", rounds["y"])

        def plain_matrix():
            plain.execute("SELECT a.session_id, a.enrollment_id, a.status FROM attendance a "
                          "JOIN training_session s ON s.id = a.session_id WHERE s.batch_id = ?", (batch_id,)).fetchall()
            plain.execute("SELECT u.enrollment_id, u.unit_id, u.result, u.date FROM unit_assessment u "
                          "JOIN enrollment e ON e.id = u.enrollment_id WHERE e.batch_id = ?", (batch_id,)).fetchall()

        rounds = interleave({"f": clock(lambda: progress.batch_matrix(actor, batch_id)), "y": clock(plain_matrix)},
                            args.repeat)
        ok &= report(f"progress matrix service {args.participants}x{args.units}x{len(fresh) + args.sessions}",
                     rounds["f"], 300, "plain sqlite3, the same rows read", rounds["y"])

        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QApplication, QTableView

        from balai_app.gui.sessions.progress_matrix import ProgressMatrixView

        app = QApplication.instance() or QApplication([])
        view = ProgressMatrixView(actor)
        view.resize(1280, 720)
        view.show()
        bare = QTableView()
        bare.resize(1280, 720)
        bare.show()

        def open_matrix():
            view.load(batch_id)
            app.processEvents()

        def bare_matrix():
            model = QStandardItemModel()
            for _row in range(args.participants):
                model.appendRow([QStandardItem("K") for _ in range(args.units + 4)])
            bare.setModel(model)
            bare.resizeColumnsToContents()
            app.processEvents()

        rounds = interleave({"f": clock(open_matrix), "y": clock(bare_matrix)}, args.repeat)
        ok &= report("progress matrix widget (load + layout + paint)", rounds["f"], 300,
                     "bare QTableView of the same size", rounds["y"])
        rows = view.model.rowCount()
        print(f"matrix: {rows} rows, {view.model.columnCount()} columns, "
              f"{sum(1 for r in view.model.matrix.rows if r.eligible)} eligible")
        view.close()
        plain.close()
        print(load())
        from balai_app.db.connection import close_database

        close_database()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
