"""Vocational training: programs (keterampilan), their competency units, and batches (angkatan).

Enrollment lives in ``services/enrollment.py``; its public functions are also
reachable from here (``training.enroll``, ``training.batch_participants``, ...),
the names other areas rely on.

Visibility: an instruktur holds ``training.view`` but sees only the batches
where ``Batch.trainer`` is their own account; that is enforced here, not by
hiding rows in a screen.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from peewee import JOIN, fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import (
    Batch,
    Certificate,
    CompetencyUnit,
    Enrollment,
    Program,
    SessionUnit,
    TrainingSession,
    UnitAssessment,
    User,
    utcnow,
)
from balai_app.domain import codes
from balai_app.domain.errors import BalaiError, NotFound, PermissionDenied, StaleRecord, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

# Enrollment functions, served lazily from services/enrollment.py (it imports this module).
_ENROLLMENT_API = frozenset({
    "enroll", "enroll_many", "batch_participants", "enrollments_of_resident", "open_enrollments_of_resident",
    "withdraw", "remove", "complete", "reactivate", "close_open_enrollments", "get_enrollment",
    "enrollment_period", "seats_taken", "ParticipantRow", "ResidentEnrollmentRow", "EnrollCandidate",
    "enroll_candidates",
})


def __getattr__(name: str):  # PEP 562: training.enroll(...) etc.
    if name in _ENROLLMENT_API:
        from balai_app.services import enrollment

        return getattr(enrollment, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SAMPLE_NOTE = "contoh — sesuaikan dengan SKKNI"

PROGRAM_LABELS = {
    "code": "Kode program",
    "name": "Nama program",
    "description": "Deskripsi",
    "field": "Bidang",
    "hours": "Durasi (jam)",
    "weeks": "Durasi (minggu)",
    "min_attendance": "Kehadiran minimal (%)",
}

UNIT_LABELS = {"code": "Kode unit", "title": "Judul unit", "hours": "Jam"}

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
    "direncanakan": {"berjalan", "dibatalkan"},
    "berjalan": {"selesai", "dibatalkan", "direncanakan"},
    "selesai": {"berjalan"},
    "dibatalkan": {"direncanakan"},
}

WEEKDAYS = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]


def is_instruktur(actor: Actor) -> bool:
    return actor.role == "instruktur"


# --- programs ----------------------------------------------------------------------


def list_programs(actor: Actor, include_inactive: bool = False) -> list[Program]:
    require(actor, "training.view")
    query = Program.select().order_by(Program.name, Program.id)
    if not include_inactive:
        query = query.where(Program.active == True)  # noqa: E712
    return list(query)


def _key(value: Any) -> str:
    """A code or user name to look up; text SQLite cannot take (lone surrogates) matches nothing."""
    text = str(value).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "\ufffd"
    return text


def get_program(actor: Actor, id_or_code: int | str) -> Program:
    require(actor, "training.view")
    program = None
    if v.record_id(id_or_code) is not None:
        program = Program.get_or_none(Program.id == v.record_id(id_or_code))
    if program is None and isinstance(id_or_code, str):
        key = id_or_code.strip()
        program = Program.get_or_none(fn.UPPER(Program.code) == key.upper())
    if program is None:
        raise NotFound(tr("Program '{key}' tidak ditemukan.").format(key=id_or_code))
    return program


def _program_dict(program: Program) -> dict[str, Any]:
    return {name: getattr(program, name) for name in (*PROGRAM_LABELS, "active", "is_sample", "adults_only")}


def _clean_program(data: dict[str, Any], program_id: int | None) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(PROGRAM_LABELS[name])  # noqa: E731
    out: dict[str, Any] = {
        "code": c.take("code", v.text, data.get("code"), L("code"), required=True, max_length=10),
        "name": c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200),
        "description": c.take("description", v.text, data.get("description"), L("description"),
                              max_length=5000, multiline=True),
        "field": c.take("field", v.text, data.get("field"), L("field"), max_length=200),
        "hours": c.take("hours", v.integer, data.get("hours"), L("hours"), minimum=1, maximum=10000),
        "weeks": c.take("weeks", v.integer, data.get("weeks"), L("weeks"), minimum=1, maximum=520),
        "min_attendance": c.take("min_attendance", v.integer,
                                 80 if data.get("min_attendance") in (None, "") else data.get("min_attendance"),
                                 L("min_attendance"), required=True, minimum=0, maximum=100),
    }
    code = out["code"]
    if code:
        if " " in code:
            c.error("code", tr("Kode program tidak boleh berisi spasi."))
        else:
            code = code.upper()
            out["code"] = code
            other = Program.select(Program.id, Program.name).where(fn.UPPER(Program.code) == code)
            if program_id is not None:
                other = other.where(Program.id != program_id)
            other = other.first()
            if other:
                c.error("code", tr("Kode {code} sudah dipakai program {name}.").format(code=code, name=other.name))
    # issue 14: a PM under 15 is enrolled in an adults-only program only with a written reason
    out["adults_only"] = bool(data.get("adults_only", False))
    c.raise_if_any()
    return out


def create_program(actor: Actor, data: dict[str, Any], units: list[dict[str, Any]] | None = None,
                   *, is_sample: bool = False) -> Program:
    """A new program, optionally with its first units (dicts with code/title/hours)."""
    require(actor, "programs.edit")
    cleaned = _clean_program(data, None)
    cleaned_units = [_clean_unit(u, None) for u in units or []]
    with write_transaction():
        program = Program.create(**cleaned, is_sample=is_sample)
        for position, unit in enumerate(cleaned_units, start=1):
            CompetencyUnit.create(program=program, position=position, **unit)
        audit.record(actor, "create", "program", program.id, f"{program.code} {program.name}",
                     audit.diff({}, {**cleaned, "units": len(cleaned_units)}))
    return program


def update_program(actor: Actor, program_id: int, data: dict[str, Any], *, expected_version: int) -> Program:
    require(actor, "programs.edit")
    current = get_program(actor, program_id)
    before = _program_dict(current)
    cleaned = _clean_program({**before, **data}, program_id)
    if "active" in data:
        cleaned["active"] = bool(data["active"])
    if "is_sample" in data:  # the admin marks a starter program as checked against SKKNI
        cleaned["is_sample"] = bool(data["is_sample"])
    with write_transaction():
        changed = (
            Program.update(**cleaned, updated_at=utcnow(), version=Program.version + 1)
            .where((Program.id == program_id) & (Program.version == expected_version))
            .execute()
        )
        if changed != 1:
            raise StaleRecord(tr("Program {name} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                 "ulangi perubahan Anda.").format(name=current.name))
        after = Program.get_by_id(program_id)
        changes = audit.diff(before, _program_dict(after))
        if changes:
            audit.record(actor, "update", "program", program_id, f"{after.code} {after.name}", changes)
    return after


def delete_program(actor: Actor, program_id: int) -> None:
    """Only a program never used by a batch; otherwise deactivate it."""
    require(actor, "programs.edit")
    program = get_program(actor, program_id)
    if Batch.select().where(Batch.program == program_id).exists():
        raise BalaiError(tr("Program {name} sudah dipakai angkatan dan tidak dapat dihapus; nonaktifkan saja "
                            "agar riwayat tetap utuh.").format(name=program.name))
    if Certificate.select().where(Certificate.program == program_id).exists():
        raise BalaiError(tr("Program {name} tercantum pada sertifikat dan tidak dapat dihapus.").format(
            name=program.name))
    with write_transaction():
        CompetencyUnit.delete().where(CompetencyUnit.program == program_id).execute()
        Program.delete().where(Program.id == program_id).execute()
        audit.record(actor, "delete", "program", program_id, f"{program.code} {program.name}")


# --- competency units -----------------------------------------------------------------


def units_of(actor: Actor, program_id: int, *, include_retired: bool = True) -> list[CompetencyUnit]:
    require(actor, "training.view")
    query = CompetencyUnit.select().where(CompetencyUnit.program == program_id)
    if not include_retired:
        query = query.where(CompetencyUnit.retired == False)  # noqa: E712
    return list(query.order_by(CompetencyUnit.position, CompetencyUnit.id))


def active_units(program_id: int) -> list[CompetencyUnit]:
    """The units currently taught, in order (retired ones left out)."""
    return list(
        CompetencyUnit.select()
        .where((CompetencyUnit.program == program_id) & (CompetencyUnit.retired == False))  # noqa: E712
        .order_by(CompetencyUnit.position, CompetencyUnit.id)
    )


def _clean_unit(data: dict[str, Any], unit_id: int | None) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(UNIT_LABELS[name])  # noqa: E731
    out = {
        # Free text: SKKNI codes come in several formats; no pattern is enforced.
        "code": c.take("code", v.text, data.get("code"), L("code"), max_length=50),
        "title": c.take("title", v.text, data.get("title"), L("title"), required=True, max_length=300),
        "hours": c.take("hours", v.integer, data.get("hours"), L("hours"), minimum=1, maximum=10000),
    }
    c.raise_if_any()
    return out


def unit_history(unit_id: int) -> str:
    """Why a unit is part of history ('' when it is not): assessed, printed or taught."""
    if UnitAssessment.select().where(UnitAssessment.unit == unit_id).exists():
        return tr("unit ini sudah dinilai")
    if _on_certificate(unit_id):
        return tr("unit ini tercantum pada sertifikat")
    if SessionUnit.select().where(SessionUnit.unit == unit_id).exists():
        return tr("unit ini sudah tercatat pada sesi pelatihan")
    return ""


def _on_certificate(unit_id: int) -> bool:
    """True when a certificate's snapshot lists the unit: by id, by title, or by its (non-empty) code.

    Certificates store ``snapshot["units"] = [{"code", "title"}, ...]`` (services/certificates.py)."""
    unit = CompetencyUnit.get_or_none(CompetencyUnit.id == unit_id)
    if unit is None:
        return False
    for (snapshot,) in Certificate.select(Certificate.snapshot).where(Certificate.program == unit.program).tuples():
        try:
            data = json.loads(snapshot or "{}")
        except ValueError:
            continue
        entries = data.get("units", []) if isinstance(data, dict) else []
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            if entry.get("unit_id") == unit_id or entry.get("id") == unit_id:
                return True
            # By title (a code may have been completed after issue), or by a filled-in code.
            if entry.get("title") == unit.title or (unit.code and entry.get("code") == unit.code):
                return True
    return False


def _get_unit(unit_id: int) -> CompetencyUnit:
    unit = CompetencyUnit.get_or_none(CompetencyUnit.id == unit_id)
    if unit is None:
        raise NotFound(tr("Unit kompetensi tidak ditemukan."))
    return unit


def add_unit(actor: Actor, program_id: int, data: dict[str, Any]) -> CompetencyUnit:
    require(actor, "programs.edit")
    program = get_program(actor, program_id)
    cleaned = _clean_unit(data, None)
    with write_transaction():
        last = CompetencyUnit.select(fn.MAX(CompetencyUnit.position)).where(
            CompetencyUnit.program == program_id).scalar() or 0
        unit = CompetencyUnit.create(program=program_id, position=last + 1, **cleaned)
        audit.record(actor, "create", "competency_unit", unit.id, f"{program.code}: {unit.title}",
                     audit.diff({}, cleaned))
    return unit


def update_unit(actor: Actor, unit_id: int, data: dict[str, Any], *, expected_version: int) -> CompetencyUnit:
    """Change code, title or hours. A unit that is part of history keeps its title,
    and a code once filled in; an empty code may still be completed."""
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    before = {"code": unit.code, "title": unit.title, "hours": unit.hours}
    cleaned = _clean_unit({**before, **data}, unit_id)
    why = unit_history(unit_id)
    if why:
        errors = {}
        if cleaned["title"] != unit.title:
            errors["title"] = tr("Judul tidak dapat diubah karena {why}; pensiunkan unit ini dan tambahkan unit "
                                 "baru bila isinya berubah.").format(why=why)
        if unit.code and cleaned["code"] != unit.code:
            errors["code"] = tr("Kode tidak dapat diubah karena {why}.").format(why=why)
        if errors:
            raise ValidationError(errors)
    with write_transaction():
        changed = (
            CompetencyUnit.update(**cleaned, updated_at=utcnow(), version=CompetencyUnit.version + 1)
            .where((CompetencyUnit.id == unit_id) & (CompetencyUnit.version == expected_version))
            .execute()
        )
        if changed != 1:
            raise StaleRecord(tr("Unit ini telah diubah oleh orang lain; buka kembali lalu ulangi."))
        changes = audit.diff(before, cleaned)
        if changes:
            audit.record(actor, "update", "competency_unit", unit_id, cleaned["title"], changes)
    return CompetencyUnit.get_by_id(unit_id)


def delete_unit(actor: Actor, unit_id: int) -> None:
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    why = unit_history(unit_id)
    if why:
        raise BalaiError(tr("Unit \"{title}\" tidak dapat dihapus karena {why}; pensiunkan saja agar riwayat "
                            "tetap benar.").format(title=unit.title, why=why))
    with write_transaction():
        CompetencyUnit.delete().where(CompetencyUnit.id == unit_id).execute()
        _renumber(unit.program_id)
        audit.record(actor, "delete", "competency_unit", unit_id, unit.title,
                     {"code": [unit.code, None], "title": [unit.title, None]})


def set_unit_retired(actor: Actor, unit_id: int, retired: bool) -> CompetencyUnit:
    """Retire a unit (no longer taught; kept for history) or bring it back."""
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    if unit.retired == retired:
        return unit
    with write_transaction():
        CompetencyUnit.update(retired=retired, updated_at=utcnow(), version=CompetencyUnit.version + 1).where(
            CompetencyUnit.id == unit_id).execute()
        audit.record(actor, "update", "competency_unit", unit_id, unit.title, {"retired": [unit.retired, retired]})
    return CompetencyUnit.get_by_id(unit_id)


def move_unit(actor: Actor, unit_id: int, step: int) -> None:
    """Move a unit up (step -1) or down (+1) in its program's order."""
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    with write_transaction():
        ids = [u.id for u in CompetencyUnit.select(CompetencyUnit.id).where(
            CompetencyUnit.program == unit.program_id).order_by(CompetencyUnit.position, CompetencyUnit.id)]
        index = ids.index(unit_id)
        target = index + step
        if not 0 <= target < len(ids):
            return
        ids[index], ids[target] = ids[target], ids[index]
        for position, uid in enumerate(ids, start=1):
            CompetencyUnit.update(position=position).where(CompetencyUnit.id == uid).execute()
        audit.record(actor, "update", "competency_unit", unit_id, unit.title, {"position": [index + 1, target + 1]})


