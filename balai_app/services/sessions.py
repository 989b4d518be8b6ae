"""Training sessions, attendance (presensi) and competency-unit assessments.

Who may act: ``sessions.view`` / ``sessions.edit`` / ``assess.edit`` (admin,
staf, instruktur); an instruktur only for the batches he trains
(``Batch.trainer``). That rule is enforced here, in ``batch_for``.

A participant's *enrollment period* runs from ``Enrollment.start_date`` to its
``end_date`` (or the batch's end while open); a participant who withdrew or was
removed stops at ``status_date``. Both ends are inclusive. Only sessions held
inside that period ever count for or against the participant
(``balai_app.services.progress``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from peewee import JOIN, fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import (
    Attendance,
    Batch,
    CompetencyUnit,
    Enrollment,
    Program,
    Resident,
    SessionUnit,
    TrainingSession,
    User,
    database,
)
from balai_app.domain import codes
from balai_app.domain.codes import BatchStatus, EnrollmentStatus
from balai_app.domain.dates import format_short
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.batch_ready import require_ready
from balai_app.services.permissions import limit_to_own_batches, require, require_trainer_scope
from balai_app.services.records import BatchRecord, EnrollmentRecord, SessionRecord, UnitRecord
from balai_app.services.versioning import versioned_update

ENDED_EARLY = (EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REMOVED)
STATUSES = tuple(codes.ATTENDANCE)  # H I S A
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


# --- access -----------------------------------------------------------------


def batch_for(actor: Actor, batch_id: int, permission: str = "sessions.view") -> BatchRecord:
    """The batch, after checking ``permission`` and, for an instruktur, that it is his own."""
    return BatchRecord.of(load_batch_for(actor, batch_id, permission))


def load_batch_for(actor: Actor, batch_id: int, permission: str = "sessions.view") -> Batch:
    """``batch_for``'s row, for other services."""
    require(actor, permission)
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    require_trainer_scope(actor, permission, batch.trainer_id)
    return batch


def load_session_for(actor: Actor, session_id: int,
                     permission: str = "sessions.view") -> tuple[TrainingSession, Batch]:
    """The session and its batch rows, after the same checks as ``batch_for`` (for other services)."""
    session = TrainingSession.get_or_none(TrainingSession.id == session_id)
    if session is None:
        require(actor, permission)
        raise NotFound(tr("Sesi No. {id} tidak ditemukan.").format(id=session_id))
    return session, load_batch_for(actor, session.batch_id, permission)


# --- enrollment periods -----------------------------------------------------------


def period_end(enrollment: Enrollment, batch_end: dt.date) -> dt.date:
    """The last day (inclusive) of an enrollment period."""
    if enrollment.status in ENDED_EARLY and enrollment.status_date:
        return enrollment.status_date
    return enrollment.end_date or batch_end


# ``period_end`` as SQL over an ``enrollment`` row aliased ``e`` (dates are ISO text); one parameter: batch end.
PERIOD_END_SQL = (
    "(CASE WHEN e.status IN ('mengundurkan_diri','dikeluarkan') AND e.status_date IS NOT NULL "
    "THEN e.status_date ELSE COALESCE(e.end_date, ?) END)"
)


# --- batches visible to an actor ---------------------------------------------------


class BatchChoice(NamedTuple):
    id: int
    name: str
    program_id: int
    program_code: str
    program_name: str
    trainer_id: int | None
    trainer_name: str
    start_date: dt.date
    end_date: dt.date
    status: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.program_name} ({format_short(self.start_date)}–{format_short(self.end_date)})"


