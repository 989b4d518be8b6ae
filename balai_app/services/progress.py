"""Progress of training participants: attendance rate, unit verdicts, certificate eligibility.

The rules (the certificates area relies on them, through ``batch_progress`` and
``enrollment_progress``):

- a session counts for a participant when it was held inside the participant's
  own enrollment period (``services.sessions.period_end``): sessions before he
  enrolled or after he left never count against him. *Held*: its day has
  passed, or (today's session) its first mark was saved; a future session
  never counts;
- attendance rate = Hadir ÷ sessions counted (None when none counted); Izin and
  Sakit are reported apart and are not Hadir; a counted session without a mark
  is not Hadir either;
- a unit's verdict is the latest assessment (by date, then by when recorded);
- eligible = the enrollment was not ended early (withdrawn/removed), the program
  has active units, every active unit's latest verdict is K, and the rate is at
  least ``Program.min_attendance`` %.

Everything for a batch comes from a handful of aggregate queries, never one
query per participant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from balai_app.db.models import Batch, Enrollment, Program, User, database
from balai_app.domain import codes
from balai_app.domain.errors import NotFound
from balai_app.domain.progress import (  # noqa: F401 (the types this service hands out)
    AttendanceMonth,
    BatchProgress,
    MonthColumn,
    MonthRow,
    ParticipantProgress,
    UnitInfo,
    percent,
)
from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.services.permissions import limit_to_own_batches, require
from balai_app.services.records import UnitRecord
from balai_app.services.sessions import ENDED_EARLY, PERIOD_END_SQL, load_batch_for, program_units


# A session is *held* once its day has passed, or from the moment its first mark is saved (so today's
# session counts as soon as the trainer records it, not while it is still being taught). One parameter: today.
HELD_SQL = "(s.date < ? OR EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = s.id))"


def _some(names: list[str], shown: int = 3) -> str:
    """'A, B, C dan 4 lainnya': a reason stays one readable line however many units a program has."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return tr("{x} dan {n} lainnya").format(x=", ".join(names[:shown]), n=len(names) - shown)


def _held_until(as_of: dt.date | None) -> str:
    return (as_of or dt.date.today()).isoformat()


def _compute(batch: Batch, program: Program, units: list[UnitRecord], *, enrollment_id: int | None = None,
             as_of: dt.date | None = None) -> tuple[list[ParticipantProgress], int]:
    db = database.obj
    batch_end = batch.end_date.isoformat()
    until = _held_until(as_of)
    only = " AND e.id = ?" if enrollment_id is not None else ""
    extra = (enrollment_id,) if enrollment_id is not None else ()

    people = db.execute_sql(
        "SELECT e.id, r.id, r.name, e.status, e.status_date FROM enrollment e JOIN resident r ON r.id = e.resident_id "
        f"WHERE e.batch_id = ?{only} ORDER BY lower(r.name), r.id",
        (batch.id, *extra),
    ).fetchall()
    counted = dict(db.execute_sql(
        "SELECT e.id, COUNT(s.id) FROM enrollment e JOIN training_session s ON s.batch_id = e.batch_id "
        f"AND s.date >= e.start_date AND s.date <= {PERIOD_END_SQL} AND {HELD_SQL} "
        f"WHERE e.batch_id = ?{only} GROUP BY e.id",
        (batch_end, until, batch.id, *extra),
    ).fetchall())
    marks: dict[int, dict[str, int]] = {}
    for eid, status, n in db.execute_sql(
        "SELECT a.enrollment_id, a.status, COUNT(*) FROM attendance a "
        "JOIN training_session s ON s.id = a.session_id JOIN enrollment e ON e.id = a.enrollment_id "
        f"WHERE s.batch_id = ? AND e.batch_id = ?{only} AND s.date >= e.start_date AND s.date <= {PERIOD_END_SQL} "
        f"AND {HELD_SQL} GROUP BY a.enrollment_id, a.status",
        (batch.id, batch.id, *extra, batch_end, until),
    ).fetchall():
        marks.setdefault(eid, {})[status] = n
    active = {u.id for u in units}
    latest: dict[int, dict[int, str]] = {}
    for eid, uid, result in db.execute_sql(
        "SELECT ua.enrollment_id, ua.unit_id, ua.result FROM unit_assessment ua "
        f"JOIN enrollment e ON e.id = ua.enrollment_id WHERE e.batch_id = ?{only} "
        "ORDER BY ua.date, ua.created_at, ua.id",
        (batch.id, *extra),
    ).fetchall():
        if uid in active:
            latest.setdefault(eid, {})[uid] = result
    sessions_held = db.execute_sql(
        f"SELECT COUNT(*) FROM training_session s WHERE s.batch_id = ? AND {HELD_SQL}", (batch.id, until)
    ).fetchone()[0]

    minimum = program.min_attendance / 100
    rows = []
    for eid, rid, name, status, _status_date in people:
        c = marks.get(eid, {})
        n = counted.get(eid, 0)
        present = c.get("H", 0)
        rate = present / n if n else None
        results = {u.id: latest.get(eid, {}).get(u.id) for u in units}
        competent = sum(1 for r in results.values() if r == "K")
        reasons = []
        if status in ENDED_EARLY:
            reasons.append(tr("Status peserta: {s}.").format(s=codes.label(codes.ENROLLMENT_STATUS, status)))
        if not units:
            reasons.append(tr("Program belum memiliki unit kompetensi aktif."))
        not_yet = [u.code or u.title for u in units if results[u.id] == "BK"]
        missing = [u.code or u.title for u in units if results[u.id] is None]
        if not_yet:
            reasons.append(tr("Belum kompeten pada {n} unit: {x}.").format(n=len(not_yet), x=_some(not_yet)))
        if missing:
            reasons.append(tr("Belum dinilai pada {n} unit: {x}.").format(n=len(missing), x=_some(missing)))
        if rate is None:
            reasons.append(tr("Belum ada sesi yang terhitung dalam masa kepesertaannya."))
        elif rate + 1e-9 < minimum:
            reasons.append(tr("Kehadiran {r} di bawah minimum {m}%.").format(r=percent(rate), m=program.min_attendance))
        rows.append(ParticipantProgress(
            enrollment_id=eid, resident_id=rid, name=name, sessions_counted=n, present=present,
            excused=c.get("I", 0), sick=c.get("S", 0), absent=c.get("A", 0), attendance_rate=rate,
            units_total=len(units), units_competent=competent, unit_results=results,
            eligible=not reasons, reasons=reasons,
        ))
    return rows, sessions_held


