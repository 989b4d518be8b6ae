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
from dataclasses import dataclass
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
    UnitAssessment,
    User,
    database,
    utcnow,
)
from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.errors import NotFound, PermissionDenied, StaleRecord, ValidationError
from balai_app.domain.text import batch_phrase
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

ENDED_EARLY = ("mengundurkan_diri", "dikeluarkan")
STATUSES = tuple(codes.ATTENDANCE)  # H I S A
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


# --- access -----------------------------------------------------------------


def batch_for(actor: Actor, batch_id: int, permission: str = "sessions.view") -> Batch:
    """The batch, after checking ``permission`` and, for an instruktur, that it is his own."""
    require(actor, permission)
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    if actor.role == "instruktur" and batch.trainer_id != actor.user_id:
        raise PermissionDenied(
            tr("Anda ({user}) bukan instruktur {name}.").format(user=actor.username, name=batch_phrase(batch.name))
        )
    return batch


def require_ready(batch: Batch, what: str, *, trainer_or_sessions: bool = False) -> None:
    """Refuse ``what`` (sessions, attendance, verdicts, certificates) for a batch that has not started.

    A batch still "Direncanakan", a cancelled one, or one without a trainer has
    no classes yet; the window hides such batches, and this keeps the CLI and
    every other caller to the same rule. For certificates
    (``trainer_or_sessions``) a batch whose trainer was removed after its
    sessions were held is still certifiable: only one that never had classes is refused.
    """
    name = batch_phrase(batch.name, start=True)
    if batch.status in ("direncanakan", "dibatalkan"):
        hint = (tr("Ubah statusnya menjadi Berjalan di Pelatihan › Angkatan dulu.") if batch.status == "direncanakan"
                else "")
        raise ValidationError({"batch": (tr("{name} masih berstatus {status}: {what} belum dapat dicatat.").format(
            name=name, status=codes.label(codes.BATCH_STATUS, batch.status), what=what) + " " + hint).strip()})
    if batch.trainer_id is None and not (
            trainer_or_sessions and TrainingSession.select().where(TrainingSession.batch == batch.id).exists()):
        raise ValidationError({"batch": tr(
            "{name} belum memiliki instruktur: {what} belum dapat dicatat. Tetapkan instruktur di "
            "Pelatihan › Angkatan dulu.").format(name=name, what=what)})


def _session_for(actor: Actor, session_id: int, permission: str) -> tuple[TrainingSession, Batch]:
    session = TrainingSession.get_or_none(TrainingSession.id == session_id)
    if session is None:
        require(actor, permission)
        raise NotFound(tr("Sesi No. {id} tidak ditemukan.").format(id=session_id))
    return session, batch_for(actor, session.batch_id, permission)


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
    query = _choice_query()
    if actor.role == "instruktur":
        query = query.where(Batch.trainer == actor.user_id)
    if running_only:
        today = dt.date.today()
        query = query.where((Batch.status == "berjalan") | ((Batch.start_date <= today) & (Batch.end_date >= today)
                                                           & (Batch.status != "selesai")))
    query = query.order_by(Batch.start_date.desc(), Batch.id.desc())
    return [BatchChoice(*row) for row in query.tuples()]


def batch_choice(actor: Actor, batch_id: int) -> BatchChoice:
    """One batch with its program and trainer, as the session dialog names it."""
    batch_for(actor, batch_id)
    return BatchChoice(*_choice_query().where(Batch.id == batch_id).tuples().get())


def _choice_query():
    return (
        Batch.select(
            Batch.id, Batch.name, Program.id, Program.code, Program.name, Batch.trainer,
            fn.COALESCE(User.full_name, ""), Batch.start_date, Batch.end_date, Batch.status,
        )
        .join(Program, on=(Batch.program == Program.id))
        .switch(Batch)
        .join(User, join_type=JOIN.LEFT_OUTER, on=(Batch.trainer == User.id))
        .where(Batch.status != "dibatalkan")
    )


def program_units(program_id: int, *, include_retired: bool = False) -> list[CompetencyUnit]:
    query = CompetencyUnit.select().where(CompetencyUnit.program == program_id)
    if not include_retired:
        query = query.where(CompetencyUnit.retired == False)  # noqa: E712
    return list(query.order_by(CompetencyUnit.position, CompetencyUnit.id))