def _renumber(program_id: int) -> None:
    ids = [u.id for u in CompetencyUnit.select(CompetencyUnit.id).where(
        CompetencyUnit.program == program_id).order_by(CompetencyUnit.position, CompetencyUnit.id)]
    for position, uid in enumerate(ids, start=1):
        CompetencyUnit.update(position=position).where(CompetencyUnit.id == uid).execute()


# --- starter programs ---------------------------------------------------------------------

# Unit titles written as a sensible starting point. Codes are left EMPTY on purpose:
# official SKKNI codes must be completed by the admin, never invented here.
SAMPLE_PROGRAMS: list[tuple[dict[str, Any], list[str]]] = [
    ({"code": "MJH", "name": "Menjahit", "field": "Garmen", "hours": 320, "weeks": 16,
      "description": "Menjahit pakaian dan produk tekstil sederhana hingga siap dipasarkan."},
     ["Menerapkan keselamatan dan kesehatan kerja di tempat kerja",
      "Mengoperasikan dan merawat mesin jahit",
      "Mengukur badan dan membuat pola dasar",
      "Memotong bahan sesuai pola",
      "Menjahit komponen pakaian",
      "Menyelesaikan pakaian (finishing) dan pengendalian mutu"]),
    ({"code": "LAS", "name": "Pengelasan (Las)", "field": "Pekerjaan logam", "hours": 360, "weeks": 16,
      "adults_only": True,
      "description": "Pengelasan dasar untuk bengkel dan pekerjaan konstruksi ringan."},
     ["Menerapkan keselamatan dan kesehatan kerja pengelasan",
      "Membaca gambar teknik sederhana",
      "Menyiapkan bahan dan sambungan las",
      "Mengelas dengan proses las busur manual (SMAW) posisi bawah tangan",
      "Memotong logam dengan gas",
      "Memeriksa hasil las secara visual"]),
    ({"code": "DG", "name": "Desain Grafis", "field": "Teknologi informasi dan komunikasi", "hours": 300,
      "weeks": 12, "description": "Desain grafis untuk media cetak dan media sosial."},
     ["Mengoperasikan komputer dan perangkat lunak grafis",
      "Menerapkan prinsip dasar desain dan tipografi",
      "Mengolah gambar bitmap",
      "Membuat desain vektor (logo dan ilustrasi)",
      "Menata letak media cetak",
      "Menyiapkan berkas untuk cetak dan publikasi digital"]),
    ({"code": "CC", "name": "Contact Center", "field": "Layanan pelanggan", "hours": 240, "weeks": 10,
      "description": "Layanan pelanggan melalui telepon dan kanal digital."},
     ["Berkomunikasi secara efektif dengan pelanggan",
      "Menangani panggilan masuk sesuai prosedur",
      "Melakukan panggilan keluar",
      "Mengoperasikan aplikasi dan basis data pelanggan",
      "Menangani keluhan pelanggan",
      "Menerapkan etika dan kerahasiaan data pelanggan"]),
]


