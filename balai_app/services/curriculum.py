"""The curriculum: vocational programs (keterampilan) and their ordered competency units,
with the starter programs a new balai begins from.

Batches (angkatan) of a program live in ``services/training.py``; enrollment in
``services/enrollment.py``. Public functions return the plain records of
``services/records.py``; ``load_program`` hands the peewee row to other services only.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import Batch, Certificate, CompetencyUnit, Program, SessionUnit, UnitAssessment, utcnow
from balai_app.domain.errors import BalaiError, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.records import ProgramRecord, UnitRecord
from balai_app.services.versioning import versioned_update
from balai_app.domain.text import program_phrase

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


# --- programs ----------------------------------------------------------------------


def list_programs(actor: Actor, include_inactive: bool = False) -> list[ProgramRecord]:
    require(actor, "training.view")
    query = Program.select().order_by(Program.name, Program.id)
    if not include_inactive:
        query = query.where(Program.active == True)  # noqa: E712
    return [ProgramRecord.of(p) for p in query]


def get_program(actor: Actor, id_or_code: int | str) -> ProgramRecord:
    return ProgramRecord.of(load_program(actor, id_or_code))


def load_program(actor: Actor, id_or_code: int | str) -> Program:
    """The program row, for other services."""
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
                c.error("code", tr("Kode {code} sudah dipakai {program}.").format(code=code, program=program_phrase(other.name)))
    # issue 14: a PM under 15 is enrolled in an adults-only program only with a written reason
    out["adults_only"] = bool(data.get("adults_only", False))
    c.raise_if_any()
    return out


def create_program(actor: Actor, data: dict[str, Any], units: list[dict[str, Any]] | None = None,
                   *, is_sample: bool = False) -> ProgramRecord:
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
    return ProgramRecord.of(program)


def update_program(actor: Actor, program_id: int, data: dict[str, Any], *, expected_version: int) -> ProgramRecord:
    require(actor, "programs.edit")
    current = load_program(actor, program_id)
    before = _program_dict(current)
    cleaned = _clean_program({**before, **data}, program_id)
    if "active" in data:
        cleaned["active"] = bool(data["active"])
    if "is_sample" in data:  # the admin marks a starter program as checked against SKKNI
        cleaned["is_sample"] = bool(data["is_sample"])
    with write_transaction():
        versioned_update(Program, program_id, cleaned, expected_version=expected_version,
                         stale=tr("{program} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                  "ulangi perubahan Anda.").format(program=program_phrase(current.name, start=True)))
        after = Program.get_by_id(program_id)
        changes = audit.diff(before, _program_dict(after))
        if changes:
            audit.record(actor, "update", "program", program_id, f"{after.code} {after.name}", changes)
    return ProgramRecord.of(after)


def delete_program(actor: Actor, program_id: int) -> None:
    """Only a program never used by a batch; otherwise deactivate it."""
    require(actor, "programs.edit")
    program = load_program(actor, program_id)
    if Batch.select().where(Batch.program == program_id).exists():
        raise BalaiError(tr("{program} sudah dipakai angkatan dan tidak dapat dihapus; nonaktifkan saja "
                            "agar riwayat tetap utuh.").format(program=program_phrase(program.name, start=True)))
    if Certificate.select().where(Certificate.program == program_id).exists():
        raise BalaiError(tr("{program} tercantum pada sertifikat dan tidak dapat dihapus.").format(
            program=program_phrase(program.name, start=True)))
    with write_transaction():
        CompetencyUnit.delete().where(CompetencyUnit.program == program_id).execute()
        Program.delete().where(Program.id == program_id).execute()
        audit.record(actor, "delete", "program", program_id, f"{program.code} {program.name}")


# --- competency units -----------------------------------------------------------------


def units_of(actor: Actor, program_id: int, *, include_retired: bool = True) -> list[UnitRecord]:
    require(actor, "training.view")
    query = CompetencyUnit.select().where(CompetencyUnit.program == program_id)
    if not include_retired:
        query = query.where(CompetencyUnit.retired == False)  # noqa: E712
    return [UnitRecord.of(u) for u in query.order_by(CompetencyUnit.position, CompetencyUnit.id)]


def active_units(program_id: int) -> list[UnitRecord]:
    """The units currently taught, in order (retired ones left out)."""
    return [UnitRecord.of(u) for u in (
        CompetencyUnit.select()
        .where((CompetencyUnit.program == program_id) & (CompetencyUnit.retired == False))  # noqa: E712
        .order_by(CompetencyUnit.position, CompetencyUnit.id)
    )]


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


def add_unit(actor: Actor, program_id: int, data: dict[str, Any]) -> UnitRecord:
    require(actor, "programs.edit")
    program = load_program(actor, program_id)
    cleaned = _clean_unit(data, None)
    with write_transaction():
        last = CompetencyUnit.select(fn.MAX(CompetencyUnit.position)).where(
            CompetencyUnit.program == program_id).scalar() or 0
        unit = CompetencyUnit.create(program=program_id, position=last + 1, **cleaned)
        audit.record(actor, "create", "competency_unit", unit.id, f"{program.code}: {unit.title}",
                     audit.diff({}, cleaned))
    return UnitRecord.of(unit)


def update_unit(actor: Actor, unit_id: int, data: dict[str, Any], *, expected_version: int) -> UnitRecord:
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
            errors["title"] = tr("Judul tidak dapat diubah karena {why}; nonaktifkan unit ini dan tambahkan unit "
                                 "baru bila isinya berubah.").format(why=why)
        if unit.code and cleaned["code"] != unit.code:
            errors["code"] = tr("Kode tidak dapat diubah karena {why}.").format(why=why)
        if errors:
            raise ValidationError(errors)
    with write_transaction():
        versioned_update(CompetencyUnit, unit_id, cleaned, expected_version=expected_version,
                         stale=tr("Unit ini telah diubah oleh orang lain; buka kembali lalu ulangi."))
        changes = audit.diff(before, cleaned)
        if changes:
            audit.record(actor, "update", "competency_unit", unit_id, cleaned["title"], changes)
    return UnitRecord.of(CompetencyUnit.get_by_id(unit_id))


def delete_unit(actor: Actor, unit_id: int) -> None:
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    why = unit_history(unit_id)
    if why:
        raise BalaiError(tr("Unit \"{title}\" tidak dapat dihapus karena {why}; nonaktifkan saja agar riwayat "
                            "tetap benar.").format(title=unit.title, why=why))
    with write_transaction():
        CompetencyUnit.delete().where(CompetencyUnit.id == unit_id).execute()
        _renumber(unit.program_id)
        audit.record(actor, "delete", "competency_unit", unit_id, unit.title,
                     {"code": [unit.code, None], "title": [unit.title, None]})


def set_unit_retired(actor: Actor, unit_id: int, retired: bool) -> UnitRecord:
    """Retire a unit (no longer taught; kept for history) or bring it back."""
    require(actor, "programs.edit")
    unit = _get_unit(unit_id)
    if unit.retired == retired:
        return UnitRecord.of(unit)
    with write_transaction():
        CompetencyUnit.update(retired=retired, updated_at=utcnow(), version=CompetencyUnit.version + 1).where(
            CompetencyUnit.id == unit_id).execute()
        audit.record(actor, "update", "competency_unit", unit_id, unit.title, {"retired": [unit.retired, retired]})
    return UnitRecord.of(CompetencyUnit.get_by_id(unit_id))


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


def create_sample_programs(actor: Actor) -> list[ProgramRecord]:
    """The four starter programs (skipping codes already in use), marked ``is_sample``."""
    require(actor, "programs.edit")
    created = []
    with write_transaction():
        for data, titles in SAMPLE_PROGRAMS:
            if Program.select().where(fn.UPPER(Program.code) == data["code"]).exists():
                continue
            created.append(create_program(actor, data, [{"code": "", "title": t} for t in titles], is_sample=True))
    return created