def batch_units(actor: Actor, batch_id: int) -> list[CompetencyUnit]:
    """The active units of the batch's program, in program order."""
    batch = batch_for(actor, batch_id)
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

    batch = batch_for(actor, batch_id)
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


def enrollment_of(batch_id: int, resident_id: int) -> Enrollment:
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


def create_session(actor: Actor, batch_id: int, data: Mapping[str, Any]) -> TrainingSession:
    """A new session of a batch: date, times, topic, units covered (ids or codes), notes."""
    batch = batch_for(actor, batch_id, "sessions.edit")
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
    return session


def update_session(actor: Actor, session_id: int, data: Mapping[str, Any], *, expected_version: int) -> TrainingSession:
    session, batch = _session_for(actor, session_id, "sessions.edit")
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
        changed = (
            TrainingSession.update(**cleaned, updated_at=utcnow(), version=TrainingSession.version + 1)
            .where((TrainingSession.id == session.id) & (TrainingSession.version == expected_version))
            .execute()
        )
        if changed != 1:
            raise StaleRecord(tr("Sesi ini telah diubah oleh orang lain sejak dibuka; buka kembali lalu ulangi."))
        SessionUnit.delete().where(SessionUnit.session == session.id).execute()
        if units:
            SessionUnit.insert_many([(session.id, u) for u in units],
                                    fields=[SessionUnit.session, SessionUnit.unit]).execute()
        after = TrainingSession.get_by_id(session.id)
        changes = audit.diff(before, _session_dict(after))
        if changes:
            audit.record(actor, "update", "training_session", session.id,
                         f"{batch.name} {format_short(after.date)}", changes)
    return after


def delete_session(actor: Actor, session_id: int) -> None:
    """Remove a session; its attendance goes with it (recorded in the audit trail)."""
    session, batch = _session_for(actor, session_id, "sessions.edit")
    with write_transaction():
        marks = {n: s for n, s in (Attendance.select(Resident.name, Attendance.status)
                                   .join(Enrollment).join(Resident)
                                   .where(Attendance.session == session.id).tuples())}
        TrainingSession.delete().where(TrainingSession.id == session.id).execute()
        audit.record(actor, "delete", "training_session", session.id,
                     f"{batch.name} {format_short(session.date)}: {session.topic}",
                     {name: [status, None] for name, status in marks.items()})


def get_session(actor: Actor, session_id: int) -> TrainingSession:
    session, _batch = _session_for(actor, session_id, "sessions.view")
    return session


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
    batch = batch_for(actor, batch_id)
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


# --- attendance --------------------------------------------------------------------


class SheetRow(NamedTuple):
    enrollment_id: int
    resident_id: int
    name: str
    nik: str | None
    status: str | None  # H I S A, None while unmarked
    note: str


def attendance_sheet(actor: Actor, session_id: int) -> list[SheetRow]:
    """Who belongs on this session's list (enrollment period contains its date) and their marks."""
    session, batch = _session_for(actor, session_id, "sessions.view")
    marks = {e: (s, n) for e, s, n in Attendance.select(Attendance.enrollment, Attendance.status, Attendance.note)
             .where(Attendance.session == session.id).tuples()}
    rows = []
    for p in participants(actor, batch.id):
        if p.start <= session.date <= p.end or p.enrollment_id in marks:
            status, note = marks.get(p.enrollment_id, (None, ""))
            rows.append(SheetRow(p.enrollment_id, p.resident_id, p.name, p.nik, status, note))
    return rows


def fill_unmarked(statuses: Mapping[int, str | None], value: str = "H") -> dict[int, str | None]:
    """Give ``value`` to every unmarked row; a mark already given is never overwritten."""
    return {key: (status or value) for key, status in statuses.items()}


