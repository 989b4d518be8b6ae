"""Attendance (presensi) of a training session: the list to mark and saving the marks.

Who belongs on a session's list is decided by the enrollment periods of
``services/sessions.py``; an instruktur marks only the sessions of his own batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from balai_app.db.connection import write_transaction
from balai_app.db.models import Attendance, Enrollment, Resident, database, utcnow
from balai_app.domain.dates import format_short
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.sessions import STATUSES, load_enrollment_of, load_session_for, participants
from balai_app.services.batch_ready import require_ready

class SheetRow(NamedTuple):
    enrollment_id: int
    resident_id: int
    name: str
    nik: str | None
    status: str | None  # H I S A, None while unmarked
    note: str


def attendance_sheet(actor: Actor, session_id: int) -> list[SheetRow]:
    """Who belongs on this session's list (enrollment period contains its date) and their marks."""
    session, batch = load_session_for(actor, session_id, "sessions.view")
    marks = {e: (s, n) for e, s, n in Attendance.select(Attendance.enrollment, Attendance.status, Attendance.note)
             .where(Attendance.session == session.id).tuples()}
    rows = []
    for p in participants(actor, batch.id):
        if p.start <= session.date <= p.end or p.enrollment_id in marks:
            status, note = marks.get(p.enrollment_id, (None, ""))
            rows.append(SheetRow(p.enrollment_id, p.resident_id, p.name, p.nik, status, note))
    return rows


def participant_phrase(enrollment_id: int) -> str:
    """A participant in a message as the window names a person: "Siti (No. 12)", with the PM's
    number (never the enrollment's own id, which nobody sees)."""
    found = (Enrollment.select(Resident.id, Resident.name).join(Resident, on=(Enrollment.resident == Resident.id))
             .where(Enrollment.id == enrollment_id).tuples().first())
    if found is None:
        return tr("Pendaftaran peserta yang dipilih")
    return f"{found[1]} (No. {found[0]})"


def fill_unmarked(statuses: Mapping[int, str | None], value: str = "H") -> dict[int, str | None]:
    """Give ``value`` to every unmarked row; a mark already given is never overwritten."""
    return {key: (status or value) for key, status in statuses.items()}


def save_attendance(
    actor: Actor,
    session_id: int,
    marks: Mapping[int, str | tuple[str | None, str | None] | None],
) -> int:
    """Save the marks of one session in one transaction: ``{enrollment_id: status or (status, note)}``.

    A status of None leaves that participant as he is. Changing a mark of an
    earlier day is allowed and recorded with its old and new value in the
    audit trail. Returns the number of marks written or changed.
    """
    session, batch = load_session_for(actor, session_id, "sessions.edit")
    require_ready(batch, tr("presensi"))
    today = dt.date.today()
    if session.date > today:
        raise ValidationError({"date": tr("Presensi belum dapat diisi: sesi ini dijadwalkan {d}.").format(
            d=format_short(session.date))})
    allowed = {p.enrollment_id: p for p in participants(actor, batch.id, on=session.date)}
    wanted: dict[int, tuple[str, str | None]] = {}
    errors: dict[str, str] = {}
    for enrollment_id, mark in marks.items():
        status, note = (mark if isinstance(mark, tuple) else (mark, None))
        if status is None:
            continue
        status = str(status).strip().upper()
        if enrollment_id not in allowed:
            errors[f"enrollment_{enrollment_id}"] = tr(
                "{who} tidak terdaftar di angkatan ini pada tanggal sesi.").format(who=participant_phrase(enrollment_id))
            continue
        if status not in STATUSES:
            errors[f"status_{enrollment_id}"] = tr("{name}: status presensi harus H, I, S atau A (bukan '{x}').").format(
                name=allowed[enrollment_id].name, x=status[:5])
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
    session, _batch = load_session_for(actor, session_id, "sessions.edit")
    enrollment = load_enrollment_of(session.batch_id, resident_id)
    return save_attendance(actor, session_id, {enrollment.id: (status, note)})
