"""Competency-unit assessments: a verdict (K / BK) on one unit for one participant.

Re-assessment adds a row; the latest verdict counts (``services/progress.py``).
An instruktur assesses only the participants of his own batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from balai_app.db.connection import write_transaction
from balai_app.db.models import CompetencyUnit, Enrollment, UnitAssessment, User
from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.attendance import participant_phrase
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.records import UnitRecord
from balai_app.services.batch_ready import require_ready
from balai_app.services.sessions import (
    Participant,
    load_batch_for,
    load_enrollment_of,
    participants,
    program_units,
    resolve_units,
)

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


def _clean_verdict(item: UnitVerdict, units: dict[int, UnitRecord], enrollments: dict[int, Participant],
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
        c.error("enrollment", tr("{who} bukan peserta angkatan ini.").format(who=participant_phrase(item.enrollment_id)))
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
    batch = load_batch_for(actor, batch_id, "assess.edit")
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
    batch = load_batch_for(actor, batch_id, "assess.edit")
    enrollment = load_enrollment_of(batch.id, resident_id)
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
        raise NotFound(tr("Pendaftaran peserta yang dipilih tidak ditemukan (mungkin sudah dihapus); buka kembali "
                          "daftar peserta."))
    load_batch_for(actor, enrollment.batch_id)
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