def save_attendance(
    actor: Actor,
    session_id: int,
    marks: Mapping[int, str | tuple[str | None, str] | None],
) -> int:
    """Save the marks of one session in one transaction: ``{enrollment_id: status or (status, note)}``.

    A status of None leaves that participant as he is. Changing a mark of an
    earlier day is allowed and recorded with its old and new value in the
    audit trail. Returns the number of marks written or changed.
    """
    session, batch = _session_for(actor, session_id, "sessions.edit")
    require_ready(batch, tr("presensi"))
    today = dt.date.today()
    if session.date > today:
        raise ValidationError({"date": tr("Presensi belum dapat diisi: sesi ini dijadwalkan {d}.").format(
            d=format_short(session.date))})
    allowed = {p.enrollment_id: p for p in participants(actor, batch.id, on=session.date)}
    wanted: dict[int, tuple[str, str]] = {}
    errors: dict[str, str] = {}
    for enrollment_id, mark in marks.items():
        status, note = (mark if isinstance(mark, tuple) else (mark, None))
        if status is None:
            continue
        status = str(status).strip().upper()
        if status not in STATUSES:
            errors[f"status_{enrollment_id}"] = tr("Status presensi harus H, I, S atau A (bukan '{x}').").format(
                x=status[:5])
            continue
        if enrollment_id not in allowed:
            errors[f"enrollment_{enrollment_id}"] = tr(
                "Peserta No. {id} tidak terdaftar di angkatan ini pada tanggal sesi.").format(id=enrollment_id)
            continue
        if note is not None:
            try:
                note = v.text(note, tr("Keterangan"), max_length=300)
            except v.FieldError as exc:
                errors[f"note_{enrollment_id}"] = str(exc)
                continue
        wanted[enrollment_id] = (status, note)
    if errors:
        raise ValidationError(errors)
    if not wanted:
        return 0
    db = database.obj
    with write_transaction():
        old = {e: (s, n) for e, s, n in Attendance.select(Attendance.enrollment, Attendance.status, Attendance.note)
               .where(Attendance.session == session.id).tuples()}
        now = utcnow()
        rows, changes = [], {}
        for enrollment_id, (status, note) in wanted.items():
            before = old.get(enrollment_id)
            note = (before[1] if before else "") if note is None else note
            if before == (status, note):
                continue
            rows.append((session.id, enrollment_id, status, note, actor.user_id, now))
            if before is not None:
                label = f"{allowed[enrollment_id].name} (No. {allowed[enrollment_id].resident_id})"
                changes[label] = [before[0] if before[1] == note else f"{before[0]} {before[1]}".strip(),
                                  status if before[1] == note else f"{status} {note}".strip()]
        if rows:
            db.connection().executemany(
                "INSERT INTO attendance (session_id, enrollment_id, status, note, updated_by_id, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(session_id, enrollment_id) DO UPDATE SET "
                "status=excluded.status, note=excluded.note, updated_by_id=excluded.updated_by_id, "
                "updated_at=excluded.updated_at",
                [(s, e, st, n, u, t.isoformat(sep=" ")) for s, e, st, n, u, t in rows],
            )
            earlier = session.date < today
            action = "update" if changes else "create"
            summary = tr("Presensi {batch} {d}: {n} dicatat").format(
                batch=batch.name, d=format_short(session.date), n=len(rows))
            if changes and earlier:
                summary += tr(" (perubahan presensi hari sebelumnya)")
            audit.record(actor, action, "attendance", session.id, summary, changes)
    return len(rows)


def set_attendance(actor: Actor, session_id: int, resident_id: int, status: str, note: str | None = None) -> int:
    """One participant's mark (the CLI's ``attendance set``)."""
    session, _batch = _session_for(actor, session_id, "sessions.edit")
    enrollment = enrollment_of(session.batch_id, resident_id)
    return save_attendance(actor, session_id, {enrollment.id: (status, note)})


# --- competency-unit assessments ------------------------------------------------------

ASSESS_LABELS = {
    "result": "Hasil",
    "date": "Tanggal penilaian",
    "method": "Metode",
    "score": "Nilai",
    "evidence": "Bukti/catatan",
    "assessor_name": "Asesor",
    "unit": "Unit kompetensi",
}


@dataclass
class UnitVerdict:
    """One assessment to record: ``enrollment_id`` × ``unit_id``."""

    enrollment_id: int
    unit_id: int
    result: str  # K | BK
    date: Any = None  # default today
    method: str = "observasi"
    score: Any = None
    evidence: str = ""
    assessor_name: str = ""


