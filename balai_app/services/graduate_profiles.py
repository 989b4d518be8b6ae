"""Profil lulusan: what a graduate achieved, for a partner company, with the PM's consent first.

The profile carries only achievements: name, photo, programmes completed, units found
Kompeten, certificate numbers, attendance. It never carries the NIK, the klaster, a
disability, the address, case notes or why the PM came to the balai (DOMAIN.md,
"Dignity in documents"): ``GraduateProfile`` has no field that could hold them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import JOIN

from balai_app.db.connection import write_transaction
from balai_app.db.models import (
    Batch,
    Certificate,
    CompetencyUnit,
    Enrollment,
    Partner,
    Program,
    ProfileConsent,
    Resident,
    ResidentPhoto,
    User,
)
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import accounts, audit, validation as v
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.permissions import require

LABELS = {"date": "Tanggal persetujuan", "asked_by": "Ditanyakan oleh", "note": "Catatan", "given": "Persetujuan"}


@dataclass(frozen=True)
class Consent:
    id: int
    resident_id: int
    date: dt.date
    asked_by: str
    given: bool
    note: str
    recorded_by: str


@dataclass(frozen=True)
class CompletedProgramme:
    program: str
    batch: str
    start: dt.date
    end: dt.date
    attendance: str  # "95%" or "-"
    units: tuple[tuple[str, str], ...]  # (code, title) found Kompeten


@dataclass(frozen=True)
class GraduateProfile:
    """Everything the PDF prints, and nothing else."""

    name: str
    photo: bytes | None
    programmes: tuple[CompletedProgramme, ...]
    certificates: tuple[tuple[str, str], ...]  # (number, programme)
    consent_date: dt.date
    balai_name: str
    balai_city: str
    partner_name: str
    printed_on: dt.date


def _resident(resident_id: int) -> Resident:
    key = v.record_id(resident_id)
    resident = Resident.get_or_none(Resident.id == key) if key is not None else None
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=str(resident_id)[:20]))
    return resident


def _given(value: Any, _label: str = "") -> bool:
    if isinstance(value, bool):
        return value
    if value in (None, ""):
        return True
    text = str(value).strip().lower()
    if text in ("1", "ya", "setuju", "true"):
        return True
    if text in ("0", "tidak", "menolak", "ditarik", "false"):
        return False
    raise v.FieldError(tr("Persetujuan: isi 'ya' atau 'tidak'."))


def record_consent(actor: Actor, resident_id: int, data: dict[str, Any]) -> Consent:
    """Record the PM's answer (consent, or its refusal/withdrawal): the latest answer counts."""
    require(actor, "profiles.consent")
    resident = _resident(resident_id)
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    cleaned = {
        "date": c.take("date", v.date, data.get("date") or dt.date.today(), L("date"), required=True,
                       not_future=True),
        "asked_by": c.take("asked_by", v.text, data.get("asked_by") or accounts.display_name(actor.user_id)
                           or actor.username, L("asked_by"), required=True),
        "given": c.take("given", _given, data.get("given"), L("given")),
        "note": c.take("note", v.text, data.get("note"), L("note"), max_length=1000, multiline=True),
    }
    if cleaned["date"] and cleaned["date"] < resident.entry_date:
        c.error("date", tr("Tanggal persetujuan tidak boleh sebelum tanggal masuk PM."))
    c.raise_if_any()
    with write_transaction():
        row = ProfileConsent.create(resident=resident.id, created_by=actor.user_id, **cleaned)
        audit.record(actor, "create", "profile_consent", row.id, resident.name, audit.diff({}, cleaned))
    consent = consent_of(actor, resident.id)
    assert consent is not None  # just written in this transaction
    return consent


def consent_of(actor: Actor, resident_id: int) -> Consent | None:
    """The PM's latest answer, or None when never asked."""
    require(actor, "profiles.consent")
    return _latest(resident_id)