def visible_batches(actor: Actor, *, running_only: bool = False) -> list[BatchChoice]:
    """Batches the actor may record sessions for (an instruktur: only his own), newest first."""
    require(actor, "sessions.view")
    query = (
        Batch.select(
            Batch.id, Batch.name, Program.id, Program.code, Program.name, Batch.trainer,
            fn.COALESCE(User.full_name, ""), Batch.start_date, Batch.end_date, Batch.status,
        )
        .join(Program, on=(Batch.program == Program.id))
        .switch(Batch)
        .join(User, join_type=JOIN.LEFT_OUTER, on=(Batch.trainer == User.id))
        .where(Batch.status != BatchStatus.CANCELLED)
    )
    query = limit_to_own_batches(query, actor, Batch.trainer)
    if running_only:
        today = dt.date.today()
        query = query.where((Batch.status == BatchStatus.RUNNING) | ((Batch.start_date <= today) & (Batch.end_date >= today)
                                                           & (Batch.status != BatchStatus.FINISHED)))
    query = query.order_by(Batch.start_date.desc(), Batch.id.desc())
    return [BatchChoice(*row) for row in query.tuples()]


def program_units(program_id: int, *, include_retired: bool = False) -> list[UnitRecord]:
    query = CompetencyUnit.select().where(CompetencyUnit.program == program_id)
    if not include_retired:
        query = query.where(CompetencyUnit.retired == False)  # noqa: E712
    return [UnitRecord.of(u) for u in query.order_by(CompetencyUnit.position, CompetencyUnit.id)]


def batch_units(actor: Actor, batch_id: int) -> list[UnitRecord]:
    """The active units of the batch's program, in program order."""
    batch = load_batch_for(actor, batch_id)
    return program_units(batch.program_id)


# --- participants ------------------------------------------------------------------


class Participant(NamedTuple):
    enrollment_id: int
    resident_id: int
    name: str
    nik: str | None
    start: dt.date
    end: dt.date
    status: str


def participants(actor: Actor, batch_id: int, on: dt.date | None = None) -> list[Participant]:
    """The batch's participants (by name); with ``on``, only those whose period contains that day.
    ``nik`` is None for an actor who may not see the register (an instruktur)."""
    from balai_app.services.permissions import allowed

    batch = load_batch_for(actor, batch_id)
    show_nik = allowed(actor, "residents.view")
    rows = (
        Enrollment.select(
            Enrollment.id, Resident.id, Resident.name, Resident.nik, Enrollment.start_date, Enrollment.end_date,
            Enrollment.status, Enrollment.status_date,
        )
        .join(Resident, on=(Enrollment.resident == Resident.id))
        .where(Enrollment.batch == batch.id)
        .order_by(fn.LOWER(Resident.name), Resident.id)
        .tuples()
    )
    out = []
    for eid, rid, name, nik, start, end, status, status_date in rows:
        last = status_date if status in ENDED_EARLY and status_date else (end or batch.end_date)
        if on is not None and not (start <= on <= last):
            continue
        out.append(Participant(eid, rid, name, nik if show_nik else None, start, last, status))
    return out


def load_enrollment_of(batch_id: int, resident_id: int) -> Enrollment:
    """A resident's enrollment row in a batch (for other services; the caller checked the batch)."""
    enrollment = Enrollment.get_or_none((Enrollment.batch == batch_id) & (Enrollment.resident == resident_id))
    if enrollment is None:
        raise NotFound(tr("Penerima Manfaat No. {rid} bukan peserta angkatan No. {bid}.").format(
            rid=resident_id, bid=batch_id))
    return enrollment


# --- sessions ----------------------------------------------------------------------

SESSION_LABELS = {
    "date": "Tanggal sesi",
    "start_time": "Jam mulai",
    "end_time": "Jam selesai",
    "topic": "Topik/materi",
    "units": "Unit kompetensi",
    "notes": "Catatan",
}