def _clean_verdict(item: UnitVerdict, units: dict[int, CompetencyUnit], enrollments: dict[int, Participant],
                   prefix: str, errors: dict[str, str]) -> dict[str, Any] | None:
    c = v.Collector()
    L = lambda name: tr(ASSESS_LABELS[name])  # noqa: E731
    result = str(item.result or "").strip().upper()
    out = {
        "result": c.take("result", v.choice, result, L("result"), codes.UNIT_RESULT),
        "date": c.take("date", v.date, item.date or dt.date.today(), L("date"), required=True, not_future=True),
        "method": c.take("method", v.choice, item.method or "observasi", L("method"), codes.ASSESSMENT_METHODS),
        "score": c.take("score", v.integer, item.score, L("score"), minimum=0, maximum=100),
        "evidence": c.take("evidence", v.text, item.evidence, L("evidence"), max_length=2000, multiline=True),
        "assessor_name": c.take("assessor_name", v.text, item.assessor_name, L("assessor_name")),
    }
    if item.unit_id not in units:
        c.error("unit", tr("Unit kompetensi No. {id} bukan unit aktif program angkatan ini.").format(id=item.unit_id))
    participant = enrollments.get(item.enrollment_id)
    if participant is None:
        c.error("enrollment", tr("Peserta No. {id} bukan peserta angkatan ini.").format(id=item.enrollment_id))
    elif out["date"] and out["date"] < participant.start:
        c.error("date", tr("Tanggal penilaian sebelum {name} mulai mengikuti angkatan ({d}).").format(
            name=participant.name, d=format_short(participant.start)))
    for field, message in c.errors.items():
        errors.setdefault(f"{prefix}{field}", message)
    return None if c.errors else out


def add_unit_assessments(actor: Actor, batch_id: int, items: Iterable[UnitVerdict]) -> list[int]:
    """Record verdicts (bulk: one unit across the batch, or one participant across units) in one transaction.

    A re-assessment adds a row; history is kept and the latest verdict counts.
    """
    batch = batch_for(actor, batch_id, "assess.edit")
    require_ready(batch, tr("penilaian unit kompetensi"))
    units = {u.id: u for u in program_units(batch.program_id)}
    enrollments = {p.enrollment_id: p for p in participants(actor, batch.id)}
    items = list(items)
    errors: dict[str, str] = {}
    cleaned = []
    many = len(items) > 1
    for item in items:
        prefix = f"{item.enrollment_id}.{item.unit_id}." if many else ""
        row = _clean_verdict(item, units, enrollments, prefix, errors)
        if row is not None:
            cleaned.append((item, row))
    if errors:
        raise ValidationError(errors)
    default_assessor = _user_name(actor)
    ids = []
    with write_transaction():
        for item, row in cleaned:
            row["assessor_name"] = row["assessor_name"] or default_assessor
            record = UnitAssessment.create(enrollment=item.enrollment_id, unit=item.unit_id,
                                           assessor=actor.user_id, **row)
            ids.append(record.id)
        if cleaned:
            audit.record(
                actor, "create", "unit_assessment", ids[0] if len(ids) == 1 else None,
                tr("Penilaian unit {batch}: {n} hasil").format(batch=batch.name, n=len(ids)),
                {f"{enrollments[i.enrollment_id].name} / {units[i.unit_id].code or units[i.unit_id].title}":
                 [None, r["result"]] for i, r in cleaned},
            )
    return ids


def _user_name(actor: Actor) -> str:
    if actor.user_id is None:
        return actor.username
    user = User.get_or_none(User.id == actor.user_id)
    return user.full_name if user else actor.username


def assess(actor: Actor, batch_id: int, resident_id: int, unit_key: str | int, result: str,
           date: Any = None, **extra: Any) -> int:
    """One verdict by resident and unit code or id (the CLI's ``assess``)."""
    batch = batch_for(actor, batch_id, "assess.edit")
    enrollment = enrollment_of(batch.id, resident_id)
    try:
        unit_ids = resolve_units(batch.program_id, [unit_key])
    except v.FieldError as exc:
        raise ValidationError({"unit": str(exc)}) from None
    if not unit_ids:
        raise ValidationError({"unit": tr("Unit kompetensi wajib diisi.")})
    return add_unit_assessments(actor, batch.id, [UnitVerdict(enrollment.id, unit_ids[0], result, date, **extra)])[0]