def create_sample_programs(actor: Actor) -> list[Program]:
    """The four starter programs (skipping codes already in use), marked ``is_sample``."""
    require(actor, "programs.edit")
    created = []
    with write_transaction():
        for data, titles in SAMPLE_PROGRAMS:
            if Program.select().where(fn.UPPER(Program.code) == data["code"]).exists():
                continue
            created.append(create_program(actor, data, [{"code": "", "title": t} for t in titles], is_sample=True))
    return created


# --- trainers --------------------------------------------------------------------------------


def trainers() -> list[User]:
    """Active accounts with the instruktur role, by name."""
    return list(User.select().where((User.role == "instruktur") & (User.active == True))  # noqa: E712
                .order_by(User.full_name, User.id))


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


SEAT_STATUSES = ("aktif", "lulus")


def _visible(query, actor: Actor):
    if is_instruktur(actor):
        return query.where(Batch.trainer == actor.user_id)
    return query


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
    low, high = v.date(low, "start"), v.date(high, "end")
    return list(range(high.year, low.year - 1, -1))


def get_batch(actor: Actor, batch_id: int) -> Batch:
    require(actor, "training.view")
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    if is_instruktur(actor) and batch.trainer_id != actor.user_id:
        raise PermissionDenied(tr("Angkatan ini diampu instruktur lain; Anda hanya dapat membuka angkatan "
                                  "Anda sendiri."))
    return batch