def _latest(resident_id: int) -> Consent | None:
    row = (ProfileConsent.select(ProfileConsent, User.full_name)
           .join(User, JOIN.LEFT_OUTER, on=(ProfileConsent.created_by == User.id))
           .where(ProfileConsent.resident == resident_id)
           .order_by(ProfileConsent.date.desc(), ProfileConsent.id.desc()).objects().first())
    if row is None:
        return None
    return Consent(row.id, row.resident_id, row.date, row.asked_by, bool(row.given), row.note,
                   getattr(row, "full_name", None) or "")


def graduate_profile(actor: Actor, resident_id: int, *, partner_id: int | None = None,
                     today: dt.date | None = None) -> GraduateProfile:
    """The profile's content; refused until the PM consented (latest answer 'ya')."""
    require(actor, "profiles.print")
    from balai_app.services import profile, progress

    resident = _resident(resident_id)
    consent = _latest(resident.id)
    if consent is None or not consent.given:
        raise ValidationError({"consent": tr(
            "Profil lulusan {name} belum dapat dicetak: catat dahulu persetujuan PM (tanggal, siapa yang "
            "menanyakan).").format(name=resident.name) if consent is None else tr(
            "{name} tidak menyetujui (atau menarik persetujuan) pembagian profil lulusan pada {d}.").format(
            name=resident.name, d=consent.date.strftime("%d/%m/%Y"))})
    partner_name = ""
    if partner_id not in (None, ""):
        key = v.record_id(partner_id)
        partner = Partner.get_or_none(Partner.id == key) if key is not None else None
        if partner is None:
            raise ValidationError({"partner": tr("Mitra No. '{p}' tidak terdaftar.").format(p=str(partner_id)[:20])})
        partner_name = partner.name
    programmes = []
    enrollments = (Enrollment.select(Enrollment, Batch, Program)
                   .join(Batch, on=(Enrollment.batch == Batch.id))
                   .join(Program, on=(Batch.program == Program.id))
                   .where((Enrollment.resident == resident.id) & (Enrollment.status == "lulus"))
                   .order_by(Batch.start_date))
    for enrollment in enrollments:
        figures = progress.enrollment_progress(SYSTEM, enrollment.id)
        competent = [unit_id for unit_id, result in figures.unit_results.items() if result == "K"]
        units = tuple((u.code, u.title) for u in CompetencyUnit.select()
                      .where(CompetencyUnit.id.in_(competent)).order_by(CompetencyUnit.position)) if competent else ()
        batch = enrollment.batch
        programmes.append(CompletedProgramme(
            program=batch.program.name, batch=batch.name, start=enrollment.start_date,
            end=enrollment.end_date or batch.end_date, attendance=progress.percent(figures.attendance_rate),
            units=units))
    certificates = tuple(
        (number, name) for number, name in Certificate.select(Certificate.number, Program.name)
        .join(Program, on=(Certificate.program == Program.id))
        .where((Certificate.resident == resident.id) & (Certificate.status == "berlaku"))
        .order_by(Certificate.issued_at).tuples())
    photo = ResidentPhoto.select(ResidentPhoto.image).where(ResidentPhoto.resident == resident.id).first()
    info = profile.get_profile()
    return GraduateProfile(
        name=resident.name, photo=bytes(photo.image) if photo else None, programmes=tuple(programmes),
        certificates=certificates, consent_date=consent.date, balai_name=info.name if info else "",
        balai_city=info.city if info else "", partner_name=partner_name, printed_on=today or dt.date.today(),
    )


def write_profile_pdf(actor: Actor, resident_id: int, path, *, partner_id: int | None = None) -> Path:
    """Write the profile as a PDF (audited as a print, naming the partner it is for)."""
    data = graduate_profile(actor, resident_id, partner_id=partner_id)
    from balai_app.documents.graduate_profile import pdf_bytes

    path = Path(path)
    content = pdf_bytes(data)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(content)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError({"path": tr("Berkas '{p}' tidak dapat ditulis: {e}").format(
            p=path, e=exc.strerror or exc)}) from None
    with write_transaction():
        audit.record(actor, "print", "resident", int(resident_id), tr("Profil lulusan {name}{to}").format(
            name=data.name, to=tr(" untuk {p}").format(p=data.partner_name) if data.partner_name else ""))
    return path