class AssessmentRow(NamedTuple):
    id: int
    enrollment_id: int
    unit_id: int
    unit_code: str
    unit_title: str
    result: str
    date: dt.date
    method: str
    score: int | None
    evidence: str
    assessor_name: str
    created_at: dt.datetime


def assessment_history(actor: Actor, enrollment_id: int, unit_id: int | None = None) -> list[AssessmentRow]:
    """Every verdict of a participant (optionally one unit), newest first."""
    enrollment = Enrollment.get_or_none(Enrollment.id == enrollment_id)
    if enrollment is None:
        require(actor, "sessions.view")
        raise NotFound(tr("Peserta No. {id} tidak ditemukan.").format(id=enrollment_id))
    batch_for(actor, enrollment.batch_id)
    query = (
        UnitAssessment.select(UnitAssessment.id, UnitAssessment.enrollment, UnitAssessment.unit, CompetencyUnit.code,
                              CompetencyUnit.title, UnitAssessment.result, UnitAssessment.date, UnitAssessment.method,
                              UnitAssessment.score, UnitAssessment.evidence, UnitAssessment.assessor_name,
                              UnitAssessment.created_at)
        .join(CompetencyUnit)
        .where(UnitAssessment.enrollment == enrollment_id)
    )
    if unit_id is not None:
        query = query.where(UnitAssessment.unit == unit_id)
    query = query.order_by(UnitAssessment.date.desc(), UnitAssessment.created_at.desc(), UnitAssessment.id.desc())
    return [AssessmentRow(*row) for row in query.tuples()]


def find_participant(actor: Actor, batch_id: int, nik_or_id: str) -> Enrollment:
    """A batch's participant by NIK or resident number (``residents.find_resident``).

    An instruktur, who may not browse the register, is looked up among the
    participants of his own batch only.
    """
    from balai_app.services import residents
    from balai_app.services.permissions import allowed

    batch = batch_for(actor, batch_id)
    if allowed(actor, "residents.view"):
        return enrollment_of(batch.id, residents.find_resident(actor, nik_or_id).id)
    key = str(nik_or_id).strip()
    if len(key) == 16 and key.isdigit():  # matched here, never shown to the instruktur
        match = (Enrollment.select().join(Resident, on=(Enrollment.resident == Resident.id))
                 .where((Enrollment.batch == batch.id) & (Resident.nik == key)).first())
        if match is not None:
            return match
    for p in participants(actor, batch.id):
        if (len(key) == 16 and key == p.nik) or (key.isdigit() and len(key) < 16 and int(key) == p.resident_id):
            return Enrollment.get_by_id(p.enrollment_id)
    raise NotFound(tr("Peserta '{key}' tidak ditemukan di angkatan ini (gunakan NIK 16 digit atau nomor).").format(
        key=key))


def record_export(actor: Actor, batch_id: int, what: str) -> None:
    """Note in the audit trail that a recap of a batch left the program (file or print)."""
    batch = batch_for(actor, batch_id)
    with write_transaction():
        audit.record(actor, "export", "batch", batch.id,
                     tr("Rekap {batch}: {what}").format(batch=batch.name, what=what))


class ClassToday(NamedTuple):
    batch: BatchChoice
    participants: int  # enrolled today
    session_id: int | None  # today's session, if recorded
    session_topic: str
    marked: int  # marks given in today's session


def classes_today(actor: Actor, on: dt.date | None = None) -> list[ClassToday]:
    """The running batches the actor teaches (all running ones for office staff) and today's session."""
    day = on or dt.date.today()
    batches = visible_batches(actor, running_only=True)
    if actor.role == "instruktur":
        batches = [b for b in batches if b.trainer_id == actor.user_id]
    ids = [b.id for b in batches]
    if not ids:
        return []
    marks = {
        sid: n for sid, n in Attendance.select(Attendance.session, fn.COUNT(Attendance.id))
        .join(TrainingSession).where(TrainingSession.batch.in_(ids) & (TrainingSession.date == day))
        .group_by(Attendance.session).tuples()
    }
    today = {}
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
