"""Enrollment of residents (PM) in training batches.

Rules: only residents with status aktif; never beyond the batch's capacity
(seats are aktif + lulus enrollments); never a second open (aktif) enrollment
in the same program; a warning (to confirm) when the resident has no
assessment yet. The enrollment period ``start_date .. (end_date or batch
end)`` is what attendance rates are counted over (``enrollment_period``).

The public names are also reachable as ``services.training.<name>``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import Assessment, Batch, Enrollment, Program, Resident, utcnow
from balai_app.domain import codes
from balai_app.domain.codes import BatchStatus, EnrollmentStatus, ResidentStatus
from balai_app.domain.text import batch_phrase, program_phrase
from balai_app.domain.errors import NeedsConfirmation, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, residents, training, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed, limit_to_own_batches, require
from balai_app.services.records import BatchRecord, EnrollmentRecord
from balai_app.services.versioning import versioned_update

CLOSED_STATUSES = (EnrollmentStatus.PASSED, EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REMOVED)


class ParticipantRow(NamedTuple):
    """One participant of a batch. ``nik`` and ``klaster`` are None for an instruktur."""

    enrollment_id: int
    resident_id: int
    name: str
    sex: str
    status: str
    start_date: dt.date
    end_date: dt.date | None
    status_date: dt.date | None
    status_reason: str
    version: int
    nik: str | None = None
    klaster: str | None = None


class ResidentEnrollmentRow(NamedTuple):
    enrollment_id: int
    batch_id: int
    batch_name: str
    program_code: str
    program_name: str
    status: str
    start_date: dt.date
    end_date: dt.date | None  # the enrollment's own end, else the batch's
    status_date: dt.date | None
    status_reason: str
    batch_status: str
    version: int


class EnrollCandidate(NamedTuple):
    """A resident offered in the enroll dialog."""

    id: int
    name: str
    nik: str | None
    sex: str
    klaster: str
    has_assessment: bool
    open_program: str  # code of another open enrollment in this program ('' when none)


def get_enrollment(actor: Actor, enrollment_id: int) -> EnrollmentRecord:
    return EnrollmentRecord.of(_load(actor, enrollment_id))


def _load(actor: Actor, enrollment_id: int) -> Enrollment:
    require(actor, "training.view")
    row = Enrollment.get_or_none(Enrollment.id == enrollment_id)
    if row is None:
        raise NotFound(tr("Keikutsertaan tidak ditemukan."))
    training.load_batch(actor, row.batch_id)  # visibility for an instruktur
    return row


def enrollment_period(enrollment: Enrollment | EnrollmentRecord) -> tuple[dt.date, dt.date]:
    """start_date .. (end_date or the batch's end): the span attendance is counted over."""
    if enrollment.end_date:
        return enrollment.start_date, enrollment.end_date
    return enrollment.start_date, Batch.get_by_id(enrollment.batch_id).end_date


def seats_taken(batch_id: int) -> int:
    return training.seats_in(batch_id)


def _resident(resident_id: int | str) -> Resident:
    number = v.record_id(resident_id)
    resident = Resident.get_or_none(Resident.id == number) if number is not None else None
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=resident_id))
    return resident


MIN_ADULT_AGE = 15  # below this, an adults-only program (welding) needs a written reason
MIN_CHILD_REASON = 10