def _batch_and_program(actor: Actor, batch_id: int) -> tuple[Batch, Program]:
    batch = load_batch_for(actor, batch_id)
    return batch, Program.get_by_id(batch.program_id)


def batch_progress(actor: Actor, batch_id: int) -> list[ParticipantProgress]:
    """Every participant of a batch (by name) with rate, unit verdicts and eligibility."""
    batch, program = _batch_and_program(actor, batch_id)
    rows, _held = _compute(batch, program, program_units(program.id))
    return rows


def enrollment_progress(actor: Actor, enrollment_id: int) -> ParticipantProgress:
    enrollment = Enrollment.get_or_none(Enrollment.id == enrollment_id)
    if enrollment is None:
        require(actor, "sessions.view")
        raise NotFound(tr("Pendaftaran peserta yang dipilih tidak ditemukan (mungkin sudah dihapus); buka kembali "
                          "daftar peserta."))
    batch, program = _batch_and_program(actor, enrollment.batch_id)
    rows, _held = _compute(batch, program, program_units(program.id), enrollment_id=enrollment_id)
    return rows[0]


def batch_matrix(actor: Actor, batch_id: int) -> BatchProgress:
    """The progress matrix of a batch (participants × units, rate, eligibility)."""
    batch, program = _batch_and_program(actor, batch_id)
    units = program_units(program.id)
    rows, held = _compute(batch, program, units)
    trainer = User.get_or_none(User.id == batch.trainer_id) if batch.trainer_id else None
    return BatchProgress(
        batch_id=batch.id, batch_name=batch.name, program_id=program.id, program_code=program.code,
        program_name=program.name, trainer_name=trainer.full_name if trainer else "",
        start_date=batch.start_date, end_date=batch.end_date, min_attendance=program.min_attendance,
        units=[UnitInfo(u.id, u.position, u.code, u.title) for u in units], sessions_held=held, rows=rows,
    )


# --- the monthly attendance grid -------------------------------------------------------


def attendance_months(actor: Actor, batch_id: int) -> list[tuple[int, int]]:
    """(year, month) of every month with a held session, oldest first."""
    batch = load_batch_for(actor, batch_id)
    rows = database.obj.execute_sql(
        f"SELECT DISTINCT substr(s.date, 1, 7) FROM training_session s WHERE s.batch_id = ? AND {HELD_SQL} ORDER BY 1",
        (batch.id, dt.date.today().isoformat()),
    ).fetchall()
    return [(int(ym[:4]), int(ym[5:7])) for (ym,) in rows]