def _time(value: Any, label: str) -> str:
    text = v.text(value, label, max_length=5)
    if not text:
        return ""
    match = _TIME.match(text)
    if not match:
        raise v.FieldError(tr("{label} harus berformat JJ:MM, mis. 08:00.").format(label=label))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def resolve_units(program_id: int, keys: Iterable[Any]) -> list[int]:
    """Unit ids from ids or codes (of this program, not retired); raises FieldError on unknown ones."""
    units = program_units(program_id)
    by_id = {u.id: u for u in units}
    by_code = {u.code.strip().casefold(): u for u in units if u.code.strip()}
    if isinstance(keys, str):
        keys = keys.split(",")
    elif isinstance(keys, (int, CompetencyUnit)) and not isinstance(keys, bool):
        keys = [keys]
    elif not isinstance(keys, (list, tuple, set, frozenset)):
        raise v.FieldError(tr("Unit kompetensi tidak valid."))
    out, unknown = [], []
    for key in keys:
        if isinstance(key, CompetencyUnit):
            key = key.id
        unit = None
        if isinstance(key, int):
            unit = by_id.get(key)
        else:
            text = str(key).strip()
            if not text:
                continue
            unit = by_code.get(text.casefold())
            if unit is None and text.isascii() and text.isdigit():
                unit = by_id.get(int(text))
        if unit is None:
            unknown.append(str(key))
        elif unit.id not in out:
            out.append(unit.id)
    if unknown:
        raise v.FieldError(
            tr("Unit kompetensi tidak dikenal pada program ini: {x}.").format(x=", ".join(unknown)[:120]))
    return out


def _clean_session(data: Mapping[str, Any], batch: Batch) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(SESSION_LABELS[name])  # noqa: E731
    out = {
        "date": c.take("date", v.date, data.get("date"), L("date"), required=True),
        "start_time": c.take("start_time", _time, data.get("start_time"), L("start_time")),
        "end_time": c.take("end_time", _time, data.get("end_time"), L("end_time")),
        "topic": c.take("topic", v.text, data.get("topic"), L("topic"), required=True, max_length=300),
        "notes": c.take("notes", v.text, data.get("notes"), L("notes"), max_length=2000, multiline=True),
        "units": c.take("units", resolve_units, batch.program_id, data.get("units") or []),
    }
    day = out["date"]
    if day and not (batch.start_date <= day <= batch.end_date):
        c.error("date", tr("Tanggal sesi di luar periode angkatan ({a} s.d. {b}).").format(
            a=format_short(batch.start_date), b=format_short(batch.end_date)))
    if out["start_time"] and out["end_time"] and out["end_time"] <= out["start_time"]:
        c.error("end_time", tr("Jam selesai harus setelah jam mulai."))
    c.raise_if_any()
    return out


def _check_duplicate(batch_id: int, day: dt.date, start_time: str, exclude: int | None = None) -> None:
    query = TrainingSession.select(TrainingSession.id).where(
        (TrainingSession.batch == batch_id) & (TrainingSession.date == day) & (TrainingSession.start_time == start_time)
    )
    if exclude is not None:
        query = query.where(TrainingSession.id != exclude)
    other = query.first()
    if other:
        raise ValidationError({"start_time": tr(
            "Sesi angkatan ini pada {d} jam '{t}' sudah ada (No. {id}). Isi jam mulai yang lain atau buka sesi itu."
        ).format(d=format_short(day), t=start_time or "-", id=other.id)})


def _session_dict(session: TrainingSession) -> dict[str, Any]:
    return {
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "topic": session.topic,
        "notes": session.notes,
        "units": ",".join(str(u) for u in session_unit_ids(session.id)),
    }


def session_unit_ids(session_id: int) -> list[int]:
    return [u for (u,) in SessionUnit.select(SessionUnit.unit).where(SessionUnit.session == session_id)
            .order_by(SessionUnit.id).tuples()]


def create_session(actor: Actor, batch_id: int, data: Mapping[str, Any]) -> SessionRecord:
    """A new session of a batch: date, times, topic, units covered (ids or codes), notes."""
    batch = load_batch_for(actor, batch_id, "sessions.edit")
    require_ready(batch, tr("sesi"))
    cleaned = _clean_session(data, batch)
    units = cleaned.pop("units")
    with write_transaction():
        _check_duplicate(batch.id, cleaned["date"], cleaned["start_time"])
        session = TrainingSession.create(
            batch=batch.id, trainer=batch.trainer_id if actor.role != "instruktur" else actor.user_id, **cleaned
        )
        if units:
            SessionUnit.insert_many([(session.id, u) for u in units],
                                    fields=[SessionUnit.session, SessionUnit.unit]).execute()
        audit.record(actor, "create", "training_session", session.id,
                     f"{batch.name} {format_short(session.date)}: {session.topic}",
                     audit.diff({}, {**cleaned, "units": ",".join(map(str, units))}))
    return SessionRecord.of(session)


