"""Vocational training: batches (angkatan) of a program, and who trains them.

Programs and their competency units live in ``services/curriculum.py``;
enrollment in ``services/enrollment.py`` (it imports this module, never the
reverse). Public functions return the plain records of ``services/records.py``;
``load_batch`` hands the peewee row to other services only.

Visibility: an instruktur holds ``training.view`` but sees only the batches
where ``Batch.trainer`` is their own account; that is enforced here, not by
hiding rows in a screen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from peewee import JOIN, fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import (
    Batch,
    Enrollment,
    Program,
    TrainingSession,
    User,
)
from balai_app.domain import codes
from balai_app.domain.codes import BatchStatus, EnrollmentStatus
from balai_app.domain.errors import BalaiError, NotFound
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import limit_to_own_batches, require, require_trainer_scope
from balai_app.services.records import BatchRecord, UserRecord
from balai_app.services.versioning import versioned_update
from balai_app.domain.text import batch_phrase, program_phrase

BATCH_LABELS = {
    "program": "Program",
    "name": "Nama angkatan",
    "trainer": "Instruktur",
    "start_date": "Tanggal mulai",
    "end_date": "Tanggal selesai",
    "schedule": "Jadwal mingguan",
    "room": "Ruang",
    "capacity": "Kapasitas",
    "status": "Status",
}

# Allowed batch status changes (a finished batch can be reopened to correct it).
BATCH_TRANSITIONS = {
    BatchStatus.PLANNED: {BatchStatus.RUNNING, BatchStatus.CANCELLED},
    BatchStatus.RUNNING: {BatchStatus.FINISHED, BatchStatus.CANCELLED, BatchStatus.PLANNED},
    BatchStatus.FINISHED: {BatchStatus.RUNNING},
    BatchStatus.CANCELLED: {BatchStatus.PLANNED},
}

WEEKDAYS = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]


def is_instruktur(actor: Actor) -> bool:
    return actor.role == "instruktur"


# --- trainers --------------------------------------------------------------------------------


def trainers() -> list[UserRecord]:
    """Active accounts with the instruktur role, by name."""
    return [UserRecord.of(u) for u in User.select().where(
        (User.role == "instruktur") & (User.active == True))  # noqa: E712
        .order_by(User.full_name, User.id)]


# --- batches ---------------------------------------------------------------------------------


class BatchRow(NamedTuple):
    id: int
    program_id: int
    program_code: str
    program_name: str
    name: str
    trainer_id: int | None
    trainer_name: str
    start_date: dt.date
    end_date: dt.date
    schedule: str
    room: str
    capacity: int
    status: str
    participants: int  # aktif + lulus (the seats taken)


SEAT_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.PASSED)


def _visible(query, actor: Actor):
    return limit_to_own_batches(query, actor, Batch.trainer)


def list_batches(actor: Actor, program_id: int | None = None, status: str | None = None,
                 year: int | None = None) -> list[BatchRow]:
    """Batches newest first; a year matches every batch running at some point of that year."""
    require(actor, "training.view")
    seats = (Enrollment.select(Enrollment.batch, fn.COUNT(Enrollment.id).alias("n"))
             .where(Enrollment.status.in_(SEAT_STATUSES)).group_by(Enrollment.batch).alias("seats"))
    query = (
        Batch.select(Batch.id, Program.id, Program.code, Program.name, Batch.name, User.id,
                     fn.COALESCE(User.full_name, ""), Batch.start_date, Batch.end_date, Batch.schedule,
                     Batch.room, Batch.capacity, Batch.status, fn.COALESCE(seats.c.n, 0))
        .join(Program, on=(Batch.program == Program.id))
        .join(User, JOIN.LEFT_OUTER, on=(Batch.trainer == User.id))
        .join(seats, JOIN.LEFT_OUTER, on=(seats.c.batch_id == Batch.id))
    )
    query = _visible(query, actor)
    if program_id:
        query = query.where(Batch.program == program_id)
    if status:
        query = query.where(Batch.status == status)
    if year:
        query = query.where((Batch.start_date <= dt.date(year, 12, 31)) & (Batch.end_date >= dt.date(year, 1, 1)))
    query = query.order_by(Batch.start_date.desc(), Batch.id.desc())
    return [BatchRow(*row) for row in query.tuples()]


def batch_years(actor: Actor) -> list[int]:
    require(actor, "training.view")
    query = _visible(Batch.select(fn.MIN(Batch.start_date), fn.MAX(Batch.end_date)), actor)
    low, high = query.tuples().first() or (None, None)
    if not low or not high:
        return []
    first, last = v.date(low, "start"), v.date(high, "end")
    assert first is not None and last is not None  # both were present
    return list(range(last.year, first.year - 1, -1))


def get_batch(actor: Actor, batch_id: int) -> BatchRecord:
    return BatchRecord.of(load_batch(actor, batch_id))


def load_batch(actor: Actor, batch_id: int) -> Batch:
    """The batch row, for other services (visibility checked as in ``get_batch``)."""
    require(actor, "training.view")
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    require_trainer_scope(actor, "training.view", batch.trainer_id)
    return batch


def batch_row(actor: Actor, batch_id: int) -> BatchRow:
    load_batch(actor, batch_id)
    seats = Enrollment.select(fn.COUNT(Enrollment.id)).where(
        (Enrollment.batch == batch_id) & Enrollment.status.in_(SEAT_STATUSES)).scalar() or 0
    b = (Batch.select(Batch, Program, User).join(Program).switch(Batch).join(User, JOIN.LEFT_OUTER)
         .where(Batch.id == batch_id).get())
    trainer = b.trainer
    return BatchRow(b.id, b.program.id, b.program.code, b.program.name, b.name, trainer.id if trainer else None,
                    trainer.full_name if trainer else "", b.start_date, b.end_date, b.schedule, b.room, b.capacity,
                    b.status, seats)


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def suggest_batch_name(program_id: int, year: int) -> str:
    """'Angkatan III 2026' when the program already has two batches starting in 2026."""
    count = Batch.select().where((Batch.program == program_id) & (Batch.start_date >= dt.date(year, 1, 1))
                                 & (Batch.start_date <= dt.date(year, 12, 31))).count()
    number = ROMAN[count] if count < len(ROMAN) else str(count + 1)
    return f"Angkatan {number} {year}"


def format_schedule(days: list[str], start: str = "", end: str = "") -> str:
    """'Sen, Rab, Jum 08:00-12:00' from day abbreviations (WEEKDAYS) and HH:MM times."""
    ordered = [d for d in WEEKDAYS if d in days]
    times = f"{start}-{end}" if start and end else ""
    return " ".join(part for part in (", ".join(ordered), times) if part)


def parse_schedule(text: str) -> tuple[list[str], str, str]:
    """Inverse of ``format_schedule`` (best effort; unknown text gives no days)."""
    text = (text or "").strip()
    days = [d for d in WEEKDAYS if d in text.replace(",", " ").split()]
    start = end = ""
    for word in text.split():
        if "-" in word and ":" in word:
            start, _, end = word.partition("-")
    return days, start, end


def _batch_dict(batch: Batch) -> dict[str, Any]:
    return {
        "program": batch.program_id, "name": batch.name, "trainer": batch.trainer_id,
        "start_date": batch.start_date, "end_date": batch.end_date, "schedule": batch.schedule,
        "room": batch.room, "capacity": batch.capacity, "status": batch.status,
    }


def _clean_batch(data: dict[str, Any], batch_id: int | None) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(BATCH_LABELS[name])  # noqa: E731
    out: dict[str, Any] = {}
    program = data.get("program")
    program = getattr(program, "id", program)
    if program in (None, ""):
        c.error("program", tr("Program wajib dipilih."))
    else:
        program_id = v.record_id(program)
        row = Program.get_or_none(Program.id == program_id) if program_id is not None else Program.get_or_none(
            fn.UPPER(Program.code) == v.lookup_key(program).upper())
        if row is None:
            c.error("program", tr("Program '{p}' tidak ditemukan.").format(p=program))
        elif not row.active and batch_id is None:
            c.error("program", tr("{program} tidak aktif.").format(program=program_phrase(row.name, start=True)))
        else:
            out["program"] = row.id
    out["name"] = c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200)
    trainer = data.get("trainer")
    trainer = getattr(trainer, "id", trainer)
    out["trainer"] = None
    if trainer not in (None, "", 0):
        trainer_id = v.record_id(trainer)
        user = User.get_or_none(User.id == trainer_id) if trainer_id is not None else User.get_or_none(
            User.username == v.lookup_key(trainer))
        if user is None:
            c.error("trainer", tr("Instruktur tidak ditemukan."))
        elif user.role != "instruktur":
            c.error("trainer", tr("{name} bukan akun instruktur.").format(name=user.full_name))
        else:
            out["trainer"] = user.id
    out["start_date"] = c.take("start_date", v.date, data.get("start_date"), L("start_date"), required=True,
                               earliest=dt.date(2000, 1, 1))
    out["end_date"] = c.take("end_date", v.date, data.get("end_date"), L("end_date"), required=True,
                             earliest=dt.date(2000, 1, 1))
    if out["start_date"] and out["end_date"] and out["end_date"] < out["start_date"]:
        c.error("end_date", tr("Tanggal selesai tidak boleh sebelum tanggal mulai."))
    out["schedule"] = c.take("schedule", v.text, data.get("schedule"), L("schedule"), max_length=200)
    out["room"] = c.take("room", v.text, data.get("room"), L("room"), max_length=100)
    out["capacity"] = c.take("capacity", v.integer, 20 if data.get("capacity") in (None, "") else data["capacity"],
                             L("capacity"), required=True, minimum=1, maximum=500)
    out["status"] = c.take("status", v.choice, data.get("status") or BatchStatus.PLANNED, L("status"), codes.BATCH_STATUS)
    c.raise_if_any()
    return out


def create_batch(actor: Actor, data: dict[str, Any]) -> BatchRecord:
    """``data``: program (id, code or Program), name, trainer (id/username or None), start_date,
    end_date, schedule, room, capacity (default 20), status (default direncanakan)."""
    require(actor, "batches.edit")
    cleaned = _clean_batch(data, None)
    with write_transaction():
        batch = Batch.create(**cleaned)
        audit.record(actor, "create", "batch", batch.id, batch.name, audit.diff({}, cleaned))
    return BatchRecord.of(batch)


def update_batch(actor: Actor, batch_id: int, data: dict[str, Any], *, expected_version: int,
                 confirm_warnings: bool = False) -> BatchRecord:
    require(actor, "batches.edit")
    batch = load_batch(actor, batch_id)
    before = _batch_dict(batch)
    cleaned = _clean_batch({**before, **data}, batch_id)
    c = v.Collector()
    if cleaned["program"] != batch.program_id and Enrollment.select().where(Enrollment.batch == batch_id).exists():
        c.error("program", tr("Program tidak dapat diganti karena angkatan ini sudah memiliki peserta."))
    seats = seats_in(batch_id)
    if cleaned["capacity"] < seats:
        c.error("capacity", tr("Kapasitas tidak boleh kurang dari jumlah peserta ({n}).").format(n=seats))
    _check_status_change(c, batch, cleaned["status"])
    if cleaned["start_date"] != batch.start_date or cleaned["end_date"] != batch.end_date:
        outside = Enrollment.select().where(
            (Enrollment.batch == batch_id)
            & ((Enrollment.start_date < cleaned["start_date"]) | (Enrollment.start_date > cleaned["end_date"]))
        ).count()
        if outside:
            c.error("start_date", tr("{n} peserta mulai di luar periode baru; ubah dulu tanggal mulai mereka.").format(
                n=outside))
    c.raise_if_any(confirm_warnings)
    with write_transaction():
        versioned_update(Batch, batch_id, cleaned, expected_version=expected_version,
                         stale=tr("{batch} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                  "ulangi.").format(batch=batch_phrase(batch.name, start=True)))
        after = Batch.get_by_id(batch_id)
        changes = audit.diff(before, _batch_dict(after))
        if changes:
            audit.record(actor, "update", "batch", batch_id, after.name, changes)
    return BatchRecord.of(after)


def _check_status_change(c: v.Collector, batch: Batch, status: str | None) -> None:
    if not status or status == batch.status:
        return
    if status not in BATCH_TRANSITIONS.get(batch.status, set()):
        c.error("status", tr("Status tidak dapat diubah dari {a} menjadi {b}.").format(
            a=codes.label(codes.BATCH_STATUS, batch.status), b=codes.label(codes.BATCH_STATUS, status)))
        return
    open_count = Enrollment.select().where((Enrollment.batch == batch.id) & (Enrollment.status == EnrollmentStatus.ACTIVE)).count()
    if status == BatchStatus.CANCELLED and open_count:
        c.error("status", tr("Masih ada {n} peserta aktif. Tutup dulu keikutsertaan mereka (mengundurkan diri) "
                             "sebelum membatalkan angkatan.").format(n=open_count))
    if status == BatchStatus.FINISHED and open_count:
        c.warn("status", tr("{n} peserta masih berstatus aktif; tandai lulus atau mengundurkan diri "
                            "setelah angkatan selesai.").format(n=open_count))


def set_batch_status(actor: Actor, batch_id: int, status: str, *, expected_version: int,
                     confirm_warnings: bool = False) -> BatchRecord:
    return update_batch(actor, batch_id, {"status": status}, expected_version=expected_version,
                        confirm_warnings=confirm_warnings)


def seats_in(batch_id: int) -> int:
    return Enrollment.select().where((Enrollment.batch == batch_id) & Enrollment.status.in_(SEAT_STATUSES)).count()


def delete_batch(actor: Actor, batch_id: int) -> None:
    """Only a batch without participants or sessions (a mistake); otherwise cancel it."""
    require(actor, "batches.edit")
    batch = load_batch(actor, batch_id)
    if Enrollment.select().where(Enrollment.batch == batch_id).exists() or TrainingSession.select().where(
            TrainingSession.batch == batch_id).exists():
        raise BalaiError(tr("{batch} sudah memiliki peserta atau sesi; batalkan saja, jangan "
                            "dihapus.").format(batch=batch_phrase(batch.name, start=True)))
    with write_transaction():
        Batch.delete().where(Batch.id == batch_id).execute()
        audit.record(actor, "delete", "batch", batch_id, batch.name, audit.diff(_batch_dict(batch), {}))