def batch_row(actor: Actor, batch_id: int) -> BatchRow:
    get_batch(actor, batch_id)
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
            fn.UPPER(Program.code) == _key(program).upper())
        if row is None:
            c.error("program", tr("Program '{p}' tidak ditemukan.").format(p=program))
        elif not row.active and batch_id is None:
            c.error("program", tr("Program {name} tidak aktif.").format(name=row.name))
        else:
            out["program"] = row.id
    out["name"] = c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200)
    trainer = data.get("trainer")
    trainer = getattr(trainer, "id", trainer)
    out["trainer"] = None
    if trainer not in (None, "", 0):
        trainer_id = v.record_id(trainer)
        user = User.get_or_none(User.id == trainer_id) if trainer_id is not None else User.get_or_none(
            User.username == _key(trainer))
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
    out["status"] = c.take("status", v.choice, data.get("status") or "direncanakan", L("status"), codes.BATCH_STATUS)
    c.raise_if_any()
    return out


def create_batch(actor: Actor, data: dict[str, Any]) -> Batch:
    """``data``: program (id, code or Program), name, trainer (id/username or None), start_date,
    end_date, schedule, room, capacity (default 20), status (default direncanakan)."""
    require(actor, "batches.edit")
    cleaned = _clean_batch(data, None)
    with write_transaction():
        batch = Batch.create(**cleaned)
        audit.record(actor, "create", "batch", batch.id, batch.name, audit.diff({}, cleaned))
    return batch