def update_session(actor: Actor, session_id: int, data: Mapping[str, Any], *,
                   expected_version: int) -> SessionRecord:
    session, batch = load_session_for(actor, session_id, "sessions.edit")
    before = _session_dict(session)
    merged = {**before, "units": session_unit_ids(session.id), **data}
    cleaned = _clean_session(merged, batch)
    units = cleaned.pop("units")
    if cleaned["date"] != session.date:
        marked = Attendance.select().where(Attendance.session == session.id)
        outside = [p.name for p in participants(actor, batch.id)
                   if not (p.start <= cleaned["date"] <= p.end)
                   and marked.where(Attendance.enrollment == p.enrollment_id).exists()]
        if outside:
            raise ValidationError({"date": tr(
                "Tanggal tidak dapat dipindah: presensi sudah tercatat untuk peserta yang tidak terdaftar "
                "pada tanggal itu ({names}).").format(names=", ".join(outside[:5]))})
    with write_transaction():
        _check_duplicate(batch.id, cleaned["date"], cleaned["start_time"], exclude=session.id)
        versioned_update(TrainingSession, session.id, cleaned, expected_version=expected_version,
                         stale=tr("Sesi ini telah diubah oleh orang lain sejak dibuka; buka kembali lalu ulangi."))
        SessionUnit.delete().where(SessionUnit.session == session.id).execute()
        if units:
            SessionUnit.insert_many([(session.id, u) for u in units],
                                    fields=[SessionUnit.session, SessionUnit.unit]).execute()
        after = TrainingSession.get_by_id(session.id)
        changes = audit.diff(before, _session_dict(after))
        if changes:
            audit.record(actor, "update", "training_session", session.id,
                         f"{batch.name} {format_short(after.date)}", changes)
    return SessionRecord.of(after)


def delete_session(actor: Actor, session_id: int) -> None:
    """Remove a session; its attendance goes with it (recorded in the audit trail)."""
    session, batch = load_session_for(actor, session_id, "sessions.edit")
    with write_transaction():
        marks = {n: s for n, s in (Attendance.select(Resident.name, Attendance.status)
                                   .join(Enrollment).join(Resident)
                                   .where(Attendance.session == session.id).tuples())}
        TrainingSession.delete().where(TrainingSession.id == session.id).execute()
        audit.record(actor, "delete", "training_session", session.id,
                     f"{batch.name} {format_short(session.date)}: {session.topic}",
                     {name: [status, None] for name, status in marks.items()})


def get_session(actor: Actor, session_id: int) -> SessionRecord:
    session, _batch = load_session_for(actor, session_id, "sessions.view")
    return SessionRecord.of(session)


class SessionRow(NamedTuple):
    id: int
    date: dt.date
    start_time: str
    end_time: str
    topic: str
    units: str  # unit codes, comma-separated
    present: int
    excused: int
    sick: int
    absent: int
    marked: int
    version: int

    @property
    def time(self) -> str:
        if self.start_time and self.end_time:
            return f"{self.start_time}–{self.end_time}"
        return self.start_time


def list_sessions(actor: Actor, batch_id: int) -> list[SessionRow]:
    """The batch's sessions, oldest first, with attendance counts (three queries)."""
    batch = load_batch_for(actor, batch_id)
    sessions = list(
        TrainingSession.select(TrainingSession.id, TrainingSession.date, TrainingSession.start_time,
                               TrainingSession.end_time, TrainingSession.topic, TrainingSession.version)
        .where(TrainingSession.batch == batch.id)
        .order_by(TrainingSession.date, TrainingSession.start_time, TrainingSession.id)
        .tuples()
    )
    counts: dict[int, dict[str, int]] = {}
    for sid, status, n in (
        Attendance.select(Attendance.session, Attendance.status, fn.COUNT(Attendance.id))
        .join(TrainingSession)
        .where(TrainingSession.batch == batch.id)
        .group_by(Attendance.session, Attendance.status)
        .tuples()
    ):
        counts.setdefault(sid, {})[status] = n
    units: dict[int, list[str]] = {}
    for sid, code, position in (
        SessionUnit.select(SessionUnit.session, CompetencyUnit.code, CompetencyUnit.position)
        .join(CompetencyUnit)
        .switch(SessionUnit)
        .join(TrainingSession)
        .where(TrainingSession.batch == batch.id)
        .order_by(CompetencyUnit.position)
        .tuples()
    ):
        units.setdefault(sid, []).append(code or f"U{position}")
    out = []
    for sid, day, start, end, topic, version in sessions:
        c = counts.get(sid, {})
        out.append(SessionRow(sid, day, start, end, topic, ", ".join(units.get(sid, [])), c.get("H", 0),
                              c.get("I", 0), c.get("S", 0), c.get("A", 0), sum(c.values()), version))
    return out