def attendance_month(actor: Actor, batch_id: int, year: int, month: int) -> AttendanceMonth:
    """The familiar grid for one month: participants × held sessions, H/I/S/A and totals."""
    matrix = batch_matrix(actor, batch_id)
    db = database.obj
    first = dt.date(year, month, 1)
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    until = after - dt.timedelta(days=1)
    today = dt.date.today().isoformat()
    columns = [
        MonthColumn(sid, dt.date.fromisoformat(str(day)[:10]), start, topic)
        for sid, day, start, topic in db.execute_sql(
            "SELECT s.id, s.date, s.start_time, s.topic FROM training_session s WHERE s.batch_id = ? AND s.date >= ? "
            f"AND s.date <= ? AND {HELD_SQL} ORDER BY s.date, s.start_time, s.id",
            (batch_id, first.isoformat(), until.isoformat(), today)).fetchall()
    ]
    index = {c.session_id: i for i, c in enumerate(columns)}
    periods = {}
    for eid, start, end, status, status_date in db.execute_sql(
        "SELECT id, start_date, end_date, status, status_date FROM enrollment WHERE batch_id = ?", (batch_id,)
    ).fetchall():
        last = status_date if status in ENDED_EARLY and status_date else (end or matrix.end_date.isoformat())
        periods[eid] = (str(start)[:10], str(last)[:10])
    marks: dict[int, dict[int, str]] = {}
    for sid, eid, status in db.execute_sql(
        "SELECT a.session_id, a.enrollment_id, a.status FROM attendance a "
        "JOIN training_session s ON s.id = a.session_id "
        "WHERE s.batch_id = ? AND s.date >= ? AND s.date <= ?", (batch_id, first.isoformat(), until.isoformat())
    ).fetchall():
        marks.setdefault(eid, {})[sid] = status
    rows = []
    for p in matrix.rows:
        start, last = periods[p.enrollment_id]
        if last < first.isoformat() or start > until.isoformat():
            continue
        row = MonthRow(p.enrollment_id, p.resident_id, p.name, [None] * len(columns))
        for column in columns:
            day = column.date.isoformat()
            if not (start <= day <= last):
                continue
            status = marks.get(p.enrollment_id, {}).get(column.session_id, "")
            row.cells[index[column.session_id]] = status
            row.counted += 1
            if status == "H":
                row.present += 1
            elif status == "I":
                row.excused += 1
            elif status == "S":
                row.sick += 1
            elif status == "A":
                row.absent += 1
        rows.append(row)
    return AttendanceMonth(matrix, year, month, columns, rows)


# --- one resident's training, for the resident's detail view -----------------------------


@dataclass
class UnitLine:
    code: str
    title: str
    result: str | None
    date: dt.date | None
    method: str
    assessments: int  # how many verdicts were recorded (history)


@dataclass
class SessionLine:
    date: dt.date
    topic: str
    status: str | None


@dataclass
class ResidentTraining:
    batch_id: int
    batch_name: str
    program_name: str
    start: dt.date
    end: dt.date
    status: str
    min_attendance: int
    progress: ParticipantProgress
    units: list[UnitLine]
    sessions: list[SessionLine]


def resident_training(actor: Actor, resident_id: int) -> list[ResidentTraining]:
    """Every enrollment of a resident the actor may see (an instruktur: his own batches only)."""
    require(actor, "sessions.view")
    query = (Enrollment.select(Enrollment, Batch, Program).join(Batch).join(Program)
             .where(Enrollment.resident == resident_id).order_by(Enrollment.start_date.desc()))
    query = limit_to_own_batches(query, actor, Batch.trainer)
    db = database.obj
    out = []
    for enrollment in query:
        batch, program = enrollment.batch, enrollment.batch.program
        units = program_units(program.id)
        rows, _held = _compute(batch, program, units, enrollment_id=enrollment.id)
        history: dict[int, list[tuple]] = {}
        for uid, result, day, method in db.execute_sql(
            "SELECT unit_id, result, date, method FROM unit_assessment WHERE enrollment_id = ? "
            "ORDER BY date, created_at, id", (enrollment.id,)
        ).fetchall():
            history.setdefault(uid, []).append((result, day, method))
        lines = []
        for u in units:
            h = history.get(u.id, [])
            result, day, method = h[-1] if h else (None, None, "")
            lines.append(UnitLine(u.code, u.title, result, dt.date.fromisoformat(str(day)[:10]) if day else None,
                                  codes.label(codes.ASSESSMENT_METHODS, method) if method else "", len(h)))
        last = enrollment.status_date if enrollment.status in ENDED_EARLY and enrollment.status_date else (
            enrollment.end_date or batch.end_date)
        rows_ = db.execute_sql(
            "SELECT s.date, s.topic, a.status FROM training_session s LEFT JOIN attendance a "
            "ON a.session_id = s.id AND a.enrollment_id = ? WHERE s.batch_id = ? AND s.date >= ? AND s.date <= ? "
            f"AND {HELD_SQL} ORDER BY s.date DESC, s.start_time DESC",
            (enrollment.id, batch.id, enrollment.start_date.isoformat(), last.isoformat(),
             dt.date.today().isoformat())).fetchall()
        sessions = [SessionLine(dt.date.fromisoformat(str(d)[:10]), topic, status) for d, topic, status in rows_]
        out.append(ResidentTraining(batch.id, batch.name, program.name, enrollment.start_date, last,
                                    enrollment.status, program.min_attendance, rows[0], lines, sessions))
    return out


def describe(p: ParticipantProgress) -> str:
    """One line, as the CLI prints it."""
    return (f"{p.rate_text} ({p.present}/{p.sessions_counted}; I {p.excused}, S {p.sick}, A {p.absent}), "
            f"unit K {p.units_competent}/{p.units_total}")