def update_batch(actor: Actor, batch_id: int, data: dict[str, Any], *, expected_version: int,
                 confirm_warnings: bool = False) -> Batch:
    require(actor, "batches.edit")
    batch = get_batch(actor, batch_id)
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
        changed = (
            Batch.update(**cleaned, updated_at=utcnow(), version=Batch.version + 1)
            .where((Batch.id == batch_id) & (Batch.version == expected_version))
            .execute()
        )
        if changed != 1:
            raise StaleRecord(tr("Angkatan {name} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                 "ulangi.").format(name=batch.name))
        after = Batch.get_by_id(batch_id)
        changes = audit.diff(before, _batch_dict(after))
        if changes:
            audit.record(actor, "update", "batch", batch_id, after.name, changes)
    return after


def _check_status_change(c: v.Collector, batch: Batch, status: str | None) -> None:
    if not status or status == batch.status:
        return
    if status not in BATCH_TRANSITIONS.get(batch.status, set()):
        c.error("status", tr("Status tidak dapat diubah dari {a} menjadi {b}.").format(
            a=codes.label(codes.BATCH_STATUS, batch.status), b=codes.label(codes.BATCH_STATUS, status)))
        return
    open_count = Enrollment.select().where((Enrollment.batch == batch.id) & (Enrollment.status == "aktif")).count()
    if status == "dibatalkan" and open_count:
        c.error("status", tr("Masih ada {n} peserta aktif. Tutup dulu keikutsertaan mereka (mengundurkan diri) "
                             "sebelum membatalkan angkatan.").format(n=open_count))
    if status == "selesai" and open_count:
        c.warn("status", tr("{n} peserta masih berstatus aktif; tandai lulus atau mengundurkan diri "
                            "setelah angkatan selesai.").format(n=open_count))


def set_batch_status(actor: Actor, batch_id: int, status: str, *, expected_version: int,
                     confirm_warnings: bool = False) -> Batch:
    return update_batch(actor, batch_id, {"status": status}, expected_version=expected_version,
                        confirm_warnings=confirm_warnings)


def seats_in(batch_id: int) -> int:
    return Enrollment.select().where((Enrollment.batch == batch_id) & Enrollment.status.in_(SEAT_STATUSES)).count()


def delete_batch(actor: Actor, batch_id: int) -> None:
    """Only a batch without participants or sessions (a mistake); otherwise cancel it."""
    require(actor, "batches.edit")
    batch = get_batch(actor, batch_id)
    if Enrollment.select().where(Enrollment.batch == batch_id).exists() or TrainingSession.select().where(
            TrainingSession.batch == batch_id).exists():
        raise BalaiError(tr("Angkatan {name} sudah memiliki peserta atau sesi; batalkan saja, jangan "
                            "dihapus.").format(name=batch.name))
    with write_transaction():
        Batch.delete().where(Batch.id == batch_id).execute()
        audit.record(actor, "delete", "batch", batch_id, batch.name, audit.diff(_batch_dict(batch), {}))