def find_participant(actor: Actor, batch_id: int, nik_or_id: str) -> EnrollmentRecord:
    """A batch's participant by NIK or resident number (``residents.find_resident``).

    An instruktur, who may not browse the register, is looked up among the
    participants of his own batch only.
    """
    from balai_app.services import residents
    from balai_app.services.permissions import allowed

    batch = load_batch_for(actor, batch_id)
    if allowed(actor, "residents.view"):
        return EnrollmentRecord.of(load_enrollment_of(batch.id, residents.find_resident(actor, nik_or_id).id))
    key = str(nik_or_id).strip()
    if len(key) == 16 and key.isdigit():  # matched here, never shown to the instruktur
        match = (Enrollment.select().join(Resident, on=(Enrollment.resident == Resident.id))
                 .where((Enrollment.batch == batch.id) & (Resident.nik == key)).first())
        if match is not None:
            return EnrollmentRecord.of(match)
    for p in participants(actor, batch.id):
        if (len(key) == 16 and key == p.nik) or (key.isdigit() and len(key) < 16 and int(key) == p.resident_id):
            return EnrollmentRecord.of(Enrollment.get_by_id(p.enrollment_id))
    raise NotFound(tr("Peserta '{key}' tidak ditemukan di angkatan ini (gunakan NIK 16 digit atau nomor).").format(
        key=key))


class ClassToday(NamedTuple):
    batch: BatchChoice
    participants: int  # enrolled today
    session_id: int | None  # today's session, if recorded
    session_topic: str
    marked: int  # marks given in today's session


def classes_today(actor: Actor, on: dt.date | None = None) -> list[ClassToday]:
    """The running batches the actor teaches (all running ones for office staff) and today's session."""
    day = on or dt.date.today()
    batches = visible_batches(actor, running_only=True)  # an instruktur's own only
    ids = [b.id for b in batches]
    if not ids:
        return []
    marks = {
        sid: n for sid, n in Attendance.select(Attendance.session, fn.COUNT(Attendance.id))
        .join(TrainingSession).where(TrainingSession.batch.in_(ids) & (TrainingSession.date == day))
        .group_by(Attendance.session).tuples()
    }
    today: dict[int, tuple[int, str]] = {}
    for sid, bid, topic in (TrainingSession.select(TrainingSession.id, TrainingSession.batch, TrainingSession.topic)
                            .where(TrainingSession.batch.in_(ids) & (TrainingSession.date == day))
                            .order_by(TrainingSession.start_time, TrainingSession.id).tuples()):
        today.setdefault(bid, (sid, topic))
    placeholders = ",".join("?" * len(ids))
    counts = dict(database.obj.execute_sql(
        f"SELECT e.batch_id, COUNT(*) FROM enrollment e JOIN batch b ON b.id = e.batch_id "
        f"WHERE e.batch_id IN ({placeholders}) AND e.start_date <= ? "
        f"AND {PERIOD_END_SQL.replace('?', 'b.end_date')} >= ? "
        f"GROUP BY e.batch_id", (*ids, day.isoformat(), day.isoformat())).fetchall())
    out = []
    for b in batches:
        sid, topic = today.get(b.id, (None, ""))
        out.append(ClassToday(b, counts.get(b.id, 0), sid, topic, marks.get(sid, 0) if sid else 0))
    return out