def age_on(birth: dt.date | None, on: dt.date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _check_adult(c: v.Collector, batch: Batch, resident: Resident, start: dt.date | None, reason: str) -> None:
    """Issue 14: a PM under 15 is not enrolled in a program for adults without a written reason."""
    from balai_app.db.models import Program

    program = Program.get_by_id(batch.program_id)
    age = age_on(resident.birth_date, start or batch.start_date)
    if program.adults_only and age is not None and age < MIN_ADULT_AGE and len(reason.strip()) < MIN_CHILD_REASON:
        c.error("reason", tr("{name} berumur {age} tahun; {program} hanya untuk peserta berumur {min} tahun "
                             "ke atas. Tulis alasan tertulis (minimal {n} karakter) untuk tetap mendaftarkan.").format(
            name=resident.name, age=age, program=program_phrase(program.name), min=MIN_ADULT_AGE, n=MIN_CHILD_REASON))


def reason_needed(actor: Actor, batch_id: int, resident_id: int, start_date: dt.date | None = None) -> str:
    """The question to ask before enrolling ``resident_id`` in ``batch_id`` when a written reason
    is required (a PM under 15 in an adults-only program), else "" (issue 14)."""
    require(actor, "enrollment.edit")
    batch = training.load_batch(actor, batch_id)
    c = v.Collector()
    _check_adult(c, batch, _resident(resident_id), start_date, "")
    return c.errors.get("reason", "")


def _check(c: v.Collector, batch: Batch, resident: Resident, start: dt.date | None, taken: int,
           reason: str = "") -> None:
    name = resident.name
    _check_adult(c, batch, resident, start, reason)
    if resident.status != ResidentStatus.ACTIVE:
        c.error("resident", tr("{name} berstatus {status}; hanya PM berstatus Aktif yang dapat didaftarkan.").format(
            name=name, status=codes.label(codes.RESIDENT_STATUS, resident.status)))
    if batch.status in (BatchStatus.FINISHED, BatchStatus.CANCELLED):
        c.error("batch", tr("{batch} berstatus {status}; pendaftaran ditutup.").format(
            batch=batch_phrase(batch.name, start=True), status=codes.label(codes.BATCH_STATUS, batch.status)))
    if taken >= batch.capacity:
        c.error("batch", tr("{batch} sudah penuh ({n} dari {cap} kursi).").format(
            batch=batch_phrase(batch.name, start=True), n=taken, cap=batch.capacity))
    same_batch = Enrollment.get_or_none((Enrollment.batch == batch.id) & (Enrollment.resident == resident.id))
    if same_batch is not None:
        c.error("resident", tr("{name} sudah terdaftar di angkatan ini (status {status}).").format(
            name=name, status=codes.label(codes.ENROLLMENT_STATUS, same_batch.status)))
    else:
        other = (Enrollment.select(Enrollment, Batch).join(Batch)
                 .where((Enrollment.resident == resident.id) & (Enrollment.status == EnrollmentStatus.ACTIVE)
                        & (Batch.program == batch.program_id)).first())
        if other is not None:
            c.error("resident", tr("{name} masih aktif di {batch} pada program yang sama; selesaikan atau "
                                   "tutup keikutsertaan itu dahulu.").format(name=name, batch=other.batch.name))
    if start is not None:
        if start < batch.start_date or start > batch.end_date:
            c.error("start_date", tr("Tanggal mulai harus dalam periode angkatan ({a} s.d. {b}).").format(
                a=batch.start_date.strftime("%d/%m/%Y"), b=batch.end_date.strftime("%d/%m/%Y")))
        elif start < resident.entry_date:
            c.error("start_date", tr("Tanggal mulai sebelum tanggal masuk {name} ({d}).").format(
                name=name, d=resident.entry_date.strftime("%d/%m/%Y")))
    if not Assessment.select().where(Assessment.resident == resident.id).exists():
        c.warn("assessment", tr("{name} belum pernah diasesmen; pelatihan sebaiknya didasarkan pada asesmen.").format(
            name=name))


def default_start(batch: Batch | BatchRecord, today: dt.date | None = None) -> dt.date:
    """The batch start or today, whichever is later (but never after the batch end)."""
    today = today or dt.date.today()
    return min(max(batch.start_date, today), batch.end_date)


def _ended(c: v.Collector, batch: Batch, explicit_start: bool) -> None:
    """Issue 14: enrolling after the batch ended would give a one-day period: refused (a past
    participation is recorded with its real start date instead)."""
    if not explicit_start and dt.date.today() > batch.end_date:
        c.error("start_date", tr("{batch} sudah berakhir pada {d}; pendaftaran baru ditolak. Untuk mencatat "
                                 "keikutsertaan yang sudah lalu, isi tanggal mulai yang sebenarnya.").format(
            batch=batch_phrase(batch.name, start=True), d=batch.end_date.strftime("%d/%m/%Y")))


def enroll(actor: Actor, batch_id: int, resident_id: int, *, start_date: Any = None,
           confirm_warnings: bool = False, reason: str = "") -> EnrollmentRecord:
    """Enroll one resident. Raises ValidationError, or NeedsConfirmation (no assessment yet).
    ``reason``: the written reason for a PM under 15 in an adults-only program."""
    require(actor, "enrollment.edit")
    batch = training.load_batch(actor, batch_id)
    resident = _resident(resident_id)
    c = v.Collector()
    start = c.take("start_date", v.date, start_date, tr("Tanggal mulai"), earliest=dt.date(2000, 1, 1))
    if start is None and "start_date" not in c.errors:
        _ended(c, batch, False)
        start = default_start(batch)
    with write_transaction():
        _check(c, batch, resident, start, training.seats_in(batch.id), reason)
        c.raise_if_any(confirm_warnings)
        row = Enrollment.create(batch=batch.id, resident=resident.id, start_date=start, status=EnrollmentStatus.ACTIVE)
        changes = {"batch": [None, batch.id], "resident": [None, resident.id], "start_date": [None, start.isoformat()]}
        if reason.strip():
            changes["alasan"] = [None, reason.strip()]
        audit.record(actor, "create", "enrollment", row.id, f"{resident.name} — {batch.name}", changes)
    return EnrollmentRecord.of(row)


def enroll_many(actor: Actor, batch_id: int, resident_ids: list[int], *, start_date: Any = None,
                confirm_warnings: bool = False, reason: str = "") -> list[EnrollmentRecord]:
    """Enroll several residents at once: all or none. Errors are keyed by resident id."""
    require(actor, "enrollment.edit")
    batch = training.load_batch(actor, batch_id)
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    c0 = v.Collector()
    start = c0.take("start_date", v.date, start_date, tr("Tanggal mulai"), earliest=dt.date(2000, 1, 1))
    if start is None:
        _ended(c0, batch, False)
    c0.raise_if_any()
    start = start or default_start(batch)
    created = []
    with write_transaction():
        taken = training.seats_in(batch.id)
        for rid in dict.fromkeys(resident_ids):
            resident = _resident(rid)
            c = v.Collector()
            _check(c, batch, resident, start, taken, reason)
            if c.errors:
                errors[str(rid)] = " ".join(c.errors.values())
                if "reason" in c.errors:  # the dialog's reason field shows where to write it
                    errors["reason"] = tr("Wajib diisi (minimal {n} karakter) untuk PM di bawah {min} tahun.").format(
                        n=MIN_CHILD_REASON, min=MIN_ADULT_AGE)
                continue
            if c.warnings:
                warnings[str(rid)] = " ".join(c.warnings.values())
            taken += 1
        if errors:
            raise ValidationError(errors)
        if warnings and not confirm_warnings:
            raise NeedsConfirmation(warnings)
        for rid in dict.fromkeys(resident_ids):
            resident = _resident(rid)
            row = Enrollment.create(batch=batch.id, resident=resident.id, start_date=start, status=EnrollmentStatus.ACTIVE)
            changes = {"batch": [None, batch.id], "resident": [None, resident.id],
                       "start_date": [None, start.isoformat()]}
            if reason.strip():
                changes["alasan"] = [None, reason.strip()]
            audit.record(actor, "create", "enrollment", row.id, f"{resident.name} — {batch.name}", changes)
            created.append(EnrollmentRecord.of(row))
    return created


def _close(actor: Actor, enrollment_id: int, status: str, date: Any, reason: str, *, reason_required: bool,
           expected_version: int | None = None) -> EnrollmentRecord:
    require(actor, "enrollment.edit")
    row = _load(actor, enrollment_id)
    c = v.Collector()
    when = c.take("date", v.date, date, tr("Tanggal"), required=True, earliest=dt.date(2000, 1, 1))
    reason = c.take("reason", v.text, reason, tr("Alasan"), required=reason_required, max_length=1000,
                    multiline=True) or ""
    if row.status != EnrollmentStatus.ACTIVE:
        c.error("status", tr("Keikutsertaan ini sudah berstatus {s}.").format(
            s=codes.label(codes.ENROLLMENT_STATUS, row.status)))
    if when is not None and when < row.start_date:
        c.error("date", tr("Tanggal tidak boleh sebelum tanggal mulai ({d}).").format(
            d=row.start_date.strftime("%d/%m/%Y")))
    if when is not None and when > dt.date.today():
        c.error("date", tr("Tanggal tidak boleh di masa depan."))
    c.raise_if_any()
    batch_end = row.batch.end_date
    end = min(when, batch_end)
    with write_transaction():
        versioned_update(Enrollment, enrollment_id,
                         {"status": status, "status_date": when, "status_reason": reason, "end_date": end},
                         expected_version=expected_version, where=Enrollment.status == EnrollmentStatus.ACTIVE,
                         stale=tr("Keikutsertaan ini telah diubah oleh orang lain; buka kembali lalu ulangi."))
        audit.record(actor, "update", "enrollment", enrollment_id, f"{row.resident.name} — {row.batch.name}",
                     {"status": [EnrollmentStatus.ACTIVE, status], "status_date": [None, when.isoformat()],
                      "status_reason": ["", reason], "end_date": [None, end.isoformat()]})
    return EnrollmentRecord.of(Enrollment.get_by_id(enrollment_id))


def withdraw(actor: Actor, enrollment_id: int, date: Any, reason: str, *,
             expected_version: int | None = None) -> EnrollmentRecord:
    """The resident withdrew (mengundurkan diri), with date and reason."""
    return _close(actor, enrollment_id, EnrollmentStatus.WITHDRAWN, date, reason, reason_required=True,
                  expected_version=expected_version)


def remove(actor: Actor, enrollment_id: int, date: Any, reason: str, *,
           expected_version: int | None = None) -> EnrollmentRecord:
    """The resident was removed (dikeluarkan), with date and reason."""
    return _close(actor, enrollment_id, EnrollmentStatus.REMOVED, date, reason, reason_required=True,
                  expected_version=expected_version)


def complete(actor: Actor, enrollment_id: int, date: Any, *, expected_version: int | None = None) -> EnrollmentRecord:
    """The resident completed the training (lulus)."""
    return _close(actor, enrollment_id, EnrollmentStatus.PASSED, date, "", reason_required=False, expected_version=expected_version)


def reactivate(actor: Actor, enrollment_id: int, reason: str) -> EnrollmentRecord:
    """Undo a closing recorded by mistake (the rules of a new enrollment apply again)."""
    require(actor, "enrollment.edit")
    row = _load(actor, enrollment_id)
    c = v.Collector()
    reason = c.take("reason", v.text, reason, tr("Alasan"), required=True, max_length=1000, multiline=True)
    if row.status == EnrollmentStatus.ACTIVE:
        c.error("status", tr("Keikutsertaan ini masih aktif."))
    c.raise_if_any()
    batch, resident = row.batch, row.resident
    with write_transaction():
        check = v.Collector()
        if resident.status != ResidentStatus.ACTIVE:
            check.error("resident", tr("{name} tidak lagi berstatus Aktif.").format(name=resident.name))
        if training.seats_in(batch.id) - (1 if row.status in training.SEAT_STATUSES else 0) >= batch.capacity:
            check.error("batch", tr("{batch} sudah penuh.").format(batch=batch_phrase(batch.name, start=True)))
        other = (Enrollment.select().join(Batch)
                 .where((Enrollment.resident == resident.id) & (Enrollment.status == EnrollmentStatus.ACTIVE)
                        & (Batch.program == batch.program_id) & (Enrollment.id != row.id)).exists())
        if other:
            check.error("resident", tr("{name} sudah aktif di angkatan lain pada program yang sama.").format(
                name=resident.name))
        check.raise_if_any()
        Enrollment.update(status=EnrollmentStatus.ACTIVE, status_date=None, status_reason="", end_date=None, updated_at=utcnow(),
                          version=Enrollment.version + 1).where(Enrollment.id == row.id).execute()
        audit.record(actor, "update", "enrollment", row.id, f"{resident.name} — {batch.name}",
                     {"status": [row.status, EnrollmentStatus.ACTIVE], "alasan": ["", reason]})
    return EnrollmentRecord.of(Enrollment.get_by_id(row.id))


def open_enrollments_of_resident(actor: Actor, resident_id: int) -> list[ResidentEnrollmentRow]:
    return [r for r in enrollments_of_resident(actor, resident_id) if r.status == EnrollmentStatus.ACTIVE]


def close_open_enrollments(actor: Actor, resident_id: int, date: Any, status: str, reason: str) -> int:
    """When a resident leaves the balai: close every open enrollment with ``status``
    (mengundurkan_diri, dikeluarkan or lulus) on ``date``. Returns how many were closed."""
    require(actor, "enrollment.edit")
    if status not in CLOSED_STATUSES:
        raise ValidationError({"status": tr("Status penutupan tidak dikenal: '{s}'.").format(s=status)})
    ids = [e.id for e in Enrollment.select(Enrollment.id).where(
        (Enrollment.resident == resident_id) & (Enrollment.status == EnrollmentStatus.ACTIVE))]
    with write_transaction():
        for enrollment_id in ids:
            _close(actor, enrollment_id, status, date, reason, reason_required=status != EnrollmentStatus.PASSED)
    return len(ids)


def batch_participants(actor: Actor, batch_id: int) -> list[ParticipantRow]:
    """Participants of a batch, by name. An instruktur gets no NIK or klaster."""
    training.load_batch(actor, batch_id)
    personal = not training.is_instruktur(actor) and allowed(actor, "residents.view")
    columns = [Enrollment.id, Resident.id, Resident.name, Resident.sex, Enrollment.status, Enrollment.start_date,
               Enrollment.end_date, Enrollment.status_date, Enrollment.status_reason, Enrollment.version]
    if personal:
        columns += [Resident.nik, Resident.klaster]
    query = (Enrollment.select(*columns).join(Resident, on=(Enrollment.resident == Resident.id))
             .where(Enrollment.batch == batch_id).order_by(fn.LOWER(Resident.name), Resident.id))
    return [ParticipantRow(*row) for row in query.tuples()]


def enrollments_of_resident(actor: Actor, resident_id: int) -> list[ResidentEnrollmentRow]:
    """A resident's enrollments, newest first (an instruktur sees only those in own batches)."""
    require(actor, "training.view")
    query = (
        Enrollment.select(Enrollment.id, Batch.id, Batch.name, Program.code, Program.name, Enrollment.status,
                          Enrollment.start_date, fn.COALESCE(Enrollment.end_date, Batch.end_date),
                          Enrollment.status_date, Enrollment.status_reason, Batch.status, Enrollment.version)
        .join(Batch, on=(Enrollment.batch == Batch.id))
        .join(Program, on=(Batch.program == Program.id))
        .where(Enrollment.resident == resident_id)
        .order_by(Enrollment.start_date.desc(), Enrollment.id.desc())
    )
    query = limit_to_own_batches(query, actor, Batch.trainer)
    rows = []
    for row in query.tuples():
        row = list(row)
        row[7] = v.date(row[7], "end") if row[7] else None
        rows.append(ResidentEnrollmentRow(*row))
    return rows


def enroll_candidates(actor: Actor, batch_id: int, text: str = "", limit: int = 300) -> list[EnrollCandidate]:
    """Aktif residents not yet in this batch, matching ``text`` (name, NIK, birth place)."""
    require(actor, "enrollment.edit")
    require(actor, "residents.view")
    batch = training.load_batch(actor, batch_id)
    in_batch = Enrollment.select(Enrollment.resident).where(Enrollment.batch == batch_id)
    query = (Resident.select(Resident.id, Resident.name, Resident.nik, Resident.sex, Resident.klaster)
             .where((Resident.status == ResidentStatus.ACTIVE) & Resident.id.not_in(in_batch)))
    query = residents.matching_text(query, text)
    rows = list(query.order_by(fn.LOWER(Resident.name), Resident.id).limit(limit).tuples())
    ids = [r[0] for r in rows]
    assessed = {r for (r,) in Assessment.select(Assessment.resident).where(Assessment.resident.in_(ids)).tuples()}
    open_in_program = {
        r: code for r, code in Enrollment.select(Enrollment.resident, Program.code).join(Batch).join(Program)
        .where(Enrollment.resident.in_(ids) & (Enrollment.status == EnrollmentStatus.ACTIVE) & (Batch.program == batch.program_id))
        .tuples()
    }
    return [EnrollCandidate(rid, name, nik, sex, klaster, rid in assessed, open_in_program.get(rid, ""))
            for rid, name, nik, sex, klaster in rows]


__all__ = [
    "ParticipantRow", "ResidentEnrollmentRow", "EnrollCandidate", "get_enrollment", "enrollment_period",
    "seats_taken", "enroll", "enroll_many", "withdraw", "remove", "complete", "reactivate",
    "open_enrollments_of_resident", "close_open_enrollments", "batch_participants", "enrollments_of_resident",
    "enroll_candidates", "default_start",
]
