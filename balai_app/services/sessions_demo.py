"""The demo's training record: sessions, attendance and unit assessments for the demo batches.

Runs after the training step. Finished batches get a full record in which most
graduates are eligible for a certificate and some are not (attendance below the
minimum, a unit still Belum Kompeten); running batches get their sessions up to
yesterday and the first units assessed, so nobody there is eligible yet.
"""

from __future__ import annotations

import datetime as dt
import random

from balai_app.db.models import (
    Attendance,
    Batch,
    Enrollment,
    SessionUnit,
    TrainingSession,
    UnitAssessment,
    User,
    utcnow,
)
from balai_app.i18n import tr
from balai_app.services import audit
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.sessions import ENDED_EARLY, program_units

WEEKDAYS = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
TOPICS = ["Pengenalan dan praktik dasar", "Praktik terbimbing", "Latihan mandiri", "Evaluasi dan umpan balik"]
METHODS = ["praktik", "observasi", "praktik", "tertulis", "portofolio"]


def _schedule(text: str) -> tuple[list[int], str, str]:
    words = (text or "").replace(",", " ").split()
    days = [i for i, d in enumerate(WEEKDAYS) if d in words] or [0, 2, 4]
    start = end = ""
    for word in words:
        if "-" in word and ":" in word:
            start, _, end = word.partition("-")
    return days, start, end


def demo_sessions(actor: Actor, rng: random.Random, *, today: dt.date | None = None) -> str:
    require(actor, "demo.create")  # a demo step runs only inside create_demo
    today = today or dt.date.today()
    yesterday = today - dt.timedelta(days=1)
    batches = list(Batch.select().where(Batch.status.in_(["selesai", "berjalan"])).order_by(Batch.id))
    n_sessions = n_marks = n_verdicts = 0
    now = utcnow()
    for batch in batches:
        units = program_units(batch.program_id)
        days, start_time, end_time = _schedule(batch.schedule)
        trainer = User.get_or_none(User.id == batch.trainer_id) if batch.trainer_id else None
        assessor = trainer.full_name if trainer else tr("Instruktur")
        last_day = min(batch.end_date, yesterday)
        planned = [batch.start_date + dt.timedelta(days=k) for k in range((batch.end_date - batch.start_date).days + 1)]
        planned = [d for d in planned if d.weekday() in days]
        dates = [d for d in planned if d <= last_day]  # held so far
        if not dates:
            continue
        people = list(Enrollment.select().where(Enrollment.batch == batch.id))
        # each participant has his own habit: most come nearly always, a few often miss
        habit = {e.id: rng.choice([0.99, 0.98, 0.97, 0.95, 0.95, 0.93, 0.9, 0.88, 0.7]) for e in people}
        per_unit = max(1, len(planned) // max(1, len(units)))
        marks = []
        for index, day in enumerate(dates):
            unit = units[min(index // per_unit, len(units) - 1)] if units else None
            session = TrainingSession.create(
                batch=batch.id, date=day, start_time=start_time, end_time=end_time, trainer=batch.trainer_id,
                topic=f"{unit.title if unit else tr('Materi')} — {TOPICS[index % len(TOPICS)].lower()}",
            )
            n_sessions += 1
            if unit:
                SessionUnit.create(session=session.id, unit=unit.id)
            for e in people:
                last = e.status_date if e.status in ENDED_EARLY and e.status_date else (e.end_date or batch.end_date)
                if not (e.start_date <= day <= last):
                    continue
                roll = rng.random()
                if roll < habit[e.id]:
                    status, note = "H", ""
                else:
                    status, note = rng.choice([("I", tr("Urusan keluarga")), ("S", tr("Demam")), ("A", "")])
                marks.append({"session": session.id, "enrollment": e.id, "status": status, "note": note,
                              "updated_by": batch.trainer_id, "updated_at": now})
        for chunk in range(0, len(marks), 500):
            Attendance.insert_many(marks[chunk:chunk + 500]).execute()
        n_marks += len(marks)

        # unit assessments: everything for a finished batch, the units taught so far for a running one
        taught = len(units) if batch.status == "selesai" else min(len(units), len(dates) // per_unit)
        verdicts = []
        for e in people:
            if e.status in ENDED_EARLY:
                reach = rng.randint(0, max(0, taught - 1))
            else:
                reach = taught
            weak_unit = rng.randrange(len(units)) if units and rng.random() < 0.2 else None
            for position, unit in enumerate(units[:reach]):
                when = batch.start_date + dt.timedelta(days=min((position + 1) * per_unit * 7 // max(1, len(days)),
                                                               (last_day - batch.start_date).days))
                when = min(max(when, e.start_date), last_day)
                first = "BK" if (position == weak_unit or rng.random() < 0.1) else "K"
                verdicts.append({"enrollment": e.id, "unit": unit.id, "result": first, "date": when,
                                 "assessor": batch.trainer_id, "assessor_name": assessor,
                                 "method": METHODS[position % len(METHODS)], "score": rng.randint(55, 70)
                                 if first == "BK" else rng.randint(72, 95),
                                 "evidence": tr("Hasil praktik diperiksa instruktur"), "created_at": now})
                if first == "BK" and position != weak_unit:
                    # re-assessed a week later and now competent: history kept, the latest counts
                    verdicts.append({**verdicts[-1], "result": "K", "score": rng.randint(72, 88),
                                     "date": min(when + dt.timedelta(days=7), last_day),
                                     "evidence": tr("Penilaian ulang setelah latihan tambahan")})
        for chunk in range(0, len(verdicts), 500):
            UnitAssessment.insert_many(verdicts[chunk:chunk + 500]).execute()
        n_verdicts += len(verdicts)
    audit.record(actor, "create", "training_session", None,
                 tr("demo: {s} sesi, {m} presensi, {v} penilaian unit").format(s=n_sessions, m=n_marks, v=n_verdicts))
    return tr("{s} sesi, {m} catatan presensi dan {v} penilaian unit demo dibuat").format(
        s=n_sessions, m=n_marks, v=n_verdicts)
